/**
 * Confirms a phrase inside a stored text, after MiniSearch has narrowed the candidates (MiniSearch
 * is bag-of-words and cannot tell "we are aligned" from "aligned, we are"). Exact first; then a
 * word-level alignment that tolerates typos, inflection and function words dropped, added or
 * swapped. Function words weigh little, so a run of "the ... of the" never passes for a match.
 *
 * Close is not the same: an alignment in which a content word was substituted, added or dropped
 * (a negation, a number, "aligned" for "opposed") is a near miss, returned as `related` with the
 * `differences` spelled out, never as `fuzzy`. So is an exact run of words right after a negation
 * the phrase does not have ("easy for Seoul" inside "not easy for Seoul").
 */
import { editDistance, isStopWord, words, type Word } from '../text/words';
import { asParsedQuery, type ParsedQuery } from './query';
import { distinctWords, irregularBase, isContentWord, isNegation, sameInflection } from './sameWords';

export interface PhraseMatch {
  /** Character range of the matched words inside the text. */
  start: number;
  end: number;
  /** `related`: a near miss — the same run of words but for the `differences`. */
  match: 'exact' | 'fuzzy' | 'related';
  /** 0..1: share of the phrase's weight that was found. */
  score: number;
  /** Character ranges of each matched word, for highlighting. */
  highlights: Array<[number, number]>;
  /** Only for a near miss: each place where the stored words and the phrase's words differ. */
  differences?: Difference[];
}

/** One difference of a near miss: what the text says there, and what the phrase asked instead. */
export interface Difference {
  /** Character range in the text (the words it has there, with a neighbouring word when it has none). */
  said: [number, number];
  /** The phrase's words there, joined by single spaces. */
  asked: string;
}

/** Below this share of matched weight a fuzzy alignment is not a match. */
export const FUZZY_THRESHOLD = 0.78;

/**
 * A near miss (`related`, with its differences) needs this share of the phrase's weight and of its
 * content words; below it the passage is not close enough to say "X said … , not …".
 */
export const NEAR_MISS_THRESHOLD = 0.6;

const STOP_WEIGHT = 0.25;
const GAP = 0.45; // cost of skipping a word of the text inside the match

export interface FindOptions {
  /**
   * The least share of the phrase (weight and content words) an alignment needs to be returned at
   * all: `NEAR_MISS_THRESHOLD` (the default) to find near misses too. A caller that only needs a
   * match it may credit passes `FUZZY_THRESHOLD`: most candidates then fail the cheap bound before
   * the alignment tables are built, and any alignment still returned is the same one the default
   * returns (the threshold only cuts, it never changes the alignment). Example: `/who-said` looks
   * for credited matches that way first and for near misses only when there is none.
   */
  minShare?: number;
}

/**
 * Finds the query's phrase in `text`: exact word sequence, else the best tolerant alignment, else
 * null. Pass a `ParsedQuery` (parsed once per query, against the index: `ParagraphIndex.parseQuery`)
 * when looking in many texts; `query.known` says which of its words the articles use: a
 * three-letter word nobody uses may be a four-letter word with a letter dropped ("ime" for
 * "time"), and a word they use that is a typo away from the text's word was meant as written. A
 * plain string is parsed without that knowledge (typos then only in words of four letters or more).
 */
