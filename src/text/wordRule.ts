/**
 * What a word is, for every tokeniser of the text layer: a run of letters and digits, with single
 * joining characters inside ("don't", "Jae-in", "end-of-war"). The two views differ only in the
 * options below, so a change to what a word is happens here, once, for both:
 * - `SEARCH_VIEW` (`words`, text/words.ts: the index, the phrase aligner, highlights): apostrophes
 *   and hyphens join;
 * - `ENGINE_VIEW` (`tokenize`, text/tokens.ts: the attribution engine): periods and ampersands join
 *   too ("U.S", "AT&T"), combining marks continue a word, a word may start with "$" (amounts), and
 *   a final period is read (kept for abbreviations by `tokenize`).
 */

/** Apostrophes: straight and right single quotation mark. */
export const APOSTROPHES = "'’";
/** Hyphens: hyphen-minus and U+2010 HYPHEN. */
export const HYPHENS = '-‐';

export interface WordView {
  /** Characters that join two runs into one word. */
  joiners: string;
  /** Combining marks continue a word (not start one). */
  marks?: boolean;
  /** Characters besides letters and digits a word may start with. */
  lead?: string;
  /** A period right after the word is part of the match (the caller decides whether to keep it). */
  finalPeriod?: boolean;
}

export const SEARCH_VIEW: WordView = { joiners: APOSTROPHES + HYPHENS };
export const ENGINE_VIEW: WordView = { joiners: APOSTROPHES + '-.&', marks: true, lead: '$', finalPeriod: true };

const escapeClass = (chars: string) => chars.replace(/[\\\]\-^]/g, '\\$&');

/** The global pattern of one view's words. */
export function wordPattern(view: WordView): RegExp {
  const run = `\\p{L}\\p{N}${view.marks ? '\\p{M}' : ''}`;
  const first = `[\\p{L}\\p{N}${escapeClass(view.lead ?? '')}]`;
  return new RegExp(`${first}[${run}]*(?:[${escapeClass(view.joiners)}][${run}]+)*${view.finalPeriod ? '\\.?' : ''}`, 'gu');
}

/** One character that is a letter, a digit or one of the view's joiners (could go on with a word). */
export function wordOrJoiner(view: WordView): RegExp {
  return new RegExp(`[\\p{L}\\p{N}${escapeClass(view.joiners)}]`, 'u');
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Code units of the letter or digit at `i` (2 for one outside the Basic Multilingual Plane), 0 if
 * none is there: the unit every view's words are made of, for scanners that keep case and read
 * runs without joiners (the party matcher: "US" in "US-led").
 */
export function letterOrDigitWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  return LETTER_OR_DIGIT.test(text[i]!) ? 1 : 0;
}

/** End of the run of letters and digits starting at `i` (`i` itself when none starts there). */
export function letterRunEnd(text: string, i: number): number {
  let j = i;
  for (let k = letterOrDigitWidth(text, j); k > 0; k = letterOrDigitWidth(text, j)) j += k;
  return j;
}

/** Whether the letter or digit run ending at `i` (exclusive) has one right before `i`. */
export function letterOrDigitBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return letterOrDigitWidth(text, i - 2) === 2;
  return letterOrDigitWidth(text, i - 1) > 0;
}
