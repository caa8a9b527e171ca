/**
 * A text file whose lines are sorted by their first field (WordNet's index files, the install-time
 * WordNet table): where each line starts, and the line of a given key found by bisection over those
 * starts. Each step compares the line's key with the word in place (`compareAt`): no slice is made
 * and no scan back and forth for a line's ends, which was most of a new `/ask` word's cost.
 */

/**
 * Where each line of `text` starts, from offset `from` on, leaving out the lines whose first code
 * unit is `skipFirst` (WordNet's license lines start with a space).
 */
export function lineStarts(text: string, from = 0, skipFirst?: number): Int32Array {
  const kept = (at: number) => skipFirst === undefined || text.charCodeAt(at) !== skipFirst;
  let count = 0;
  for (let at = from; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) if (kept(at)) count++;
  const out = new Int32Array(count);
  let i = 0;
  for (let at = from; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) if (kept(at)) out[i++] = at;
  return out;
}

/**
 * The start of the line among `starts` whose key — its text up to the first `separator` code unit
 * or the line's end — equals `word`, or -1. The lines must be sorted by key as `<` orders strings.
 *
 * @example findLine(text, lineStarts(text), 'ferry', 32) // the "ferry n 2 …" line of index.noun
 */
export function findLine(text: string, starts: Int32Array, word: string, separator: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = starts[mid]!;
    let end = start;
    for (let c = text.charCodeAt(end); end < text.length && c !== separator && c !== 10; c = text.charCodeAt(++end));
    const order = compareAt(text, start, end, word);
    if (order === 0) return start;
    if (order < 0) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** The line of `text` starting at `start`, without its newline. */
export function lineAt(text: string, start: number): string {
  const nl = text.indexOf('\n', start);
  return text.slice(start, nl < 0 ? text.length : nl);
}

/**
 * `text.slice(from, to)` compared with `word` as `<` compares strings (code unit by code unit, a
 * prefix first), without making the slice: −1, 0 or 1. A bisection takes ~20 steps a lookup and a
 * new question word makes dozens of lookups.
 */
export function compareAt(text: string, from: number, to: number, word: string): number {
  const n = Math.min(to - from, word.length);
  for (let i = 0; i < n; i++) {
    const a = text.charCodeAt(from + i);
    const b = word.charCodeAt(i);
    if (a !== b) return a < b ? -1 : 1;
  }
  const len = to - from;
  return len === word.length ? 0 : len < word.length ? -1 : 1;
}
