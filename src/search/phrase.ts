/**
 * Confirms a phrase inside a stored text, after MiniSearch has narrowed the candidates (MiniSearch
 * is bag-of-words and cannot tell "we are aligned" from "aligned, we are"). Exact first; then a
 * word-level alignment that tolerates typos, a missing or extra word and small wording changes.
 * Function words weigh little, so a run of "the ... of the" never passes for a match.
 */
import { editDistance, isStopWord, words, type Word } from '../text/words';

export interface PhraseMatch {
  /** Character range of the matched words inside the text. */
  start: number;
  end: number;
  match: 'exact' | 'fuzzy';
  /** 0..1: share of the phrase's weight that was found. */
  score: number;
  /** Character ranges of each matched word, for highlighting. */
  highlights: Array<[number, number]>;
}

/** Below this share of matched weight a fuzzy alignment is not a match. */
export const FUZZY_THRESHOLD = 0.78;

const STOP_WEIGHT = 0.25;
const GAP = 0.45; // cost of skipping a word of the text inside the match

/** Finds `phrase` in `text`: exact word sequence, else the best tolerant alignment, else null. */
export function findPhrase(text: string, phrase: string, textWords: Word[] = words(text)): PhraseMatch | null {
  const query = phraseWords(phrase);
  if (query.length === 0 || textWords.length === 0) return null;
  const exact = findExact(textWords, query);
  if (exact >= 0) {
    const span = textWords.slice(exact, exact + query.length);
    return {
      start: span[0]!.start,
      end: span[span.length - 1]!.end,
      match: 'exact',
      score: 1,
      highlights: span.map((w) => [w.start, w.end]),
    };
  }
  return alignFuzzy(textWords, query);
}

// Callers check one phrase against many candidate paragraphs: tokenise it once.
let lastPhrase = '';
let lastWords: Word[] = [];
function phraseWords(phrase: string): Word[] {
  if (phrase !== lastPhrase) {
    lastWords = words(phrase);
    lastPhrase = phrase;
  }
  return lastWords;
}

function findExact(text: Word[], query: Word[]): number {
  outer: for (let i = 0; i + query.length <= text.length; i++) {
    for (let j = 0; j < query.length; j++) if (text[i + j]!.norm !== query[j]!.norm) continue outer;
    return i;
  }
  return -1;
}

/** How alike two normalised words are: 1 equal, 0.85 a typo away, 0.6 same stem, else 0. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 4) {
    const limit = shorter >= 8 ? 2 : 1;
    if (limit === 1 ? withinOneEdit(a, b) : Math.abs(a.length - b.length) <= limit && boundedDistance(a, b, limit) <= limit) return 0.85;
  }
  // Equal stems start alike, unless a word is nothing but a suffix ("ations"): skip the regex otherwise.
  if (shorter >= 5 && (a.charCodeAt(0) === b.charCodeAt(0) || ALL_SUFFIX.has(a) || ALL_SUFFIX.has(b)) && stem(a) === stem(b)) return 0.6;
  return 0;
}

/**
 * Whether `editDistance(a, b) <= 1` (one substitution, insertion, deletion or swap of neighbours),
 * in one pass without a table: the phrase aligner asks this for nearly every word pair.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1) return false;
  let p = 0;
  while (p < lb && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p === lb) return true; // equal, or one letter added at the end
  if (la === lb) {
    if (sameTail(a, b, p + 1, p + 1)) return true; // substitution
    return p + 1 < la && a.charCodeAt(p) === b.charCodeAt(p + 1) && a.charCodeAt(p + 1) === b.charCodeAt(p) && sameTail(a, b, p + 2, p + 2);
  }
  return sameTail(a, b, p + 1, p); // a has one extra letter at p
}

// Top level, not a closure: tsx/esbuild wraps every closure creation in a naming helper, which
// cost more than the comparison itself in this hot path.
function sameTail(a: string, b: string, i: number, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/** The bounded edit distance the index's typo expansion uses (one implementation, in text/words.ts). */
export const boundedDistance = editDistance;

/** Words of five letters or more that `stem` reduces to nothing. */
const ALL_SUFFIX = new Set(['ation', 'ations', 'isation', 'ization']);

/** Suffixes `stem` strips, longest first: the longest one the word ends with goes. */
const SUFFIXES = ['isation', 'ization', 'ations', 'ation', 'ings', 'ing', 'ise', 'ize', 'ed', 'es', 'ly', 's'];

// A loop over `endsWith`, not a regular expression: the aligner stems word pairs in its inner loop.
function stem(w: string): string {
  for (const suffix of SUFFIXES) if (w.endsWith(suffix)) return w.slice(0, w.length - suffix.length);
  return w;
}

// The aligner's tables, shared by every call (see `alignFuzzy`).
let scratch = { score: new Float64Array(256), from: new Int8Array(256), startAt: new Int32Array(256) };

