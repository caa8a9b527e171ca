/**
 * The one way this codebase cuts text to a length (notices, embeds, autocomplete names and
 * values, option echoes, error messages). Lengths are counted in UTF-16 code units, the way
 * JavaScript and Discord's limits count them, but a cut only ever falls between two grapheme
 * clusters (Intl.Segmenter): never inside a surrogate pair, a flag, a skin-tone or ZWJ emoji
 * sequence, or a letter and its accents. Lone surrogates in the input are replaced with U+FFFD,
 * so whatever comes out is valid text for Discord.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Whether `text` is well-formed UTF-16 (no lone surrogate). */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** `text` with every lone surrogate replaced by U+FFFD (the replacement character). */
export function wellFormed(text: string): string {
  return isWellFormed(text) ? text : text.replace(LONE_SURROGATES, '\ufffd');
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The longest start of `text` that is at most `max` code units long and ends between two
 * grapheme clusters. When the very first cluster is longer than `max`, it is dropped if it is an
 * emoji or flag, and otherwise (a letter with hundreds of combining marks) cut between code points.
 */
export function graphemePrefix(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  // The cluster holding the first code unit that does not fit starts at the last break ≤ max.
  // Whether there is a break at a position depends only on the text before it and on the next
  // code point, so a window of max + 2 units gives the same answer (and bounds ICU's work:
  // iterating the segments of a long string costs time quadratic in its length).
  const end = graphemes.segment(text.slice(0, max + 2)).containing(max)!.index;
  if (end > 0) return text.slice(0, end);
  // A flag or an emoji sequence is never split: better nothing than half of one.
  if (/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(text.slice(0, max + 1))) return '';
  const cut = isHigh(text.charCodeAt(max - 1)) && isLow(text.charCodeAt(max)) ? max - 1 : max;
  // Do not leave a dangling zero-width joiner or variation selector at the end.
  return text.slice(0, cut).replace(/(?:\u200d|\ufe0e|\ufe0f)+$/, '');
}

export interface ClipOptions {
  /** Appended when text is cut (default "…"); counts towards `max`. */
  ellipsis?: string;
  /** Back up to the last space when that keeps most (60 %) of the room. */
  atWord?: boolean;
  /** Last adjustment of the cut text before the ellipsis (e.g. no dangling escape). */
  tidy?: (cut: string) => string;
}

/**
 * `text` cut to at most `max` code units, ending with an ellipsis when cut. Text that fits is
 * returned unchanged (apart from lone surrogates, which never survive).
 */
export function clip(text: string, max: number, options: ClipOptions = {}): string {
  const safe = wellFormed(text);
  if (safe.length <= max) return safe;
  const ellipsis = options.ellipsis ?? '…';
  if (max <= ellipsis.length) return graphemePrefix(ellipsis, max);
  const room = max - ellipsis.length;
  let cut = graphemePrefix(safe, room);
  if (options.atWord) {
    const space = cut.search(/\s\S*$/);
    if (space > room * 0.6) cut = cut.slice(0, space);
  }
  if (options.tidy) cut = options.tidy(cut);
  return `${cut.trimEnd()}${ellipsis}`;
}
