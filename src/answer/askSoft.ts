/**
 * Soft word matching for `/ask`: how much of a question a range of text says in other words.
 * Each question word is aligned to the text word most like it — its own forms and WordNet synonyms
 * count fully (as `match` weighs them), any other word by the cosine of their word vectors
 * (wordVectors.ts) above `FLOOR`, rescaled to 0–1 — and the idf-weighted mean of those best
 * alignments is the share. "Who is leaving …?" finds "… stepping down" (cosine 0.49), "invented"
 * finds "developed"; unrelated words stay near 0.1–0.3 and count nothing.
 *
 * Cost: one 100-part dot product per question word and distinct text word, remembered for the
 * question (`SoftMatcher`), so the 20 paragraphs a question reads cost about a thousand products
 * per question word.
 */
import { isStopWord, type Word } from '../text/words';
import type { Term } from './askTerms';
import { DIMENSIONS, wordVectors, type WordVectors } from './wordVectors';

/** Cosines at or below this count nothing (unrelated words reach 0.2–0.35). */
export const FLOOR = 0.4;

/**
 * Text words among the table's most frequent (its rows are in frequency order) are never aligned:
 * function words and generic verbs ("should", "how", "says", "people") sit close to everything in
 * vectors learned from context ("needs" — "should" 0.75, "say" — "how" 0.83). Measured on the
 * SQuAD tune half: 300 keeps what the vectors gain and no longer lets "should" answer for "needs";
 * leaving out question words that common as well lost more than it kept.
 */
export const COMMON = 300;

/** One question's soft matcher: per text word, its alignment to each question word. */
export class SoftMatcher {
  private readonly v: WordVectors;
  /** Per column (the question words, then the focus): its row in the table, −1 for none. */
  private readonly rows: Int32Array;
  /** The columns' vectors, one after another (a column without a vector is zeros). */
  private readonly columns: Int32Array;
  private readonly memo = new Map<string, Float32Array | null>();
  private readonly n: number;
  /** Scratch: per question word, its best soft and exact alignment in the range being summed. */
  private readonly bestSoft: Float64Array;
  private readonly bestExact: Float64Array;
  readonly total: number;

  constructor(
    private readonly terms: Term[],
    /** The noun the question asks for ("Which *team* …", "What *city* …"), if any. */
    focus?: string,
    v: WordVectors = wordVectors(),
  ) {
    this.v = v;
    this.n = terms.length;
    // The focus is one more column after the question words'.
    this.rows = Int32Array.from([...terms.map((t) => t.norm), focus ?? ''], (w) => (w ? (this.v.ids.get(w) ?? -1) : -1));
    this.columns = new Int32Array(this.rows.length * DIMENSIONS);
    this.rows.forEach((r, i) => {
      if (r >= 0) this.columns.set(this.v.data.subarray(r * DIMENSIONS, (r + 1) * DIMENSIONS), i * DIMENSIONS);
    });
    this.total = terms.reduce((a, t) => a + t.idf, 0);
    this.bestSoft = new Float64Array(this.n);
    this.bestExact = new Float64Array(this.n);
  }

  /** Per column, the soft alignment of text word `norm` (null: none above the floor). */
  simsOf(norm: string): Float32Array | null {
    let got = this.memo.get(norm);
    if (got !== undefined) return got;
    got = null;
    const row = isStopWord(norm) ? undefined : this.v.ids.get(norm.endsWith("'s") ? norm.slice(0, -2) : norm);
    if (row !== undefined && row >= COMMON) {
      const d = this.v.data;
      const y = row * DIMENSIONS;
      const cols = this.columns;
      for (let i = 0; i < this.rows.length; i++) {
        const r = this.rows[i]!;
        if (r < 0 || r === row) continue;
        const x = i * DIMENSIONS;
        let s = 0;
        for (let k = 0; k < DIMENSIONS; k += 4) {
          s += cols[x + k]! * d[y + k]! + cols[x + k + 1]! * d[y + k + 1]! + cols[x + k + 2]! * d[y + k + 2]! + cols[x + k + 3]! * d[y + k + 3]!;
        }
        const c = s / (127 * 127);
        if (c > FLOOR) (got ??= new Float32Array(this.rows.length))[i] = (c - FLOOR) / (1 - FLOOR);
      }
    }
    this.memo.set(norm, got);
    return got;
  }

