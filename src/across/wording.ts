/**
 * Where two reports of a quotation differ, word by word: a longest-common-subsequence alignment of
 * their normalised words, as runs of shared words and runs that differ.
 */

/** A run of the alignment: words both share, or words that differ (one side may be empty). */
export interface AlignStep<T = string> {
  op: 'same' | 'diff';
  /** Words of `a` in this run (absent when `a` has none here). */
  a?: T[];
  b?: T[];
  /** Index in `a` / `b` where the run starts. */
  aAt: number;
  bAt: number;
}

/**
 * Longest middles aligned word by word (after the words both reports open and close with, which
 * cost nothing to match); past this, the rest of the middle is compared as one run.
 */
export const MAX_ALIGNED_WORDS = 400;

/**
 * Aligns two word lists (LCS), returning runs in reading order. The words both lists open and
 * close with are matched first, so the table is built only for the middle where they differ: two
 * reports of the same words, however long, align in linear time and all as "same".
 */
export function alignWords<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>): Array<AlignStep<T>> {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const steps: Array<AlignStep<T>> = [];
  const push = (op: AlignStep['op'], fromA: T | undefined, fromB: T | undefined, i: number, j: number) => {
    let last = steps[steps.length - 1];
    if (!last || last.op !== op) {
      last = { op, aAt: i, bAt: j };
      steps.push(last);
    }
    if (fromA !== undefined) (last.a ??= []).push(fromA);
    if (fromB !== undefined) (last.b ??= []).push(fromB);
  };
  for (let k = 0; k < head; k++) push('same', a[k], b[k], k, k);
  // The middle: a[head, aEnd) against b[head, bEnd), at most MAX_ALIGNED_WORDS of each.
  const aEnd = a.length - tail;
  const bEnd = b.length - tail;
  const n = Math.min(aEnd - head, MAX_ALIGNED_WORDS);
  const m = Math.min(bEnd - head, MAX_ALIGNED_WORDS);
  // lcs[i][j]: LCS length of the middle's a[i..n) and b[j..m), in one typed array.
  const w = m + 1;
  const lcs = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[head + i] === b[head + j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) {
      push('same', a[head + i], b[head + j], head + i, head + j);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) {
      push('diff', undefined, b[head + j], head + i, head + j);
      j++;
    } else {
      push('diff', a[head + i], undefined, head + i, head + j);
      i++;
    }
  }
  if (aEnd - head > n || bEnd - head > m) {
    const restA = aEnd - head > n ? Array.from(a).slice(head + n, aEnd) : [];
    const restB = bEnd - head > m ? Array.from(b).slice(head + m, bEnd) : [];
    steps.push({ op: 'diff', ...(restA.length ? { a: restA } : {}), ...(restB.length ? { b: restB } : {}), aAt: head + n, bAt: head + m });
  }
  for (let k = 0; k < tail; k++) push('same', a[aEnd + k], b[bEnd + k], aEnd + k, bEnd + k);
  return steps;
}

/** A report's words as printed: normalised form and offsets into its text. */
export interface PrintedWords {
  text: string;
  words: ReadonlyArray<{ norm: string; start: number; end: number }>;
  /** Word positions right after which the text prints an ellipsis. */
  ellipses: readonly number[];
}

/** Most differences listed for one report; the rest is counted. */
const MAX_LISTED = 3;

/**
 * How `other` words a quotation differently from `reference`, verbatim from both, e.g.
 * `“firm” for “strong”; leaves out “very”; cuts “in the region” (…)`. Empty when the words are
 * the same (case, punctuation and quote marks aside).
 */
export function wordingDifferences(reference: PrintedWords, other: PrintedWords): string {
  const steps = alignWords(reference.words.map((w) => w.norm), other.words.map((w) => w.norm));
  const out: string[] = [];
  for (const s of steps) {
    if (s.op === 'same') continue;
    const ref = s.a ? printed(reference, s.aAt, s.a.length) : '';
    const oth = s.b ? printed(other, s.bAt, s.b.length) : '';
    if (ref && oth) out.push(`“${oth}” for “${ref}”`);
    else if (ref) out.push(other.ellipses.includes(s.bAt - 1) ? `cuts “${ref}” (…)` : `leaves out “${ref}”`);
    else out.push(`adds “${oth}”`);
  }
  if (out.length <= MAX_LISTED) return out.join('; ');
  return `${out.slice(0, MAX_LISTED).join('; ')}; ${out.length - MAX_LISTED} more difference${out.length - MAX_LISTED === 1 ? '' : 's'}`;
}

/** The text of `count` words from `from`, as printed (clipped for a long run). */
function printed(p: PrintedWords, from: number, count: number): string {
  const first = p.words[from];
  const last = p.words[Math.min(p.words.length, from + count) - 1];
  if (!first || !last) return '';
  const text = p.text.slice(first.start, last.end).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}
