/**
 * The index's view of text. Word splitting and normalisation live in text/words.ts (with a fast
 * path for plain ASCII words); `termsOf` and `wordsOf` are the same functions under the names the
 * search code and its equivalence test use.
 */
import { indexTerms, indexTermsOfWords, isStopWord, words, type Word } from '../text/words';

export { indexTerms as termsOf, words as wordsOf };

/** Terms the index keeps: index terms without empty strings and stop words. */
export function indexedTermsOf(text: string): string[] {
  return indexedTermsOfWords(words(text));
}

/** `indexedTermsOf` for text already split into `words`. */
export function indexedTermsOfWords(ws: readonly Word[]): string[] {
  return indexTermsOfWords(ws).filter((t) => t.length > 0 && !isStopWord(t));
}