/** The alignment tables, at least `size` cells each (grown, never shrunk). */
function tables(size: number): typeof scratch {
  if (scratch.score.length < size) {
    const n = Math.max(size, scratch.score.length * 2);
    scratch = { score: new Float64Array(n), from: new Int8Array(n), startAt: new Int32Array(n) };
  }
  return scratch;
}

/**
 * Local alignment (Smith–Waterman style) of the query words against the text words. Matching a
 * query word earns its weight times the similarity; skipping a query word earns nothing; skipping
 * a text word inside the match costs GAP. The best-scoring alignment is normalised by the total
 * query weight.
 */
function alignFuzzy(text: Word[], query: Word[]): PhraseMatch | null {
  const weights = query.map((w) => (isStopWord(w.norm) ? STOP_WEIGHT : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const contentWords = weights.filter((w) => w === 1).length;
  const n = query.length;
  const m = text.length;
  // Upper bound before the alignment: each query word can earn at most its best similarity
  // anywhere in the text. Most candidates fail here, without building the tables.
  // Stops as soon as the words still to check cannot lift the bound over the threshold.
  const present = new Set<string>();
  for (const w of text) present.add(w.norm);
  let bound = 0;
  let remaining = total;
  let missingContent = 0;
  for (let i = 0; i < n; i++) {
    const q = query[i]!.norm;
    let best = present.has(q) ? 1 : 0;
    for (let j = 0; j < m && best < 0.85; j++) {
      const sim = wordSimilarity(q, text[j]!.norm);
      if (sim > best) best = sim;
    }
    bound += weights[i]! * best;
    remaining -= weights[i]!;
    if (weights[i] === 1 && best === 0) missingContent++;
    if ((bound + remaining) / total < FUZZY_THRESHOLD) return null;
    if (contentWords > 0 && (contentWords - missingContent) / contentWords < 0.75) return null;
  }
  // score[i][j]: best alignment of query[0..i) ending with text[0..j); back pointers for spans.
  // Flat tables reused across calls (row i at i * cols): allocating three typed arrays per row per
  // candidate was most of a query's garbage, and so of its minor GC pauses.
  const cols = m + 1;
  const { score, from, startAt } = tables((n + 1) * cols);
  startAt.fill(-1, 0, (n + 1) * cols);
  score.fill(0, 0, cols);
  let best = 0;
  let bestJ = -1;
  for (let j = 0; j <= m; j++) startAt[j] = j;
  for (let i = 1; i <= n; i++) {
    const qw = query[i - 1]!;
    const weight = weights[i - 1]!;
    score[i * cols] = score[(i - 1) * cols]!;
    startAt[i * cols] = 0;
    for (let j = 1; j <= m; j++) {
      const sim = wordSimilarity(qw.norm, text[j - 1]!.norm);
      let v = score[(i - 1) * cols + j]!; // query word missing from text
      let f = 1;
      let s = startAt[(i - 1) * cols + j]!;
      if (sim > 0) {
        const diag = score[(i - 1) * cols + j - 1]! + weight * sim;
        if (diag >= v) {
          v = diag;
          f = 2;
          s = startAt[(i - 1) * cols + j - 1]! >= 0 ? startAt[(i - 1) * cols + j - 1]! : j - 1;
        }
      }
      // A substituted word ("basically" for "fundamentally") earns nothing but breaks nothing.
      if (score[(i - 1) * cols + j - 1]! > v && startAt[(i - 1) * cols + j - 1]! >= 0 && i > 1) {
        v = score[(i - 1) * cols + j - 1]!;
        f = 4;
        s = startAt[(i - 1) * cols + j - 1]!;
      }
      const gap = score[i * cols + j - 1]! - GAP;
      if (gap > v && startAt[i * cols + j - 1]! >= 0) {
        v = gap;
        f = 3;
        s = startAt[i * cols + j - 1]!;
      }
      score[i * cols + j] = v;
      from[i * cols + j] = f;
      startAt[i * cols + j] = s;
    }
  }
  for (let j = 1; j <= m; j++) {
    if (score[n * cols + j]! > best) {
      best = score[n * cols + j]!;
      bestJ = j;
    }
  }
  if (bestJ < 0) return null;
  const ratio = best / total;
  // Walk back to collect matched words.
  const matched: Word[] = [];
  let matchedContent = 0;
  for (let i = n, j = bestJ; i > 0 && j > 0; ) {
    const f = from[i * cols + j]!;
    if (f === 2) {
      matched.push(text[j - 1]!);
      if (weights[i - 1] === 1) matchedContent++;
      i--;
      j--;
    } else if (f === 3) j--;
    else if (f === 4) {
      i--;
      j--;
    } else i--;
  }
  matched.reverse();
  if (matched.length === 0) return null;
  // A phrase with content words must have most of them present, whatever the stop words say.
  if (contentWords > 0 && matchedContent / contentWords < 0.75) return null;
  if (ratio < FUZZY_THRESHOLD) return null;
  return {
    start: matched[0]!.start,
    end: matched[matched.length - 1]!.end,
    match: 'fuzzy',
    score: Math.min(ratio, 0.99),
    highlights: matched.map((w) => [w.start, w.end]),
  };
}
