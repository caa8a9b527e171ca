/**
 * Why `/ask` picks another paragraph: over the tune questions whose top candidate is a wrong
 * sentence of another paragraph while a right sentence of the question's own paragraph is among
 * the candidates, how often each feature is lower (and higher) for that right sentence than for
 * the chosen one. A feature the right sentence mostly loses on cannot be reweighted into picking
 * it; only new evidence can.
 */
import { FEATURES } from '../src/answer/askCandidates';
import { order, type Row } from './askFit';

/** One line per feature: the share of those misses where the right sentence scores lower / higher. */
export function misleading(rows: readonly Row[], w: Float64Array): string {
  const lower = new Array<number>(FEATURES.length).fill(0);
  const higher = new Array<number>(FEATURES.length).fill(0);
  let n = 0;
  let unreachable = 0;
  for (const r of rows) {
    if (r.f.length === 0) continue;
    const o = order(r, w);
    const top = o[0]!;
    if (r.right[top] || r.para[top]) continue;
    const right = o.find((i) => r.right[i] && r.para[i]);
    if (right === undefined) {
      unreachable++;
      continue;
    }
    n++;
    FEATURES.forEach((_, k) => {
      const d = r.f[right]![k]! - r.f[top]![k]!;
      if (d < -1e-9) lower[k]!++;
      else if (d > 1e-9) higher[k]!++;
    });
  }
  const parts = FEATURES.map((k, i) => `${k} ${(lower[i]! / Math.max(n, 1)).toFixed(2)}/${(higher[i]! / Math.max(n, 1)).toFixed(2)}`);
  return `wrong-paragraph misses (top candidate another paragraph's wrong sentence): ${n + unreachable}, of which ${unreachable} without a right sentence of the own paragraph among the best 60; in the other ${n}, the right sentence is lower / higher than the chosen one on: ${parts.join(', ')}`;
}
