/**
 * Whole-question meaning for `/ask`: how close a sentence's (or paragraph's) words are, taken
 * together, to the question's — the cosine of two smooth-inverse-frequency (SIF) averages of word
 * vectors (Arora, Liang & Ma, "A simple but tough-to-beat baseline for sentence embeddings",
 * ICLR 2017). Each word's vector weighs a / (a + p(w)), p(w) its frequency, so "the", "was" and
 * "also" add little and "pope", "stadium" much; the component every such average shares (the
 * direction of common English) is removed, so what is left is what the text is about.
 *
 * `soft` (askSoft.ts) aligns each question word to one text word; this compares the two texts
 * whole: "Who designed the bridge?" is near "The architect drew its plans" though no word pair is
 * close enough on its own.
 *
 * The table (wordVectors.ts) is in frequency order, so p(w) is read from a word's row by Zipf's law
 * (p ≈ 1 / (row · H)): nothing depends on the articles loaded, and answers do not depend on what
 * else a server's library holds. Stop words and words without a vector count nothing.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { isStopWord, type Word } from '../text/words';
import { keyOf, TYPO_WEIGHT } from './questionTerms';
import { DIMENSIONS, wordVectors, type WordVectors } from './wordVectors';

/** SIF's smoothing constant (the paper's default, 1e-3). */
const SMOOTHING = 1e-3;

/** The Zipf frequency of row `row` of a table of `size` words. */
const zipf = (row: number, size: number) => 1 / ((row + 1) * (Math.log(size) + 0.5772));

/** A word's SIF weight by its row. */
export const sifWeight = (row: number, size: number): number => SMOOTHING / (SMOOTHING + zipf(row, size));

const weightsOf = new WeakMap<WordVectors, Float64Array>();

/** `sifWeight` of every row of a table, worked out once per table (100k rows, about a millisecond). */
function sifWeights(v: WordVectors): Float64Array {
  let w = weightsOf.get(v);
  if (!w) {
    const size = v.ids.size;
    w = Float64Array.from({ length: size }, (_, r) => sifWeight(r, size));
    weightsOf.set(v, w);
  }
  return w;
}

/** The table row of a text word, −1 for none (stop words, words the table lacks). */
const rowIn = (v: WordVectors, norm: string): number => (isStopWord(norm) ? -1 : (v.ids.get(norm.endsWith("'s") ? norm.slice(0, -2) : norm) ?? -1));

/** Paragraphs whose sums a memo keeps at most (each about 0.8 kB a sentence): the oldest go first. */
export const MEANING_MEMO_PARAGRAPHS = 8192;

/**
 * What the meaning match reads of a paragraph whatever the question: its words' table rows and the
 * sums of its sentences and of itself, the common component removed, with their lengths, kept per knowledge base and table and filled
 * as questions touch paragraphs (as askVocabulary.ts keeps keys). A question then works out only
 * its own vector and the dot products. The sums are added in the same order as
 * `MeaningMatcher.sum`, so every feature value is the same to the bit with or without the memo.
 */
export class MeaningMemo {
  private readonly paragraphs = new Map<number, { rows: Int32Array; sums: Map<number, Projected> }>();
  readonly weights: Float64Array;

  constructor(readonly v: WordVectors) {
    this.weights = sifWeights(v);
  }

  /** Paragraph `id`'s words' rows (`ws` its words). */
  rows(id: number, ws: readonly Word[]): Int32Array {
    return this.entry(id, ws).rows;
  }

  /** The projected sum of words [from, to) of paragraph `id`, made by `make` the first time. */
  sum(id: number, ws: readonly Word[], from: number, to: number, make: () => Projected): Projected {
    const { sums } = this.entry(id, ws);
    const key = from * 0x100000 + to;
    let s = sums.get(key);
    if (!s) sums.set(key, (s = make()));
    return s;
  }

  private entry(id: number, ws: readonly Word[]) {
    let e = this.paragraphs.get(id);
    if (!e) {
      if (this.paragraphs.size >= MEANING_MEMO_PARAGRAPHS) this.paragraphs.delete(this.paragraphs.keys().next().value!);
      e = { rows: Int32Array.from(ws, (w) => rowIn(this.v, w.norm)), sums: new Map() };
      this.paragraphs.set(id, e);
    }
    return e;
  }
}

/** A sum of word vectors with the common component removed, and its length. */
interface Projected {
  readonly x: Float64Array;
  readonly n: number;
}

const buildMemos = () => new WeakMap<WordVectors, MeaningMemo>();

/** The meaning memo of `kb` for table `v` (made on first use, then kept with the knowledge base). */
export function meaningMemo(kb: KnowledgeBase, v: WordVectors = wordVectors()): MeaningMemo {
  const memos = kb.derived(buildMemos);
  let m = memos.get(v);
  if (!m) memos.set(v, (m = new MeaningMemo(v)));
  return m;
}