export function findPhrase(text: string, parsed: string | ParsedQuery, textWords: Word[] = words(text), options: FindOptions = {}): PhraseMatch | null {
  const pq = asParsedQuery(parsed);
  const phrase = pq.text;
  const query = pq.words;
  if (query.length === 0 || textWords.length === 0) return null;
  let exact = findExact(textWords, query, 0);
  // An occurrence right after a negation the phrase lacks says the opposite: prefer another one.
  let negated = -1;
  while (exact >= 0 && negationBefore(text, textWords, exact, query)) {
    if (negated < 0) negated = exact;
    exact = findExact(textWords, query, exact + 1);
  }
  if (exact < 0) exact = negated;
  if (exact >= 0) {
    const span = textWords.slice(exact, exact + query.length);
    const match: PhraseMatch = {
      start: span[0]!.start,
      end: span[span.length - 1]!.end,
      match: 'exact',
      score: 1,
      highlights: span.map((w) => [w.start, w.end]),
    };
    if (exact !== negated) return match;
    const not = textWords[exact - 1]!;
    return { ...match, start: not.start, match: 'related', score: 0.99, differences: [{ said: [not.start, span[0]!.end], asked: wordText(phrase, query[0]!) }] };
  }
  return alignFuzzy(text, textWords, phrase, query, pq.known, options);
}

/**
 * The text word right before `at` is a negation the phrase does not start with, with nothing but
 * spaces between (a comma too after "not" or "never": "not, per se, inconsistent").
 */
function negationBefore(text: string, textWords: Word[], at: number, query: Word[]): boolean {
  if (at === 0 || isNegation(query[0]!.norm)) return false;
  return negates(text, textWords[at - 1]!, textWords[at]!);
}

/** The text word right after `at` is a negation (the phrase's next words were not aligned). */
function negationAfter(text: string, textWords: Word[], at: number): boolean {
  return negates(text, textWords[at + 1]!, textWords[at]!, true);
}

function negates(text: string, not: Word, word: Word, after = false): boolean {
  if (!isNegation(not.norm)) return false;
  const between = after ? text.slice(word.end, not.start) : text.slice(not.end, word.start);
  // After the aligned words (the phrase goes on without it) a comma may stand before it too
  // ("her judges, nothing you"); before them only after "not" or "never" ("not, per se,"), as a
  // "No," opening a sentence is an answer, not a negation of what follows.
  return /^\s+$/.test(between) || ((after || not.norm === 'not' || not.norm === 'never') && /^[\s,]+$/.test(between));
}

function wordText(phrase: string, w: Word): string {
  return phrase.slice(w.start, w.end);
}

// Callers check one phrase against many candidate paragraphs: tokenise it once.

