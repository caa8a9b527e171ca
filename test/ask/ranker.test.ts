import { describe, expect, it } from 'vitest';
import { askCandidates, FEATURES } from '../../src/answer/askCandidates';
import { ASK_WEIGHTS, WEAK_MATCH } from '../../src/answer/askWeights';
import { seedKb } from '../helpers';

describe("/ask's learned sentence ranker", () => {
  it('ships one finite weight per feature and a related-excerpt threshold', () => {
    expect(Object.keys(ASK_WEIGHTS).sort()).toEqual([...FEATURES].sort());
    for (const k of FEATURES) expect(Number.isFinite(ASK_WEIGHTS[k])).toBe(true);
    expect(WEAK_MATCH).toBeGreaterThan(0);
  });

  it('scores each candidate as the weighted sum of its features, best first', async () => {
    const { candidates } = askCandidates(await seedKb(), 'When did Kim and Noh meet?', ASK_WEIGHTS);
    expect(candidates.length).toBeGreaterThan(1);
    for (const c of candidates) expect(c.score).toBeCloseTo(FEATURES.reduce((a, k) => a + ASK_WEIGHTS[k] * c.features[k], 0), 9);
    for (let i = 1; i < candidates.length; i++) expect(candidates[i - 1]!.score).toBeGreaterThanOrEqual(candidates[i]!.score);
  });

  it('finds a date next to the question words for "when", and the question\'s word pairs kept together', async () => {
    const kb = await seedKb();
    const { candidates } = askCandidates(kb, 'When was the Korean War fought?', ASK_WEIGHTS, undefined, true);
    const p2 = candidates.find((c) => c.sentence.text.includes('1950-53 Korean War'))!;
    const p5 = candidates.find((c) => c.sentence.text.startsWith('On Sunday'))!;
    expect(p2.features.date).toBe(1);
    expect(p2.features.pairs).toBeGreaterThan(0);
    // "On Sunday" is a date too, but far from "Korean".
    expect(p2.features.answerNear).toBeGreaterThan(0.9);
    expect(p5.features.date).toBe(1);
    expect(p5.features.answerNear).toBeLessThan(0.5);
  });

  it('counts the people and parties the question names, in the sentence and in its article', async () => {
    const { candidates } = askCandidates(await seedKb(), 'Where did Moon Chung-in make his remarks?', ASK_WEIGHTS, undefined, true);
    const his = candidates.find((c) => c.sentence.text.includes('said Moon at a forum'))!;
    const other = candidates.find((c) => c.sentence.text.startsWith('US national security adviser Jake Sullivan made the remarks'))!;
    expect(his.features.anchors).toBe(1);
    expect(other.features.anchors).toBe(0);
    expect(other.features.articleAnchors).toBe(1);
  });
});
