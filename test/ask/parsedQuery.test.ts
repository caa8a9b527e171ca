import { describe, expect, it } from 'vitest';
import { askCandidates } from '../../src/answer/askCandidates';
import { ASK_WEIGHTS } from '../../src/answer/askWeights';
import { analyseQuestion } from '../../src/answer/question';
import { PartyRegistry } from '../../src/parties/registry';
import { parseQuery } from '../../src/search/query';
import { seedKb } from '../helpers';

describe('/ask on the parsed query', () => {
  it('reads the words of the query it is handed, not the text again', () => {
    const parsed = parseQuery('Why does North Korea want the declaration now?');
    // Only the words handed down count: cut them to the first five, and "declaration" is gone.
    const cut = { ...parsed, words: parsed.words.slice(0, 5) };
    const registry = new PartyRegistry();
    expect(analyseQuestion(parsed, registry).terms.map((t) => t.norm)).toEqual(['want', 'declaration']);
    expect(analyseQuestion(cut, registry).terms.map((t) => t.norm)).toEqual(['want']);
  });

  it('gives the same candidates for a question as text and as the parsed query', async () => {
    const kb = await seedKb();
    for (const question of ['What did Sullivan say about the end-of-war declaration?', 'When was the Korean War fought?', 'Who is Jake Sullivan?']) {
      const fromText = askCandidates(kb, question, ASK_WEIGHTS);
      const fromParsed = askCandidates(kb, kb.index.parseQuery(question), ASK_WEIGHTS);
      expect(fromParsed.question).toEqual(fromText.question);
      expect(fromParsed.candidates.map((c) => [c.rec.id, c.sentence.start, c.score])).toEqual(fromText.candidates.map((c) => [c.rec.id, c.sentence.start, c.score]));
      expect(fromText.candidates.length).toBeGreaterThan(0);
    }
  });
});
