/**
 * The match key (questionTerms.ts `keyOf`) of the terms of the index's vocabulary, for `/ask`,
 * kept per knowledge base (`kb.derived`) and filled a slice at a time: each question stems the
 * next `WARM_SLICE` terms not done yet (about 4 ms), so after a hundred questions or so (28,000
 * terms at 19k paragraphs; a small library in a few) every vocabulary term's key is a lookup.
 * A term not done yet is keyed by `keyOf` itself: the table only saves time, it never changes a
 * key, so answers do not depend on how far it has got.
 *
 * Why: stemming is the slow part of reading a question (the Porter2 stemmer takes 13–35 µs a
 * word). A question word nobody had asked about made `/ask` check the keys of up to 150 vocabulary
 * terms sharing its first letters, and of 40 more for each WordNet synonym, and the answer-type
 * evidence checks every word of a candidate sentence: the slowest questions at 19k paragraphs
 * spent most of their time stemming. Stemming the whole vocabulary at once costs about 0.4 s of
 * CPU at 19k paragraphs, too long for one Discord interaction's first answer; a slice per question
 * spreads it out.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { computeKey, keyOf } from './questionTerms';

/** Vocabulary terms stemmed per question until the table is complete. */
export const WARM_SLICE = 300;

/** The vocabulary of one knowledge base, by match key. */
export class AskVocabulary {
  /** Term → its id, for the terms done so far (their keys are in `byId`). */
  private readonly ids = new Map<string, number>();
  /** The keys by term id (the vocabulary's order), `next` of them so far. */
  private readonly byId: string[] = [];
  private next = 0;

  constructor(
    private readonly vocab: readonly string[],
    /** The index's own term lookup (`termId`), for the terms not done yet. */
    private readonly termId: (term: string) => number | undefined,
  ) {}

  /** `keyOf(norm)`: from the table when `norm` is a term done already, else computed (and cached). */
  keyOf = (norm: string): string => {
    const id = this.ids.get(norm);
    return id === undefined ? keyOf(norm) : this.byId[id]!;
  };

  /** `keyOf` of the term with this id (the index's `termId`), without hashing its text when done. */
  keyOfId(id: number): string {
    return id < this.next ? this.byId[id]! : this.keyOf(this.vocab[id]!);
  }

  /**
   * The index's `termId(term)`: a hash lookup once the table is complete (the index's own is a
   * walk down its radix tree, and a new question word looks up a dozen candidate forms).
   */
  idOf(term: string): number | undefined {
    return this.ids.get(term) ?? (this.complete ? undefined : this.termId(term));
  }

  /** The term with this id. */
  term(id: number): string {
    return this.vocab[id]!;
  }

  /** Stems the next `count` terms of the vocabulary not in the table yet. */
  warm(count = WARM_SLICE): void {
    const end = Math.min(this.vocab.length, this.next + count);
    for (; this.next < end; this.next++) {
      const term = this.vocab[this.next]!;
      this.ids.set(term, this.next);
      this.byId.push(computeKey(term));
    }
  }

  /** Whether every vocabulary term is in the table. */
  get complete(): boolean {
    return this.next >= this.vocab.length;
  }
}

const buildVocabulary = (kb: KnowledgeBase) => new AskVocabulary(kb.index.snapshot().vocab, (term) => kb.index.termId(term));

/** The vocabulary table of `kb` (made on first use, then kept with the knowledge base). */
export function askVocabulary(kb: KnowledgeBase): AskVocabulary {
  return kb.derived(buildVocabulary);
}
