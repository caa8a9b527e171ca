/**
 * `spread`, an `/ask` feature for questions whose words a paragraph says across two sentences:
 * "When were most of the places of religious worship destroyed in Warsaw?" — "This led to
 * construction of hundreds of places of religious worship … . Most of them were destroyed in the
 * aftermath of the Warsaw Uprising of 1944." The first sentence holds more of the question's
 * words; the second holds the date. When a sentence and its neighbour together hold the question
 * and only this one holds what the question asks for (a date, a number, a name, a place, a cause:
 * answerType.ts), the answer is here: the feature is this sentence's answer-type evidence above its
 * neighbour's, times the share of the question's words the neighbour adds.
 */
import type { RangeMatch } from './askMatch';

/**
 * The idf-weighted share (of `total`) of the question's words and names that `other` holds and
 * `here` does not (`match`'s per-term weights): what a neighbouring sentence adds to this one.
 */
export function addedShare(here: RangeMatch, other: RangeMatch | undefined, total: number): number {
  if (!other || total <= 0) return 0;
  let extra = 0;
  for (let i = 0; i < here.perTerm.length; i++) extra += Math.max(0, other.perTerm[i]! - here.perTerm[i]!);
  return extra / total;
}

/** A sentence's neighbours as `spread` reads them: what each adds, and its answer-type evidence. */
export interface SpreadNeighbour {
  /** `addedShare` of the neighbour to this sentence. */
  added: number;
  /** The neighbour's answer-type evidence (0 when it holds none, or was never a candidate). */
  present: () => number;
}

/**
 * The `spread` feature: over the sentences before and after, the most the question's words a
 * neighbour adds, times how much more of the answer type this sentence holds (`present`, 0–1)
 * than that neighbour.
 */
export function spreadEvidence(present: number, neighbours: readonly SpreadNeighbour[]): number {
  if (present <= 0) return 0;
  let best = 0;
  for (const n of neighbours) {
    if (n.added <= best) continue;
    const lead = present - n.present();
    if (lead > 0) best = Math.max(best, n.added * lead);
  }
  return best;
}
