/**
 * Hostile text for property tests: what anyone in a public server can type. Empty and blank
 * values, 6,000-character strings, every Unicode plane (lone surrogates included), RTL and
 * zero-width characters, emoji sequences, Discord markdown, mentions, regex metacharacters and
 * JSON fragments — mixed and concatenated.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { graphemePrefix, isWellFormed } from '../../src/core/clip';

/** Runs per property: `FUZZ_RUNS` (npm run fuzz sets 50,000), else a CI-friendly default. */
export function fuzzRuns(defaultRuns: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : defaultRuns;
}

/**
 * Markdown canaries around a word no article contains: if one of these reaches the visible text
 * verbatim, user input was echoed without escaping.
 */
export const CANARIES = [
  '**zqxv**',
  '__zqxv__',
  '~~zqxv~~',
  '||zqxv||',
  '`zqxv`',
  '```zqxv```',
  '*zqxv*',
  '[zqxv](https://evil.example/x)',
  '> zqxv',
  '>>> zqxv',
  '# zqxv',
] as const;

export const MENTIONS = ['@everyone', '@here', '<@123456789012345678>', '<@!123456789012345678>', '<@&123456789012345678>', '<#123456789012345678>', '@EVERYONE', '＠everyone'];

const PIECES: string[] = [
  '',
  ' ',
  '   ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u3000',
  ...CANARIES,
  ...MENTIONS,
  '**',
  '__',
  '~~',
  '||',
  '`',
  '```',
  '>',
  '\\',
  '\\*',
  '<https://evil.example>',
  'https://evil.example/@everyone',
  '\u200b', // zero-width space
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202e', // RTL override
  '\u202d',
  '\u2066',
  '\u200f',
  'مرحبا بالعالم',
  'שלום',
  '\u0301\u0301\u0301', // combining marks
  'Z̷̢̛a̸l̴g̶o̷',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🇰🇷',
  '\ud800', // lone surrogates
  '\udfff',
  '\u{10ffff}',
  '\u{e0001}',
  '\u{1d54f}',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u0085',
  '\u2028',
  '.*+?^${}()|[]\\',
  '(a+)+$',
  '(?<x>',
  '[^',
  '\\u{',
  '$&',
  '$1',
  '{"a":',
  '"}',
  '[1,2',
  '{"__proto__":{"x":1}}',
  'null',
  'undefined',
  'constructor',
  '__proto__',
  'NaN',
  '-1',
  '1e309',
  '%',
  '%7C',
  '|',
  ':',
  'article:',
  'query:',
  '"',
  "'",
  '“',
  '”',
  '‘',
  'armistice',
  'Sullivan',
  'said',
  'the',
  'US',
  'Seoul',
  'fundamentally aligned',
];

const piece = fc.constantFrom(...PIECES);

/** Any short string, including astral code points and lone surrogates. */
const anyUnicode = fc.string({ unit: 'binary', maxLength: 24 });
const graphemes = fc.string({ unit: 'grapheme', maxLength: 12 });

/** A mix of pieces and random Unicode, up to a few hundred characters. */
export const mixedText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: piece }, { weight: 2, arbitrary: anyUnicode }, { weight: 1, arbitrary: graphemes }), { maxLength: 10 })
  .map((parts) => parts.join(''));

/** Around 6,000 characters: one piece or mix repeated. */
export const longText: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(piece.filter((p) => p.length > 0), mixedText.filter((s) => s.length > 0)), fc.integer({ min: 5990, max: 6010 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** What goes into a text option. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u200b', '\t \n', '\u202e\u200f') },
  { weight: 8, arbitrary: mixedText },
  { weight: 1, arbitrary: longText },
);

/** Values of any JSON type, for options that expect something else. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
);

/** Every canary that occurs in `input`. */
export function canariesIn(input: string): string[] {
  return CANARIES.filter((c) => input.includes(c));
}

/**
 * Whether `canary` is live in `text`: inline markup anywhere verbatim; block quotes and headings
 * only at the start of a line (that is the only place Discord reads them).
 */
export function canaryIsLive(text: string, canary: string): boolean {
  if (/^[>#]/.test(canary)) return text.split('\n').some((line) => line.trimStart().startsWith(canary));
  return text.includes(canary);
}

/** Emoji that are several code units long: pairs, flags, skin tones, ZWJ sequences, keycaps. */
export const EMOJI = ['😀', '🇰🇷', '🇺🇸', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '1️⃣', '❤️', 'é', 'é', '𝕏'];
/** Text made mostly of multi-unit emoji, with some letters and spaces between. */
export const emojiHeavy: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...EMOJI) }, { weight: 1, arbitrary: fc.constantFrom('a', ' ', 'US', '*', '@everyone') }), { minLength: 1, maxLength: 400 })
  .map((parts) => parts.join(''));

/** Every string anywhere inside `value` (object keys too). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsIn(v, out);
    }
  }
  return out;
}

/**
 * Asserts no string in `value` holds a lone surrogate, and — when the input (`typed`) was valid
 * text without one — no U+FFFD either: a pair cut in half and then repaired is still a broken emoji.
 */
export function assertNoLoneSurrogates(value: unknown, context = '', typed?: string): void {
  const repairedIsBroken = typed !== undefined && isWellFormed(typed) && !typed.includes('\ufffd');
  for (const s of stringsIn(value)) {
    expect(isWellFormed(s), `${context} lone surrogate in ${JSON.stringify(s).slice(0, 200)}`).toBe(true);
    if (repairedIsBroken) expect(s.includes('\ufffd'), `${context} half an emoji (U+FFFD) in ${JSON.stringify(s).slice(0, 200)}`).toBe(false);
  }
}

/** Emoji text around a length: just under, at and just over `n` code units. */
export const emojiAround = (n: number) =>
  fc.tuple(emojiHeavy, fc.integer({ min: -3, max: 3 })).map(([unit, d]) => {
    const target = Math.max(1, n + d);
    return graphemePrefix(unit.repeat(Math.ceil((target + 12) / unit.length)), target + 1);
  });
