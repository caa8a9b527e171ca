/**
 * The inner loops of `ParagraphIndex.rankGroups` (`/ask`'s paragraph ranking), as functions of
 * typed arrays and numbers only.
 *
 * Why separate functions: V8's optimised code holds the object shapes ("maps") it was compiled for
 * weakly, and a full garbage collection that finds one of them dead throws the code away. In
 * `rankGroups` itself (index terms, group objects, a radix tree) that happened on every full
 * collection: the next questions ran the posting loop — tens of thousands of postings — in the
 * interpreter until the background compiler caught up (hundreds of milliseconds on a busy
 * machine), and those first questions after a collection were `/ask`'s p99. Typed arrays' shapes
 * never die, so these loops keep their optimised code. The arithmetic is `rankGroups`'s, in the
 * same order: the same scores.
 */

/**
 * Scores the postings [from, end) of one term into `best` (each paragraph's best score in the
 * current group), recording paragraphs reached for the first time in `groupTouched` from
 * `inGroup` on. Returns the new count of `groupTouched`.
 */
export function scorePostings(
  docs: Int32Array,
  tfs: Uint8Array,
  lengths: Uint16Array,
  byLength: Float64Array,
  best: Float64Array,
  groupTouched: Int32Array,
  inGroup: number,
  from: number,
  end: number,
  weight: number,
  idf: number,
  k1: number,
  d: number,
): number {
  for (let p = from; p < end; p++) {
    const doc = docs[p]!;
    const tf = tfs[p]!;
    const sc = weight * (idf * (d + (tf * k1) / (tf + byLength[lengths[doc]!]!)));
    if (best[doc] === 0) groupTouched[inGroup++] = doc;
    if (sc > best[doc]!) best[doc] = sc;
  }
  return inGroup;
}

/**
 * Adds one group's best scores to the running sums (`acc`, `hits`), clears `best` for the next
 * group, and records paragraphs reached for the first time in `touchedDocs` from `touched` on.
 * Returns the new count of `touchedDocs`.
 */
export function foldGroup(
  groupTouched: Int32Array,
  inGroup: number,
  best: Float64Array,
  acc: Float64Array,
  hits: Uint16Array,
  touchedDocs: Int32Array,
  touched: number,
): number {
  for (let i = 0; i < inGroup; i++) {
    const doc = groupTouched[i]!;
    if (acc[doc] === 0 && hits[doc] === 0) touchedDocs[touched++] = doc;
    acc[doc]! += best[doc]!;
    hits[doc]!++;
    best[doc] = 0;
  }
  return touched;
}

/** Clears the running sums of the paragraphs reached, for the next query. */
export function clearTouched(touchedDocs: Int32Array, touched: number, acc: Float64Array, hits: Uint16Array): void {
  for (let i = 0; i < touched; i++) {
    const doc = touchedDocs[i]!;
    acc[doc] = 0;
    hits[doc] = 0;
  }
}

/**
 * The best `k` of the candidate paragraphs `cand[0, n)` by score `acc · hits / groups`, as a
 * binary min-heap in `heapDocs` / `heapScores` (length ≥ k); returns its size. The same pushes,
 * comparisons and swaps as `TopK` in paragraphIndex.ts (so ties at the boundary fall the same
 * way), on typed arrays: `TopK`'s arrays changed element kinds as scores arrived, and its
 * methods ran interpreted for a while after every full collection.
 */
export function selectTop(
  cand: Int32Array,
  n: number,
  acc: Float64Array,
  hits: Uint16Array,
  groups: number,
  k: number,
  heapDocs: Int32Array,
  heapScores: Float64Array,
): number {
  let size = 0;
  for (let c = 0; c < n; c++) {
    const doc = cand[c]!;
    const score = acc[doc]! * (hits[doc]! / groups);
    if (size === k && score <= heapScores[0]!) continue;
    let i: number;
    if (size < k) {
      heapDocs[size] = doc;
      heapScores[size] = score;
      i = size++;
      // Up: while the new entry is less than its parent.
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!less(heapScores, heapDocs, i, p)) break;
        swap(heapScores, heapDocs, i, p);
        i = p;
      }
    } else {
      heapDocs[0] = doc;
      heapScores[0] = score;
      i = 0;
      // Down: while a child is less than the entry.
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < size && less(heapScores, heapDocs, l, m)) m = l;
        if (r < size && less(heapScores, heapDocs, r, m)) m = r;
        if (m === i) break;
        swap(heapScores, heapDocs, i, m);
        i = m;
      }
    }
  }
  return size;
}

function less(scores: Float64Array, docs: Int32Array, i: number, j: number): boolean {
  return scores[i]! < scores[j]! || (scores[i] === scores[j] && docs[i]! > docs[j]!);
}

function swap(scores: Float64Array, docs: Int32Array, i: number, j: number): void {
  const d = docs[i]!;
  docs[i] = docs[j]!;
  docs[j] = d;
  const s = scores[i]!;
  scores[i] = scores[j]!;
  scores[j] = s;
}
