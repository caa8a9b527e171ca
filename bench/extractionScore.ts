/**
 * The article-extraction benchmark's score (scrapinghub/article-extraction-benchmark, as described
 * in ../shared/data/article-extraction-dev/README.md): word tokens (letters, digits, underscore;
 * case kept) cut into 4-token shingles; per page the shingle counts give true positives, false
 * positives and false negatives normalised to sum to 1; precision and recall are averaged over the
 * pages and F1 is computed from the two averages.
 */

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_\p{M}]+/gu) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const key = tokens.slice(i, i + n).join(' ');
    if (key) out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Normalised (tp, fp, fn) of one page. */
export function pageCounts(truth: string, predicted: string): { tp: number; fp: number; fn: number } {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const s = tp + fp + fn;
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s } : { tp: 0, fp: 0, fn: 0 };
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision and recall averaged over pages, F1 of the averages. */
export function score(pages: Array<{ truth: string; predicted: string }>): Score {
  let precision = 0;
  let recall = 0;
  for (const { truth, predicted } of pages) {
    const { tp, fp, fn } = pageCounts(truth, predicted);
    precision += tp + fp > 0 ? tp / (tp + fp) : fn > 0 ? 0 : 1;
    recall += tp + fn > 0 ? tp / (tp + fn) : fp > 0 ? 0 : 1;
  }
  precision /= pages.length;
  recall /= pages.length;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}