/** The meaning matcher of a question of `kb` (`norms` its terms), with `kb`'s memo for the table in use. */
export function meaningOf(kb: KnowledgeBase, norms: readonly string[]): MeaningMatcher {
  const memo = meaningMemo(kb);
  return new MeaningMatcher(norms, memo.v, memo);
}

const commonOf = new WeakMap<WordVectors, Float64Array>();

/**
 * The common component of a table: the unit direction of the frequency- and SIF-weighted sum of
 * its vectors, i.e. of the average sentence (SIF removes the first principal component of a
 * corpus's sentence averages, which for uncentred averages is close to their mean). Once per
 * table: 100k rows, a few milliseconds.
 */
export function commonComponent(v: WordVectors): Float64Array {
  let u = commonOf.get(v);
  if (u) return u;
  u = new Float64Array(DIMENSIONS);
  const size = v.ids.size;
  const weights = sifWeights(v);
  for (let r = 0; r < size; r++) {
    const f = zipf(r, size) * weights[r]!;
    for (let k = 0; k < DIMENSIONS; k++) u[k]! += f * v.data[r * DIMENSIONS + k]!;
  }
  const norm = Math.hypot(...u) || 1;
  for (let k = 0; k < DIMENSIONS; k++) u[k]! /= norm;
  commonOf.set(v, u);
  return u;
}

/** One question's meaning vector, and the cosine of texts to it. */
export class MeaningMatcher {
  private readonly u: Float64Array;
  private readonly q: Float64Array;
  private readonly qNorm: number;
  private readonly rows = new Map<string, number>();

  private readonly weights: Float64Array;

  /**
   * `norms`: the question's content words (its terms), normalised; `memo`: where paragraphs' rows
   * and sums are kept across questions (`paragraphCosine`), for table `v`.
   */
  constructor(
    private readonly norms: readonly string[],
    private readonly v: WordVectors = wordVectors(),
    private readonly memo?: MeaningMemo,
  ) {
    if (memo && memo.v !== v) throw new Error('meaning memo of another table');
    this.weights = memo?.weights ?? sifWeights(v);
    this.u = commonComponent(v);
    this.q = new Float64Array(DIMENSIONS);
    for (const n of norms) this.add(this.q, n);
    this.qNorm = this.project(this.q);
    this.words = new Set(norms.map((n) => this.rowOf(n)).filter((r) => r >= 0)).size;
  }

  /** The table row of a text word, −1 for none (stop words, words the table lacks). */
  private rowOf(norm: string): number {
    let r = this.rows.get(norm);
    if (r === undefined) this.rows.set(norm, (r = rowIn(this.v, norm)));
    return r;
  }

  /** Adds word `norm`'s weighted vector to `acc`. */
  private add(acc: Float64Array, norm: string): void {
    this.addRow(acc, this.rowOf(norm));
  }

  /** Adds row `r`'s weighted vector to `acc` (nothing for −1). */
  private addRow(acc: Float64Array, r: number): void {
    if (r < 0) return;
    const w = this.weights[r]!;
    const d = this.v.data;
    const at = r * DIMENSIONS;
    for (let k = 0; k < DIMENSIONS; k++) acc[k]! += w * d[at + k]!;
  }

  /** Removes the common component from `x` in place; returns its length after. */
  private project(x: Float64Array): number {
    let dot = 0;
    for (let k = 0; k < DIMENSIONS; k++) dot += x[k]! * this.u[k]!;
    let norm = 0;
    for (let k = 0; k < DIMENSIONS; k++) {
      x[k]! -= dot * this.u[k]!;
      norm += x[k]! * x[k]!;
    }
    return Math.sqrt(norm);
  }

  /** The question's distinct content words with a vector. */
  readonly words: number;

  /** The question has a meaning vector (some content word has a vector). */
  get usable(): boolean {
    return this.qNorm > 0;
  }

  /**
   * The (unprojected) weighted sum of the vectors of words [from, to) of `ws`, less those `skip`
   * says (the words matching the question's own: what the rest of the text says).
   */
  sum(ws: readonly Word[], from: number, to: number, skip?: (j: number) => boolean): Float64Array {
    const acc = new Float64Array(DIMENSIONS);
    for (let j = from; j < to; j++) if (!skip?.(j)) this.add(acc, ws[j]!.norm);
    return acc;
  }

