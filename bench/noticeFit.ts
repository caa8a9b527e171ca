/**
 * bench/trainNotice.ts's learner and measures: a ridge-penalised logistic regression fitted by
 * Newton's method (a dozen inputs, a few thousand rows: exact and instant), the area under the ROC
 * curve, the Brier score, and what a notice below a chance threshold does.
 */

/** One question: the confidence inputs of its top answer and whether that answer was right. */
export interface NoticeRow {
  article: string;
  x: number[];
  right: boolean;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Solves `a · x = b` (a small dense system) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const d = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = m[r]![c]! / d;
      for (let j = c; j <= n; j++) m[r]![j]! -= k * m[c]![j]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

/**
 * Weights `[bias, ...one per input]` of P(right | x), fitted on `rows` with an L2 penalty `ridge`
 * on every weight but the bias (keeps weights of rare inputs from running off).
 */
export function fitLogistic(rows: readonly NoticeRow[], ridge = 1): number[] {
  const d = (rows[0]?.x.length ?? 0) + 1;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < 50; it++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const r of rows) {
      const x = [1, ...r.x];
      const p = sigmoid(x.reduce((s, v, i) => s + v * w[i]!, 0));
      const e = p - (r.right ? 1 : 0);
      const v = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < d; i++) {
        g[i]! += e * x[i]!;
        for (let j = 0; j < d; j++) h[i]![j]! += v * x[i]! * x[j]!;
      }
    }
    for (let i = 1; i < d; i++) {
      g[i]! += ridge * w[i]!;
      h[i]![i]! += ridge;
    }
    const step = solve(h, g);
    w = w.map((x, i) => x - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

/** P(right) of one row under weights `w` (`[bias, ...]`). */
export const chance = (w: readonly number[], x: readonly number[]): number => sigmoid(w[0]! + x.reduce((s, v, i) => s + v * w[i + 1]!, 0));

/** Area under the ROC curve of `p` as a score for `right` (ties count half). */
export function auc(p: readonly number[], right: readonly boolean[]): number {
  const idx = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && p[idx[j]!] === p[idx[i]!]) j++;
    const mid = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (right[idx[k]!]) {
      rankSum += mid;
      pos++;
    }
    i = j;
  }
  const neg = p.length - pos;
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : 0.5;
}

/** Mean squared error of the chance `p` against the outcome. */
export const brier = (p: readonly number[], right: readonly boolean[]): number => p.reduce((s, x, i) => s + (x - (right[i] ? 1 : 0)) ** 2, 0) / Math.max(p.length, 1);

/** A notice given where `notice[i]`: its share, wrong-when-given, wrong-when-not, and the share of all wrong answers it catches. */
export function noticeSummary(notice: readonly boolean[], right: readonly boolean[]): string {
  const n = notice.length;
  const given = notice.filter(Boolean).length;
  const wrongGiven = notice.filter((x, i) => x && !right[i]).length;
  const wrongPlain = notice.filter((x, i) => !x && !right[i]).length;
  const f = (a: number, b: number) => (b ? (a / b).toFixed(3) : '–');
  return `notice on ${f(given, n)}, wrong when given ${f(wrongGiven, given)}, wrong without ${f(wrongPlain, n - given)}, catches ${f(wrongGiven, wrongGiven + wrongPlain)} of the wrong answers`;
}
