/**
 * `npm run train:ask`'s learner: the tune questions' candidate rows, how a weight vector ranks
 * them (answer-in-top-1 and top-3 by sentence), and coordinate ascent over a grid of weights.
 * Kept apart from the script so the same fit runs on any subset of rows (the leave-one-article-out
 * check).
 */
import { FEATURES, type Feature } from '../src/answer/askCandidates';

/** One tune question: its best candidates' features and labels. */
export interface Row {
  article: string;
  f: Float64Array[];
  /** The candidate's sentence holds a gold answer. */
  right: boolean[];
  /** The candidate comes from the question's own paragraph. */
  para: boolean[];
}

/** Candidate indices of a row, best first by `w` (ties: the earlier candidate). */
export function order(r: Row, w: Float64Array): number[] {
  const s = r.f.map((f) => f.reduce((a, x, i) => a + x * w[i]!, 0));
  return s.map((_, i) => i).sort((x, y) => s[y]! - s[x]! || x - y);
}

/** Answer-in-top-1 and top-3 (by sentence) of `w` over `rows`, with each top candidate's score. */
export function evaluate(rows: readonly Row[], w: Float64Array): { top1: number; top3: number; tops: Array<{ score: number; right: boolean }> } {
  let top1 = 0;
  let top3 = 0;
  const tops: Array<{ score: number; right: boolean }> = [];
  for (const r of rows) {
    if (r.f.length === 0) continue;
    const o = order(r, w);
    if (r.right[o[0]!]) top1++;
    if (o.slice(0, 3).some((i) => r.right[i])) top3++;
    tops.push({ score: r.f[o[0]!]!.reduce((a, x, i) => a + x * w[i]!, 0), right: r.right[o[0]!]! });
  }
  return { top1: top1 / Math.max(rows.length, 1), top3: top3 / Math.max(rows.length, 1), tops };
}

/** Values tried per weight (negated for `length`, which can only count against). */
const GRID = [0, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];

/**
 * Coordinate ascent from `start` on answer-in-top-1 plus a third of top-3, the lexical weight and
 * the `fixed` ones held. `log` hears each round.
 */
export function fit(rows: readonly Row[], start: Float64Array, fixed: ReadonlyMap<string, number>, rounds: number, log?: (line: string) => void): Float64Array {
  const w = Float64Array.from(start);
  const objective = () => {
    const e = evaluate(rows, w);
    return e.top1 + e.top3 / 3;
  };
  let best = objective();
  for (let round = 0; round < rounds; round++) {
    let changed = false;
    FEATURES.forEach((k: Feature, i) => {
      if (k === 'lexical' || fixed.has(k)) return;
      const keep = w[i]!;
      let bestV = keep;
      for (const v of k === 'length' ? GRID.map((x) => -x) : GRID) {
        w[i] = v;
        const o = objective();
        if (o > best + 1e-9) {
          best = o;
          bestV = v;
        }
      }
      w[i] = bestV;
      if (bestV !== keep) changed = true;
    });
    log?.(`round ${round + 1}: ${FEATURES.map((k, i) => `${k} ${w[i]}`).join(', ')} → objective ${best.toFixed(4)}`);
    if (!changed) break;
  }
  return w;
}
