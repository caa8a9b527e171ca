/**
 * One normal form for party names typed by users and written in the gazetteer, so `us`, `U.S.`,
 * `the United States` and `united  states` look the same.
 */
import { normalizeWord } from '../text/words';

/**
 * The text layer's normal form (`normalizeWord`: lower case, no diacritics, straight apostrophes
 * and hyphens), then no dots, single spaces, no leading "the".
 */
export function partyKey(input: string): string {
  return normalizeWord(input)
    .replace(/‘/g, "'")
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}'&-]+/gu, ' ')
    .trim()
    .replace(/^the\s+/, '');
}
