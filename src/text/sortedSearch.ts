/**
 * The one binary search: the first index of a sorted range where a predicate stops holding, and
 * `lastAtOrBefore` on top of it (sentence at an offset, quote at an offset, clause before a quote,
 * salience entry before a pronoun, paragraph at a body offset, autocomplete keys by prefix).
 * The posting-list searches over typed arrays in `search/paragraphIndex.ts` and the line search in
 * a sorted text file (`text/sortedLines.ts`) stay hand-written: see docs/DESIGN.md, "Known debt".
 */

/**
 * The first index in [0, n) for which `holds` is false, given that it holds for a prefix of the
 * range and not after it (n when it holds everywhere).
 *
 * @example partitionPoint(sorted.length, (i) => sorted[i] < x) // first index with sorted[i] >= x
 */
export function partitionPoint(n: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the last value <= x in an ascending array, or -1. `key` reads the value of an item
 * when the array holds more than numbers.
 *
 * @example lastAtOrBefore([0, 10, 20], 15) // 1
 */
export function lastAtOrBefore(sorted: readonly number[], x: number): number;
export function lastAtOrBefore<T>(sorted: readonly T[], x: number, key: (item: T) => number): number;
export function lastAtOrBefore<T>(sorted: readonly T[], x: number, key?: (item: T) => number): number {
  const valueAt = key ?? ((item: T): number => item as unknown as number);
  return partitionPoint(sorted.length, (i) => valueAt(sorted[i] as T) <= x) - 1;
}
