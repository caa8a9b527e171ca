import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokens';
import { ENGINE_VIEW, SEARCH_VIEW, wordPattern } from '../../src/text/wordRule';
import { wordFrom, words, wordsByPattern } from '../../src/text/words';

const surface = (text: string) => words(text).map((w) => text.slice(w.start, w.end));
const tokens = (text: string) => tokenize(text, 0, text.length).map((t) => t.text);

describe('one rule for what a word is (text/wordRule.ts), two views', () => {
  it('reads the same runs of letters and digits in both views; the engine also joins periods and ampersands', () => {
    const text = 'Moon Jae-in’s U.S. trip, AT&T and $5 deals: don‐t stop';
    expect(surface(text)).toEqual(['Moon', 'Jae-in’s', 'U', 'S', 'trip', 'AT', 'T', 'and', '5', 'deals', 'don‐t', 'stop']);
    expect(tokens(text)).toEqual(['Moon', 'Jae-in', 'U.S.', 'trip', 'AT&T', 'and', '$5', 'deals', 'don', 't', 'stop']);
  });

  it('builds each tokeniser from its view, so a change to the rule reaches both', () => {
    const both = { ...SEARCH_VIEW, joiners: SEARCH_VIEW.joiners + '/' };
    expect([...'either/or'.matchAll(wordPattern(both))].map((m) => m[0])).toEqual(['either/or']);
    expect([...'either/or'.matchAll(wordPattern(SEARCH_VIEW))].map((m) => m[0])).toEqual(['either', 'or']);
    expect([...'Gov. Smith'.matchAll(wordPattern(ENGINE_VIEW))].map((m) => m[0])).toEqual(['Gov.', 'Smith']);
  });

  it('finds the same word from an offset as over the whole text (`wordFrom`)', () => {
    for (const text of ['The US has said no.', 'Seoul, which wants talks', 'a café’s owner – résumé', 'x 𝐀bc-d']) {
      const all = wordsByPattern(text);
      for (const w of all) expect(wordFrom(text, w.start)).toEqual(w);
      expect(wordFrom(text, text.length)).toBeNull();
    }
  });
});