function findExact(text: Word[], query: Word[], from: number): number {
  outer: for (let i = from; i + query.length <= text.length; i++) {
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

/** The aligner's similarity: `wordSimilarity`, and 0.6 for any two regular inflections of one word ("ask" / "asks"). */
function alignSimilarity(a: string, b: string): number {
  const sim = wordSimilarity(a, b);
  return sim > 0 || a.charCodeAt(0) !== b.charCodeAt(0) || !sameInflection(a, b) ? sim : 0.6;
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
function alignFuzzy(source: string, text: Word[], phrase: string, query: Word[], known: ReadonlySet<string> | undefined, options: FindOptions): PhraseMatch | null {
  const weights = query.map((w) => (isStopWord(w.norm) ? STOP_WEIGHT : 1));
  const minShare = options.minShare ?? NEAR_MISS_THRESHOLD;
  // Unknown three-letter words of the phrase: a four-letter word with one letter dropped, maybe.
  const dropped = query.map((w) => known !== undefined && w.norm.length === 3 && isContentWord(w.norm) && !known.has(w.norm));
  // Phrase words that are forms of an irregular verb ("said"): other forms of it align too ("says", "saying").
  const irregular = query.map((w) => irregularBase(w.norm));
  const similarity = (i: number, t: string): number => {
    if (dropped[i] && t.length === 4 && withinOneEdit(query[i]!.norm, t)) return 0.85;
    const sim = alignSimilarity(query[i]!.norm, t);
    return sim === 0 && irregular[i] !== undefined && irregularBase(t) === irregular[i] ? 0.6 : sim;
  };
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
      const sim = similarity(i, text[j]!.norm);
      if (sim > best) best = sim;
    }
    bound += weights[i]! * best;
    remaining -= weights[i]!;
    if (weights[i] === 1 && best === 0) missingContent++;
    if ((bound + remaining) / total < minShare) return null;
    if (contentWords > 0 && (contentWords - missingContent) / contentWords < minShare) return null;
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
    const weight = weights[i - 1]!;
    score[i * cols] = score[(i - 1) * cols]!;
    startAt[i * cols] = 0;
    for (let j = 1; j <= m; j++) {
      const sim = similarity(i - 1, text[j - 1]!.norm);
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
  // Walk back to collect the alignment's steps, then read them in text order.
  const steps: Step[] = [];
  let i = n;
  let j = bestJ;
  while (i > 0 && j > 0) {
    const f = from[i * cols + j]!;
    if (f === 2) steps.push({ q: i - 1, t: j - 1 });
    else if (f === 3) steps.push({ q: -1, t: j - 1 });
    else if (f === 4) steps.push({ q: i - 1, t: j - 1, sub: true });
    else steps.push({ q: i - 1, t: -1 });
    if (f !== 3) i--;
    if (f !== 1) j--;
  }
  for (; i > 0; i--) steps.push({ q: i - 1, t: -1 }); // query words before the start of the text
  steps.reverse();
  substituteAtEdges(source, text, query, steps);
  const matched: Word[] = [];
  let matchedContent = 0;
  for (const s of steps) {
    if (s.t < 0 || s.q < 0 || s.sub) continue;
    matched.push(text[s.t]!);
    if (weights[s.q] === 1) matchedContent++;
  }
  if (matched.length === 0) return null;
  // A phrase with content words must have most of them present, whatever the stop words say.
  if (contentWords > 0 && matchedContent / contentWords < minShare) return null;
  if (ratio < minShare) return null;
  const inText = steps.filter((s) => s.t >= 0);
  const first = Math.min(matched[0]!.start, text[inText[0]!.t]!.start);
  const last = Math.max(matched[matched.length - 1]!.end, text[inText[inText.length - 1]!.t]!.end);
  // A phrase word that the articles use elsewhere was meant as written: a word a typo away from it
  // ("take" for "make") is another word, not a typo. Inflections stay the same word.
  const meant = (q: string, t: string) =>
    known !== undefined && isContentWord(q) && known.has(q) && wordSimilarity(q, t) === 0.85 && !sameInflection(q, t) && (irregularBase(q) === undefined || irregularBase(q) !== irregularBase(t));
  const differences = differencesOf(text, phrase, query, steps, meant);
  // A negation just outside the aligned words, where the phrase has only function words or nothing
  // left to align ("is fit to lead" against "is not fit to lead"), reverses them too.
  const firstStep = steps.find((s) => s.t >= 0 && s.q >= 0 && !s.sub);
  const lastStep = steps.findLast((s) => s.t >= 0 && s.q >= 0 && !s.sub);
  if (firstStep && query.slice(0, firstStep.q).every((w) => !isContentWord(w.norm)) && negationBefore(source, text, firstStep.t, query)) {
    const not = text[firstStep.t - 1]!;
    differences.unshift({ said: [not.start, text[firstStep.t]!.end], asked: query.slice(0, firstStep.q + 1).map((w) => wordText(phrase, w)).join(' ') });
  }
  if (lastStep && lastStep.q < n - 1 && lastStep.t + 1 < m && negationAfter(source, text, lastStep.t)) {
    const not = text[lastStep.t + 1]!;
    differences.push({ said: [text[lastStep.t]!.start, not.end], asked: query.slice(lastStep.q).map((w) => wordText(phrase, w)).join(' ') });
  }
  const found = {
    start: first,
    end: last,
    score: Math.min(ratio, 0.99),
    highlights: matched.map((w): [number, number] => [w.start, w.end]),
  };
  // The same words (typos, inflections, function words aside) and enough of them: a fuzzy match.
  if (differences.length === 0 && ratio >= FUZZY_THRESHOLD) return { ...found, match: 'fuzzy' };
  // Too few of the same words, but none different: a related passage with nothing to spell out.
  if (differences.length === 0) return { ...found, match: 'related' };
  return { ...found, start: Math.min(first, differences[0]!.said[0]), match: 'related', differences };
}

/**
 * A phrase's word missing at either end of the alignment stands against the text's next word when
 * that word is in the same sentence ("still at peace" against "still at war"), so the difference
 * reads "war, not peace" rather than only "not peace".
 */
function substituteAtEdges(source: string, text: Word[], query: Word[], steps: Step[]): void {
  // A content word of the phrase stands against the next word of the sentence; a function word
  // only against a content word with nothing but spaces between ("the other" / "the same").
  const stands = (q: Word, t: Word, a: Word, b: Word) =>
    isContentWord(q.norm) ? !/[.!?]/.test(source.slice(a.end, b.start)) : isContentWord(t.norm) && /^\s+$/.test(source.slice(a.end, b.start));
  const inText = steps.filter((s) => s.t >= 0);
  if (inText.length === 0) return;
  const last = inText[inText.length - 1]!.t;
  const trailing = steps.findIndex((s, x) => x > steps.indexOf(inText[inText.length - 1]!) && s.t < 0);
  if (trailing >= 0 && last + 1 < text.length && stands(query[steps[trailing]!.q]!, text[last + 1]!, text[last]!, text[last + 1]!)) {
    steps[trailing] = { q: steps[trailing]!.q, t: last + 1, sub: true };
  }
  const first = inText[0]!.t;
  const leading = steps.findLastIndex((s, x) => x < steps.indexOf(inText[0]!) && s.t < 0);
  if (leading >= 0 && first > 0 && stands(query[steps[leading]!.q]!, text[first - 1]!, text[first - 1]!, text[first]!)) {
    steps[leading] = { q: steps[leading]!.q, t: first - 1, sub: true };
  }
}

/** One step of an alignment: query word `q` against text word `t` (-1: none), `sub` when they differ. */
interface Step {
  q: number;
  t: number;
  sub?: boolean;
}

/**
 * Where an alignment changes what was said: a content word (or negation) substituted, dropped or
 * added, or two look-alike words that are different words (`distinctWords`). Neighbouring
 * differences are one; a difference with no text words of its own shows the next word as context.
 */
function differencesOf(text: Word[], phrase: string, query: Word[], steps: Step[], meant: (q: string, t: string) => boolean): Difference[] {
  const differs = (s: Step): boolean => {
    const q = s.q >= 0 ? query[s.q]!.norm : null;
    const t = s.t >= 0 ? text[s.t]!.norm : null;
    if (q !== null && t !== null && !s.sub) return q !== t && (distinctWords(q, t) || meant(q, t));
    return (q !== null && isContentWord(q)) || (t !== null && isContentWord(t));
  };
  const out: Difference[] = [];
  for (let k = 0; k < steps.length; ) {
    if (!differs(steps[k]!)) {
      k++;
      continue;
    }
    let end = k;
    while (end + 1 < steps.length && differs(steps[end + 1]!)) end++;
    let run = steps.slice(k, end + 1);
    // A word only one side has ("not" added or dropped): add the nearest word both have, after or before.
    if (run.every((s) => s.t < 0) || run.every((s) => s.q < 0)) {
      const both = (s: Step) => s.t >= 0 && s.q >= 0 && !s.sub;
      const after = steps.findIndex((s, x) => x > end && both(s));
      const before = steps.findLastIndex((s, x) => x < k && both(s));
      if (after >= 0) run = steps.slice(k, after + 1);
      else if (before >= 0) run = steps.slice(before, end + 1);
    }
    const ts = run.filter((s) => s.t >= 0).map((s) => text[s.t]!);
    const qs = run.filter((s) => s.q >= 0).map((s) => wordText(phrase, query[s.q]!));
    out.push({ said: [ts[0]!.start, ts[ts.length - 1]!.end], asked: qs.join(' ') });
    k = end + 1;
  }
  return out;
}
