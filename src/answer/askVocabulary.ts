/**
 * The match key (questionTerms.ts `keyOf`) of every term of the index's vocabulary, for `/ask`:
 * built once per knowledge base, on the first `/ask` (`kb.derived`), by stemming each term once.
 *
 * Why: stemming is the slow part of reading a question (the Porter2 stemmer takes 15–35 µs a
 * word). A question word nobody had asked about made `/ask` check the keys of up to 150 vocabulary
 * terms sharing its first letters, and of 40 more for each WordNet synonym, and the answer-type
 * evidence checks every word of a candidate sentence: the slowest questions at 19k paragraphs
 * spent most of their time stemming. The whole vocabulary once (28,000 terms at 19k paragraphs)
 * costs what a few dozen such questions did.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { computeKey, keyOf } from './questionTerms';

/** The vocabulary of one knowledge base, by match key. */
export interface AskVocabulary {
  /** `keyOf(norm)`: from the table when `norm` is an index term, else computed (and cached). */
  keyOf(norm: string): string;
}

function buildVocabulary(kb: KnowledgeBase): AskVocabulary {
  const keys = new Map<string, string>();
  for (const term of kb.index.snapshot().vocab) keys.set(term, computeKey(term));
  return { keyOf: (norm) => keys.get(norm) ?? keyOf(norm) };
}

/** The vocabulary table of `kb` (built on first use, then kept with the knowledge base). */
export function askVocabulary(kb: KnowledgeBase): AskVocabulary {
  return kb.derived(buildVocabulary);
}
