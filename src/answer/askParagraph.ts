/**
 * `/ask`'s paragraph-choice evidence: what tells apart the candidate paragraphs of one question
 * when they all share the article's words (every paragraph of an article about Super Bowl 50 says
 * "Super Bowl"). Word weights here are *contrastive*: a question word found in every candidate
 * paragraph decides nothing between them and weighs nothing; one found in a single candidate
 * weighs most. Computed from the candidates themselves, so nothing is kept per knowledge base.
 */
import type { Word } from '../text/words';
import type { Term } from './askTerms';

/** Per question term, the best match weight in ws[from, to) (0 when absent). */
export function presence(matches: ReadonlyArray<ReadonlyArray<number> | undefined>, from: number, to: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let j = from; j < to; j++) {
    const m = matches[j];
    if (!m) continue;
    for (let i = 0; i < n; i++) if (m[i]! > out[i]!) out[i] = m[i]!;
  }
  return out;
}

/** The word range ws[from, to) of a character range. */
export function wordRange(ws: readonly Word[], start: number, end: number): [number, number] {
  let from = 0;
  while (from < ws.length && ws[from]!.start < start) from++;
  let to = from;
  while (to < ws.length && ws[to]!.end <= end) to++;
  return [from, to];
}

/**
 * Per question term, its weight among these candidate paragraphs: its idf times how rare it is
 * among them (BM25's idf over the candidates), so words every candidate holds count for nothing.
 */
export function contrastWeights(terms: readonly Term[], paragraphs: readonly Float64Array[]): Float64Array {
  const n = paragraphs.length;
  const out = new Float64Array(terms.length);
  terms.forEach((t, i) => {
    let df = 0;
    for (const p of paragraphs) if (p[i]! > 0) df++;
    out[i] = t.idf * Math.log(1 + (n - df + 0.5) / (df + 0.5));
  });
  return out;
}

/** The weighted share of the terms present (0 when no term weighs anything). */
export function weightedShare(present: Float64Array, weights: Float64Array): number {
  let got = 0;
  let all = 0;
  for (let i = 0; i < weights.length; i++) {
    all += weights[i]!;
    got += weights[i]! * present[i]!;
  }
  return all > 0 ? got / all : 0;
}

/**
 * The question's names and numbers: terms written with a capital (not the question's first word)
 * or a digit. A crowd-written question copies the paragraph's proper nouns and figures, so they
 * are found verbatim more often than its other words.
 */
export function specificTerms(text: string, terms: ReadonlyArray<{ start: number; end: number }>): boolean[] {
  return terms.map((t) => {
    const s = text.slice(t.start, t.end);
    return /\d/.test(s) || (t.start > 0 && /^\p{Lu}/u.test(s) && /\S/.test(text.slice(0, t.start)));
  });
}

/** The idf-weighted share of the question's names and numbers found with their own key (weight 1). */
export function specificShare(present: Float64Array, terms: readonly Term[], specific: readonly boolean[]): number {
  let got = 0;
  let all = 0;
  terms.forEach((t, i) => {
    if (!specific[i]) return;
    all += t.idf;
    if (present[i]! >= 1) got += t.idf;
  });
  return all > 0 ? got / all : 0;
}

/** Whether the question's rarest word (highest idf) is present: one rare word often picks the paragraph. */
export function rarestPresent(present: Float64Array, terms: readonly Term[]): number {
  let best = -1;
  let at = -1;
  terms.forEach((t, i) => {
    if (t.idf > best) {
      best = t.idf;
      at = i;
    }
  });
  return at >= 0 ? present[at]! : 0;
}
