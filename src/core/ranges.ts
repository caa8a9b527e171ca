/**
 * Character ranges [start, end) such as highlights: the one helper that sorts and merges them, so
 * the answer that builds highlights and the renderer that shows them agree on what they cover.
 */

/**
 * Sorted, non-overlapping ranges covering the same characters: overlapping or touching ranges are
 * merged, empty ones dropped; with `length`, ranges are first clipped to [0, length).
 *
 * @example mergeRanges([[4, 9], [0, 2], [8, 12]]) // [[0, 2], [4, 12]]
 */
export function mergeRanges(ranges: ReadonlyArray<readonly [number, number]> | undefined, length?: number): Array<[number, number]> {
  const clipped = (ranges ?? [])
    .map(([s, e]): [number, number] => (length === undefined ? [s, e] : [Math.max(0, s), Math.min(length, e)]))
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of clipped) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}
