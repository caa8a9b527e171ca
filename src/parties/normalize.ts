/**
 * One normal form for party names typed by users and written in the gazetteer, so `us`, `U.S.`,
 * `the United States` and `united  states` look the same.
 */

/** Lower case, no diacritics, no dots, straight apostrophes, single spaces, no leading "the". */
export function partyKey(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}'&-]+/gu, ' ')
    .trim()
    .replace(/^the\s+/, '');
}
