import { describe, expect, it } from 'vitest';
import { askCandidates, type Weights } from '../../src/answer/askCandidates';
import { addedShare, spreadEvidence } from '../../src/answer/askSpread';
import { ASK_WEIGHTS } from '../../src/answer/askWeights';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { markdownArticle, tempKnowledge } from '../helpers';

const range = (perTerm: number[]) => ({ found: perTerm.reduce((a, b) => a + b, 0), perTerm, highlights: [], proximity: 0, pairs: 0, words: 10, anchors: 0 });

/** Issue #15: a question said across two sentences, the answer type in one of them (askSpread.ts). */
describe('spread: the question across two sentences, the answer type in one', () => {
  it('counts what the neighbour adds, times how much more of the answer type this sentence holds', () => {
    expect(addedShare(range([0, 1, 0]), range([2, 1, 1]), 4)).toBe(0.75);
    expect(addedShare(range([1, 1]), undefined, 2)).toBe(0);
    expect(spreadEvidence(1, [{ added: 0.75, present: () => 0 }])).toBe(0.75);
    // The neighbour holds the answer type as well: nothing tells the two apart.
    expect(spreadEvidence(1, [{ added: 0.75, present: () => 1 }])).toBe(0);
    expect(spreadEvidence(0, [{ added: 0.75, present: () => 0 }])).toBe(0);
    expect(spreadEvidence(1, [{ added: 0.2, present: () => 0 }, { added: 0.5, present: () => 0.7 }])).toBeCloseTo(0.2);
  });

  // The first sentence says most of the question; the second, which holds the date, the rest.
  const PARAGRAPHS = ['The northern harbour cranes were removed for the new quay. The cranes were removed in 2031.'];
  let kb: Promise<KnowledgeBase> | undefined;
  const port = () => (kb ??= loadKnowledgeBase(tempKnowledge({ 'port.md': markdownArticle({ id: 'port', title: 'Port news' }, PARAGRAPHS) })));
  const question = 'When were the northern harbour cranes removed?';

  it('is the date sentence’s, not the one with more of the question’s words', async () => {
    const { candidates } = askCandidates(await port(), question, ASK_WEIGHTS, undefined, true);
    const dated = candidates.find((c) => c.sentence.text.includes('2031'))!;
    const other = candidates.find((c) => !c.sentence.text.includes('2031'))!;
    expect(dated.features.spread).toBeGreaterThan(0.3);
    expect(other.features.spread).toBe(0);
  });
  it('moves the date sentence up by its weight', async () => {
    const strong: Weights = { ...ASK_WEIGHTS, spread: 1 };
    const off: Weights = { ...ASK_WEIGHTS, spread: 0 };
    const gap = (w: Weights) => {
      return port().then((k) => {
        // Every feature worked out, so that the weight changes nothing but the score.
        const { candidates } = askCandidates(k, question, w, undefined, true);
        const score = (has: boolean) => candidates.find((c) => c.sentence.text.includes('2031') === has)!.score;
        return score(true) - score(false);
      });
    };
    expect(await gap(strong)).toBeGreaterThan(await gap(off));
    expect((await gap(strong)) - (await gap(off))).toBeGreaterThan(0.3);
  });
});

/** The answer-type lexicon: numbers spelled out past twelve, fractions, seasons (answerType.ts). */
describe('answer types the lexicon knows', () => {
  const PARAGRAPHS = [
    'The harbour board counted the boats at the quay. There were sixty boats at the quay.',
    'The flood reached the quay. About a third of the town was flooded.',
    'The board met about the quay. In the autumn the board closed the quay.',
  ];
  let kb: Promise<KnowledgeBase> | undefined;
  const town = () => (kb ??= loadKnowledgeBase(tempKnowledge({ 'town.md': markdownArticle({ id: 'town', title: 'Town news' }, PARAGRAPHS) })));
  const evidence = async (question: string, feature: 'number' | 'date', holding: string) => {
    const { candidates } = askCandidates(await town(), question, ASK_WEIGHTS, undefined, true);
    return candidates.find((c) => c.sentence.text.includes(holding))!.features[feature];
  };
  it('reads "sixty" and "a third" as numbers, "autumn" as a time', async () => {
    expect(await evidence('How many boats were at the quay?', 'number', 'sixty')).toBe(1);
    expect(await evidence('How much of the town was flooded?', 'number', 'a third')).toBe(1);
    expect(await evidence('When did the board close the quay?', 'date', 'autumn')).toBe(1);
  });
});
