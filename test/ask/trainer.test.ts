import { describe, expect, it } from 'vitest';
import { evaluate, fit, order, type Row } from '../../bench/askFit';
import { misleading } from '../../bench/askMisses';
import { FEATURES } from '../../src/answer/askCandidates';

/** A weight vector with only the named features set. */
const weights = (set: Partial<Record<(typeof FEATURES)[number], number>>) => Float64Array.from(FEATURES, (k) => set[k] ?? 0);
/** A candidate's features with only the named ones set. */
const cand = (set: Partial<Record<(typeof FEATURES)[number], number>>) => weights(set);

// Two questions: in each, the right sentence has fewer question words (lexical) but more of the
// answer's type (date) than a wrong sentence of another paragraph.
const rows: Row[] = [
  { article: 'a', f: [cand({ lexical: 0.9 }), cand({ lexical: 0.6, date: 1 })], right: [false, true], para: [false, true] },
  { article: 'b', f: [cand({ lexical: 0.8 }), cand({ lexical: 0.5, date: 1 })], right: [false, true], para: [false, true] },
];

describe('train:ask learner', () => {
  it('ranks by the weighted sum, earlier candidate first on ties', () => {
    expect(order(rows[0]!, weights({ lexical: 1 }))).toEqual([0, 1]);
    expect(order(rows[0]!, weights({ lexical: 1, date: 0.5 }))).toEqual([1, 0]);
    expect(order({ article: 'c', f: [cand({}), cand({})], right: [false, false], para: [false, false] }, weights({ lexical: 1 }))).toEqual([0, 1]);
  });

  it('counts top-1 and top-3 by sentence', () => {
    expect(evaluate(rows, weights({ lexical: 1 }))).toMatchObject({ top1: 0, top3: 1 });
    expect(evaluate(rows, weights({ lexical: 1, date: 0.5 }))).toMatchObject({ top1: 1, top3: 1 });
  });

  it('coordinate ascent finds the weight that lifts the right sentences, and holds fixed ones', () => {
    const start = weights({ lexical: 0.55 });
    const w = fit(rows, start, new Map(), 2);
    expect(evaluate(rows, w).top1).toBe(1);
    expect(w[FEATURES.indexOf('lexical')]).toBe(0.55);
    expect(start[FEATURES.indexOf('date')]).toBe(0);
    const held = fit(rows, start, new Map([['date', 0]]), 2);
    expect(held[FEATURES.indexOf('date')]).toBe(0);
  });

  it('says which features the right sentence of the own paragraph loses and wins on', () => {
    const line = misleading(rows, weights({ lexical: 1 }));
    expect(line).toContain('wrong-paragraph misses (top candidate another paragraph\'s wrong sentence): 2, of which 0 without');
    expect(line).toContain('lexical 1.00/0.00');
    expect(line).toContain('date 0.00/1.00');
    // Once the right sentence is on top there is no such miss.
    expect(misleading(rows, weights({ lexical: 1, date: 0.5 }))).toContain('misses (top candidate another paragraph\'s wrong sentence): 0,');
  });
});
