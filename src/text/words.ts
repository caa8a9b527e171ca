/**
 * Word-level text handling shared by indexing, phrase matching and highlighting. Every word keeps
 * its character offsets so matches can be mapped back to the verbatim text. What a word is comes
 * from wordRule.ts, which `tokenize` (tokens.ts) shares.
 */
import { SEARCH_VIEW, wordOrJoiner, wordPattern } from './wordRule';

export interface Word {
  /** Normalised form: lower case, no diacritics, straight apostrophes. */
  norm: string;
  start: number;
  end: number;
}

// Letters/digits, allowing inner apostrophes and hyphens ("Moon Jae-in", "end-of-war", "don't"):
// the search view of the text layer's one word rule (wordRule.ts).
const WORD = wordPattern(SEARCH_VIEW);

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Lower-cases, strips diacritics and unifies apostrophes and hyphens. */
export function normalizeWord(word: string): string {
  // Nearly every word in English news is plain ASCII, where all of the below is just lower-casing;
  // skipping Unicode normalisation there was the largest saving when building a big index.
  if (PLAIN_ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/‐/g, '-');
}

/** A normalised word without its possessive ("nfl's" → "nfl"). */
export function withoutPossessive(norm: string): string {
  return norm.endsWith("'s") ? norm.slice(0, -2) : norm;
}

/**
 * Whether the normalised words `run` stand in `ws` from word `i` on, a possessive allowed on any
 * of them ("Children's Memorial …", "Super Bowl's"); `run` is written without possessives.
 */
export function runAt(ws: readonly Word[], i: number, run: readonly string[]): boolean {
  if (i < 0 || i + run.length > ws.length) return false;
  for (let k = 0; k < run.length; k++) if (withoutPossessive(ws[i + k]!.norm) !== run[k]) return false;
  return true;
}

/** Splits text into words with offsets. Hyphenated compounds stay one word. */
export function words(text: string): Word[] {
  return scanWords(text) ?? wordsByPattern(text);
}

/** `words` by the Unicode pattern: the definition, and the path for text with letters beyond ASCII. */
export function wordsByPattern(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    out.push({ norm: normalizeWord(m[0]), start, end: start + m[0].length });
  }
  return out;
}

/**
 * The first word of `text` starting at or after `from`, as `words` would find it when `from` is
 * not inside a word (check with `mayJoinWord`); null when none follows. Reads one word, not the
 * whole text.
 */
export function wordFrom(text: string, from: number): Word | null {
  WORD_FROM.lastIndex = from;
  const m = WORD_FROM.exec(text);
  return m ? { norm: normalizeWord(m[0]), start: m.index, end: m.index + m[0].length } : null;
}

/** Whether the character at `at` could continue a word that runs up to it (a letter, digit, apostrophe or hyphen). */
export function mayJoinWord(text: string, at: number): boolean {
  const c = text.codePointAt(at);
  return c !== undefined && WORD_OR_JOINER.test(String.fromCodePoint(c));
}

const WORD_FROM = new RegExp(WORD.source, 'gu');
const WORD_OR_JOINER = wordOrJoiner(SEARCH_VIEW);

/**
 * Punctuation outside ASCII that news text is full of (curly quotes, dashes, ellipsis, no-break
 * space) and that is never part of a word; the joiners beyond ASCII (U+2019, U+2010) are read.
 */
const NON_WORD = new Set([0xa0, 0xab, 0xbb, 0x2013, 0x2014, 0x2018, 0x201c, 0x201d, 0x2022, 0x2026]);
/** The search view's joiners as character codes (' - ’ ‐). */
const JOINERS = new Set([...SEARCH_VIEW.joiners].map((c) => c.charCodeAt(0)));

const isAsciiAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * `words` without the regular expression, for text whose only characters beyond ASCII are the
 * punctuation above (nearly all English news); null for any other text, which then goes through
 * the pattern. Tokenising candidate paragraphs was a fifth of a /search query; this is about
 * twice as fast and gives the same words (a property test holds it to `wordsByPattern`).
 */
function scanWords(text: string): Word[] | null {
  const out: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isAsciiAlnum(c)) {
      if (c >= 0x80 && !NON_WORD.has(c) && !JOINERS.has(c)) return null;
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    for (;;) {
      while (i < n && isAsciiAlnum(text.charCodeAt(i))) i++;
      if (i + 1 >= n) break;
      const j = text.charCodeAt(i);
      if (JOINERS.has(j) && isAsciiAlnum(text.charCodeAt(i + 1))) {
        if (j > 0x7f) plain = false;
        i++;
        continue;
      }
      break;
    }
    const raw = text.slice(start, i);
    out.push({ norm: plain ? raw.toLowerCase() : normalizeWord(raw), start, end: i });
  }
  return out;
}

/**
 * Function words that never decide a match on their own. Kept short on purpose: words such as
 * "war", "end" or "peace" carry meaning and must stay searchable.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an and are as at be been being but by can could did do does for from had has have he her hers
  him his how i if in into is it its it's me my of on or our she so than that the their them then
  there these they this those to us was we were what when where which while who whom why will with
  would you your`
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether a normalised word is a stop word ("us" the pronoun; "US" the country is handled elsewhere). */
export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}

/** Terms for the search index: words split at hyphens too, possessive 's dropped. */
export function indexTerms(text: string): string[] {
  return indexTermsOfWords(words(text));
}

/** `indexTerms` of text already split into `words` (a parsed query is tokenised once). */
export function indexTermsOfWords(ws: readonly Word[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    const base = w.norm.replace(/'s$/, '');
    out.push(base);
    if (base.includes('-')) for (const part of base.split('-')) if (part) out.push(part);
  }
  return out;
}

// Scratch rows for editDistance: no allocation per call (typo matching asks this very often).
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Damerau–Levenshtein distance (optimal string alignment), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  if (rowA.length < cols) {
    rowA = new Int32Array(cols * 2);
    rowB = new Int32Array(cols * 2);
    rowC = new Int32Array(cols * 2);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j < cols; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[cols - 1]!;
}