  /**
   * `cosine(sum(ws, from, to))` for words of paragraph `id` (`ws` its words): the projected sum
   * kept in the memo across questions when there is one, so a question only takes a dot product.
   * With `matches` (`matches[j][i]` > 0: word j holds question word i), a question word the text
   * holds only in another form counts as said there (`saidOtherwise`).
   */
  paragraphCosine(id: number, ws: readonly Word[], from: number, to: number, matches?: ReadonlyArray<readonly number[] | undefined>): number {
    if (!this.memo) {
      const acc = this.sum(ws, from, to);
      const extra = matches && this.saidOtherwise(ws, matches, from, to);
      if (extra) for (let k = 0; k < DIMENSIONS; k++) acc[k]! += extra[k]!;
      return this.cosine(acc);
    }
    if (this.qNorm === 0) return 0;
    const rows = this.memo.rows(id, ws);
    const { x, n } = this.memo.sum(id, ws, from, to, () => {
      const acc = new Float64Array(DIMENSIONS);
      for (let j = from; j < to; j++) this.addRow(acc, rows[j]!);
      return { x: acc, n: this.project(acc) };
    });
    const extra = matches && this.saidOtherwise(ws, matches, from, to, rows);
    if (!extra) return this.dotOver(x, n);
    // The common component's removal is linear: project the extra part alone and add it.
    this.project(extra);
    let norm = 0;
    for (let k = 0; k < DIMENSIONS; k++) {
      extra[k]! += x[k]!;
      norm += extra[k]! * extra[k]!;
    }
    return this.dotOver(extra, Math.sqrt(norm));
  }

  /**
   * The question's words that words [from, to) hold only in another form — an acronym the article
   * defines ("NRWU"), a stand-in for the title ("the race"), an inflection or synonym — and never
   * as themselves, each at its best match's weight: their own weighted vectors, summed; null for
   * none. Such a word often has no vector of its own ("NRWU") or one far from the question's, so
   * without it a sentence that says the question's words in other forms would look further from
   * the question than one repeating them about something else.
   */
  private saidOtherwise(ws: readonly Word[], matches: ReadonlyArray<readonly number[] | undefined>, from: number, to: number, rows?: Int32Array): Float64Array | null {
    let acc: Float64Array | null = null;
    this.norms.forEach((norm, i) => {
      const r = this.rowOf(norm);
      if (r < 0) return;
      let best = 0;
      for (let j = from; j < to; j++) {
        const m = matches[j]?.[i] ?? 0;
        if (m <= 0) continue;
        if ((rows ? rows[j]! : this.rowOf(ws[j]!.norm)) === r) return;
        // Only what stands for the word and is no form of it — an acronym (1), a stand-in for the
        // title (0.9): an inflection ("said") brings its own vector, and so, at a typo's weight or
        // less, do a typo and a synonym, near the question word's.
        if (m > TYPO_WEIGHT && keyOf(ws[j]!.norm) !== keyOf(norm)) best = Math.max(best, m);
      }
      if (best === 0) return;
      acc ??= new Float64Array(DIMENSIONS);
      const w = best * this.weights[r]!;
      for (let k = 0; k < DIMENSIONS; k++) acc[k]! += w * this.v.data[r * DIMENSIONS + k]!;
    });
    return acc;
  }

  /**
   * What words [from, to) of `ws` say of the question *beyond its own words*: the cosine of the
   * question's words the text does not hold (`matches[j][i]` > 0: word j holds question word i)
   * to the text's other words. 0 when the text holds every question word.
   */
  gap(ws: readonly Word[], matches: ReadonlyArray<readonly number[] | undefined>, from: number, to: number, id?: number): number {
    const found = new Array<boolean>(this.norms.length).fill(false);
    for (let j = from; j < to; j++) matches[j]?.forEach((x, i) => (found[i] ||= x > 0));
    const q = new Float64Array(DIMENSIONS);
    this.norms.forEach((n, i) => found[i] || this.add(q, n));
    const qn = this.project(q);
    if (qn === 0) return 0;
    const rows = id !== undefined && this.memo ? this.memo.rows(id, ws) : undefined;
    const x = new Float64Array(DIMENSIONS);
    for (let j = from; j < to; j++) {
      if (matches[j] !== undefined) continue;
      if (rows) this.addRow(x, rows[j]!);
      else this.add(x, ws[j]!.norm);
    }
    const n = this.project(x);
    if (n === 0) return 0;
    let dot = 0;
    for (let k = 0; k < DIMENSIONS; k++) dot += x[k]! * q[k]!;
    return Math.max(0, dot / (n * qn));
  }

  /** Cosine of a sum (`sum`, or sums added together) to the question, 0 when either is empty; never below 0. */
  cosine(sum: Float64Array): number {
    if (this.qNorm === 0) return 0;
    const x = Float64Array.from(sum);
    return this.dotOver(x, this.project(x));
  }

  /** The cosine of projected `x` (length `n`) to the question, 0 when empty, never below 0. */
  private dotOver(x: Float64Array, n: number): number {
    if (n === 0) return 0;
    let dot = 0;
    for (let k = 0; k < DIMENSIONS; k++) dot += x[k]! * this.q[k]!;
    return Math.max(0, dot / (n * this.qNorm));
  }
}
