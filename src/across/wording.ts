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

/** Longest quotes aligned word by word; past this, the rest is compared as one run. */
export const MAX_ALIGNED_WORDS = 400;

/** Aligns two word lists (LCS), returning runs in reading order. */
export function alignWords<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>): Array<AlignStep<T>> {
  const n = Math.min(a.length, MAX_ALIGNED_WORDS);
  const m = Math.min(b.length, MAX_ALIGNED_WORDS);
  // lcs[i][j]: LCS length of a[i..n) and b[j..m), in one typed array.
  const w = m + 1;
  const lcs = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
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
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push('same', a[i], b[j], i, j);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) {
      push('diff', undefined, b[j], i, j);
      j++;
    } else {
      push('diff', a[i], undefined, i, j);
      i++;
    }
  }
  if (a.length > n || b.length > m) steps.push({ op: 'diff', ...(a.length > n ? { a: Array.from(a).slice(n) } : {}), ...(b.length > m ? { b: Array.from(b).slice(m) } : {}), aAt: n, bAt: m });
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
