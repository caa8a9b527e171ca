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
