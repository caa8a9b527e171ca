import { describe, expect, it } from 'vitest';
import { selectTop } from '../../src/search/rankKernels';
import { ParagraphIndex } from '../../src/search/paragraphIndex';

/** The top k by score (higher first), ties by paragraph id (lower first): what rankGroups promises. */
function reference(scores: number[], k: number): number[] {
  return scores
    .map((score, doc) => ({ doc, score }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, k)
    .map((x) => x.doc);
}

describe('selectTop (rankGroups’ heap on typed arrays)', () => {
  it('keeps the k best of many candidates in any arrival order', () => {
    const n = 500;
    const acc = new Float64Array(n);
    const hits = new Uint16Array(n).fill(1);
    // Distinct scores, arriving in a scrambled order.
    for (let d = 0; d < n; d++) acc[d] = ((d * 7919) % n) / 10;
    const cand = Int32Array.from({ length: n }, (_, i) => (i * 263) % n);
    const k = 24;
    const docs = new Int32Array(k);
    const scores = new Float64Array(k);
    const size = selectTop(cand, n, acc, hits, 1, k, docs, scores);
    expect(size).toBe(k);
    const got = [...docs].map((doc, i) => ({ doc, score: scores[i]! })).sort((a, b) => b.score - a.score || a.doc - b.doc);
    expect(got.map((x) => x.doc)).toEqual(reference([...acc], k));
  });

  it('scores a paragraph by its sum times the share of groups it holds', () => {
    const acc = Float64Array.from([2, 3, 1]);
    const hits = Uint16Array.from([2, 1, 2]);
    const docs = new Int32Array(3);
    const scores = new Float64Array(3);
    selectTop(Int32Array.from([0, 1, 2]), 3, acc, hits, 2, 3, docs, scores);
    const byDoc = new Map([...docs].map((d, i) => [d, scores[i]!]));
    expect(byDoc.get(0)).toBe(2);
    expect(byDoc.get(1)).toBe(1.5);
    expect(byDoc.get(2)).toBe(1);
  });
});

describe('ParagraphIndex.rankGroups with a filter', () => {
  it('ranks the paragraphs the filter keeps as it ranks them without one', () => {
    const index = new ParagraphIndex();
    index.add(Array.from({ length: 40 }, (_, id) => ({ id, text: `minister ${'talks '.repeat(1 + (id % 5))} paragraph ${id}` })));
    const groups = [[{ term: 'minister', weight: 1 }], [{ term: 'talks', weight: 1 }]];
    const even = (id: number) => id % 2 === 0;
    const all = index.rankGroups(groups, 40);
    const filtered = index.rankGroups(groups, 5, even);
    expect(filtered).toEqual(all.filter((r) => even(r.id)).slice(0, 5));
  });
});
