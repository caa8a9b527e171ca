/**
 * The parts `/ask` precomputes for speed give what they replace: the vocabulary's match keys are
 * `keyOf`'s, and BM25 with its parts hoisted ranks as the per-posting formula does.
 */
import { describe, expect, it } from 'vitest';
import { askCandidates } from '../../src/answer/askCandidates';
import { askVocabulary, WARM_SLICE } from '../../src/answer/askVocabulary';
import { ASK_WEIGHTS } from '../../src/answer/askWeights';
import { keyOf } from '../../src/answer/questionTerms';
import { ParagraphIndex } from '../../src/search/paragraphIndex';
import { seedKb } from '../helpers';

describe("/ask's precomputed parts", () => {
  it('keys every vocabulary term as keyOf does, filled a slice per question, and any other word too', async () => {
    const kb = await seedKb();
    const vocabulary = askVocabulary(kb);
    expect(askVocabulary(kb)).toBe(vocabulary);
    const terms = kb.index.snapshot().vocab;
    expect(terms.length).toBeGreaterThan(200);
    const keys = () => terms.map((t) => vocabulary.keyOf(t));
    // By term id too (how a new question word's forms are read): the same key as by its text.
    const byId = () => terms.map((t, id) => (vocabulary.term(id) === t ? vocabulary.keyOfId(id) : `not ${t}`));
    const expected = terms.map((t) => keyOf(t));
    // Before, during and after filling the table, the same keys: it saves time, never changes one.
    expect(keys()).toEqual(expected);
    expect(byId()).toEqual(expected);
    vocabulary.warm(100);
    expect(vocabulary.complete).toBe(false);
    expect(keys()).toEqual(expected);
    expect(byId()).toEqual(expected);
    // Each question adds a slice (WARM_SLICE terms): enough questions fill it.
    for (let i = 0; i < terms.length / WARM_SLICE + 1; i++) askCandidates(kb, `Who met on Sunday ${i}?`, ASK_WEIGHTS);
    expect(vocabulary.complete).toBe(true);
    expect(keys()).toEqual(expected);
    expect(byId()).toEqual(expected);
    // Irregular forms share a key; a word no paragraph has is keyed all the same.
    expect(vocabulary.keyOf('went')).toBe(keyOf('go'));
    expect(vocabulary.keyOf('zzyzxqueries')).toBe(keyOf('zzyzxqueries'));
  });

  it('ranks paragraphs by BM25+ summed over groups, each group scoring its best term', () => {
    const texts = [
      'The treaty was signed in Geneva after long talks.',
      'Talks on the treaty collapsed; the treaty talks resumed in Geneva and Geneva hosted them again for weeks and weeks of talks.',
      'Nothing here about it.',
      'Signing ceremonies in Geneva drew crowds.',
    ];
    const index = new ParagraphIndex();
    index.add(texts.map((text, id) => ({ id, text })));
    const groups = [[{ term: 'treaty', weight: 1 }], [{ term: 'geneva', weight: 1 }, { term: 'signed', weight: 0.6 }], [{ term: 'talks', weight: 0.8 }]];
    // The reference: BM25+ (k 1.2, b 0.7, δ 0.5) per posting, as the index documents it.
    const snap = index.snapshot();
    const { docs, avgLength } = index.stats;
    const tf = (term: string, doc: number) => {
      const id = snap.vocab.indexOf(term);
      for (let p = snap.offsets[id]!; p < snap.offsets[id + 1]!; p++) if (snap.docs[p] === doc) return snap.tfs[p]!;
      return 0;
    };
    const df = (term: string) => texts.filter((_, d) => tf(term, d) > 0).length;
    const expected = texts.map((_, doc) => {
      let sum = 0;
      let hit = 0;
      for (const g of groups) {
        let best = 0;
        for (const { term, weight } of g) {
          const f = tf(term, doc);
          if (!f) continue;
          const idf = Math.log(1 + (docs - df(term) + 0.5) / (df(term) + 0.5));
          const norm = f + 1.2 * (1 - 0.7 + (0.7 * snap.lengths[doc]!) / avgLength);
          best = Math.max(best, weight * idf * (0.5 + (f * 2.2) / norm));
        }
        if (best > 0) hit++;
        sum += best;
      }
      return { id: doc, score: sum * (hit / groups.length) };
    });
    const ranked = index.rankGroups(groups, 10);
    expect(ranked.map((r) => r.id)).toEqual(expected.filter((e) => e.score > 0).sort((a, b) => b.score - a.score).map((e) => e.id));
    for (const r of ranked) expect(r.score).toBeCloseTo(expected[r.id]!.score, 12);
    // The scratch arrays are clean for the next query: the same query ranks the same.
    expect(index.rankGroups(groups, 10)).toEqual(ranked);
  });
});
