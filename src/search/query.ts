/**
 * A query parsed once: its words, its index terms and which of its words the articles use. Every
 * command that reads user text as a query (`/search`, `/who-said`, `/ask`'s question, `/position`'s
 * topic) parses it here and hands the result to the index (`ParagraphIndex.candidates`), the
 * phrase aligner (`findPhrase`), the keyword locator and the question reader, so the text is
 * tokenised once per query, not once per stage or per candidate paragraph, and nothing in
 * `search/` calls back into the caller.
 */
import { words, type Word } from '../text/words';
import { indexedTermsOfWords } from './terms';

export interface ParsedQuery {
  /** The query as typed (already cleaned by the command path). */
  readonly text: string;
  /** Its words with offsets into `text`, normalised: what phrases are aligned with. */
  readonly words: Word[];
  /** Index terms, stop words dropped, in order and with repeats: what the index looks up. */
  readonly terms: string[];
  /**
   * The normalised words the loaded articles use (index terms), when parsed against an index;
   * undefined when unknown. The aligner reads a three-letter word nobody uses as a dropped letter,
   * and a known word a typo away from the text's word as meant (see `FindOptions`).
   */
  readonly known?: ReadonlySet<string>;
}

/**
 * Parses `text`. With `isIndexTerm` (the index's vocabulary), each distinct word is looked up once
 * and the answer kept in `known`.
 *
 * @example parseQuery('fundamentally aligned').terms // ['fundamentally', 'aligned']
 */
export function parseQuery(text: string, isIndexTerm?: (norm: string) => boolean): ParsedQuery {
  const ws = words(text);
  const query: { text: string; words: Word[]; terms: string[]; known?: Set<string> } = { text, words: ws, terms: indexedTermsOfWords(ws) };
  if (isIndexTerm) {
    const known = new Set<string>();
    for (const w of ws) if (!known.has(w.norm) && isIndexTerm(w.norm)) known.add(w.norm);
    query.known = known;
  }
  return query;
}

/** A query from a string or an already parsed one. */
export function asParsedQuery(query: string | ParsedQuery): ParsedQuery {
  return typeof query === 'string' ? parseQuery(query) : query;
}
