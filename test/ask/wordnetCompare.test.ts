/**
 * WordNet's index files are searched by bisection (answer/wordnet.ts); each step compares the
 * line's word with the lemma in place (`compareAt`) instead of slicing it out. The bisection takes
 * the same steps only if `compareAt` orders exactly as `<` and `===` on the slice do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAt, senseCount, synonyms } from '../../src/answer/wordnet';

const asString = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

describe('compareAt (WordNet index bisection)', () => {
  it('orders a stretch of text against a word as string comparison does', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '-', '_', "'", '.', 'é', ' ', '1'), maxLength: 6 });
    fc.assert(
      fc.property(word, word, word, (before, key, lemma) => {
        const text = `${before}${key}\n`;
        expect(compareAt(text, before.length, before.length + key.length, lemma)).toBe(asString(key, lemma));
      }),
      { numRuns: 3000 },
    );
  });

  it('still finds what the index lists', () => {
    expect(senseCount('run')).toBeGreaterThan(40);
    expect(senseCount('qzxv')).toBe(0);
    expect(synonyms('disagree')).toContain('differ');
  });
});