  /** Per word of a paragraph, its soft alignment to each question word (null: none). */
  align(ws: readonly Word[]): Array<Float32Array | null> {
    return ws.map((w) => this.simsOf(w.norm));
  }

  /**
   * The idf-weighted share of the question said in words [from, to) of a paragraph: per question
   * word its best alignment there — the exact and synonym weight (`matches`) or the soft one
   * (`align`), whichever is higher.
   */
  share(aligned: ReadonlyArray<Float32Array | null>, matches: ReadonlyArray<number[] | undefined>, from: number, to: number): number {
    return this.sum(aligned, matches, from, to, false);
  }

  /**
   * The share of the question said in words [from, to) *only* in other words: `share` less that
   * of the exact and synonym `matches` alone. Apart from the exact share, so that its weight adds
   * evidence the other features lack instead of re-weighing the words they count (the whole share
   * at the weight it earned on SQuAD doubled `lexical` and broke six study-group questions).
   */
  extra(aligned: ReadonlyArray<Float32Array | null>, matches: ReadonlyArray<number[] | undefined>, from: number, to: number): number {
    return this.sum(aligned, matches, from, to, true);
  }

  private sum(aligned: ReadonlyArray<Float32Array | null>, matches: ReadonlyArray<number[] | undefined>, from: number, to: number, onlySoft: boolean): number {
    if (this.total <= 0) return 0;
    const n = this.n;
    const soft = this.bestSoft.fill(0);
    const exact = this.bestExact.fill(0);
    for (let j = from; j < to; j++) {
      const a = aligned[j];
      if (a) for (let i = 0; i < n; i++) if (a[i]! > soft[i]!) soft[i] = a[i]!;
      const m = matches[j];
      if (m) for (let i = 0; i < n; i++) if (m[i]! > exact[i]!) exact[i] = m[i]!;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) sum += this.terms[i]!.idf * (onlySoft ? Math.max(0, soft[i]! - exact[i]!) : Math.max(soft[i]!, exact[i]!));
    return sum / this.total;
  }

  /**
   * How much ws[from, to) names a thing of the kind the question asks for: the best alignment to
   * the focus noun of a capitalised word there that is not one of the question's own ("Which team
   * …" — "Broncos" 0.48; "Which network …" — "CBS" 0.60). Only names count: the focus's plain
   * neighbours ("team" — "game" 0.70) say nothing about an answer.
   */
  focusIn(text: string, ws: Word[], matches: Array<number[] | undefined>, from: number, to: number): number {
    const f = this.n;
    if (this.rows[f]! < 0) return 0;
    let best = 0;
    for (let j = from + 1; j < to; j++) {
      if (matches[j]) continue;
      const c = text.charCodeAt(ws[j]!.start);
      if (!(c >= 65 && c <= 90)) continue;
      const s = this.simsOf(ws[j]!.norm);
      if (s && s[f]! > best) best = s[f]!;
    }
    return best;
  }
}

/** Words that end the noun phrase after "what/which": verbs, auxiliaries, prepositions. */
const PHRASE_END = /^(?:is|was|are|were|be|been|did|does|do|has|had|have|will|would|can|could|should|may|might|of|in|on|at|for|to|from|by|with|that|who|which|as|than|and|or|[a-z]+ed)$/;

/**
 * The noun a "what/which X" question asks for ("What city …", "Which NFL team represented …",
 * "What is the name of the stadium …"): the last of up to three words after the question word,
 * before a verb or preposition. None for "What does …", "What is …".
 */
export function focusNoun(question: string): string | undefined {
  const m = /\b(?:what|which|whose)\s+(?:(?:is|was|are|were)\s+the\s+(?:name|kind|type)\s+of\s+(?:the\s+|a\s+)?|(?:kind|type|sort|name)\s+of\s+(?:the\s+|a\s+)?)?([\s\S]*)/i.exec(question);
  if (!m) return undefined;
  const after = m[1]!.toLowerCase().split(/[^a-z0-9'-]+/).filter(Boolean);
  let focus: string | undefined;
  for (const w of after.slice(0, 4)) {
    if (PHRASE_END.test(w)) break;
    focus = w;
  }
  return focus && !/^(?:the|a|an)$/.test(focus) ? focus : undefined;
}
