/**
 * The query parsed once (search/query.ts) is the query every stage used to tokenise for itself:
 * the same index terms as `ParagraphIndex.queryTerms`, the same words as `words`, and `known`
 * holding exactly the words the index has.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParagraphIndex } from '../../src/search/paragraphIndex';
import { parseQuery } from '../../src/search/query';
import { words } from '../../src/text/words';

const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(fc.constantFrom('The', 'U.S.-led', 'talks’', 'end-of-war', "Moon's", 'Jae‐in', 'é', 'café', 'of', '—', ' ', '  '), { maxLength: 12 }).map((ws) => ws.join(' ')),
);

describe('parseQuery', () => {
  it('gives the index terms and words each stage computed from the text before', () => {
    fc.assert(
      fc.property(text, (s) => {
        const q = parseQuery(s);
        expect(q.terms).toEqual(ParagraphIndex.queryTerms(s));
        expect(q.words).toEqual(words(s));
        expect(q.known).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('asks the index about each distinct word once and keeps the known ones', () => {
    const asked: string[] = [];
    const q = parseQuery('the talks and the end of the talks', (w) => (asked.push(w), w === 'talks' || w === 'the'));
    expect([...(q.known ?? [])].sort()).toEqual(['talks', 'the']);
    expect(asked.filter((w) => w === 'talks')).toHaveLength(1);
  });
});
