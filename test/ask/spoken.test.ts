import { describe, expect, it } from 'vitest';
import { asksAboutSpeaking } from '../../src/answer/askSpeakers';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { words } from '../../src/text/words';
import { ask, markdownArticle, tempKnowledge } from '../helpers';

/**
 * The `spoken` feature (src/answer/askSpeakers.ts) on an invented story: where and when a named
 * person spoke stand in the setting of their own statement, and why a named country wants
 * something stands in the content of its own stance — not in another sentence that repeats more
 * of the question's words.
 */
let kb: Promise<KnowledgeBase> | undefined;
function storyKb(): Promise<KnowledgeBase> {
  kb ??= loadKnowledgeBase(
    tempKnowledge({
      'port-strike.md': markdownArticle({ id: 'port-strike', title: 'Dock strike enters its third week' }, [
        'Harbour minister Ola Berg made the remarks about the strike on Monday, urging both sides to return to the table.',
        // The appositive's "to Harbour Minister Ola Berg" describes her, and is no setting.
        'Union leader Mira Stal, a former adviser to Harbour Minister Ola Berg, said on Friday that the talks had stalled.',
        '“We will not go back to work without a fair deal,” said Stal at a rally, adding that the strike could last for weeks.',
        'Norway has pushed to end the walkout as a way to keep its fish exports moving.',
        '“In order for the port to reopen, we want to end the strike this week,” Berg said.',
      ]),
    }),
  );
  return kb;
}

describe('/ask reads where, when and why from the named speaker’s own statement', () => {
  it('answers where a named person spoke from the setting of their quote', async () => {
    const a = await ask('/ask question:"Where did Mira Stal make her remarks?"', await storyKb());
    expect(a.excerpts[0]!.paragraph).toBe(3);
    expect(a.excerpts[0]!.text).toContain('at a rally');
  });

  it('answers why a named country wants something from the content of its own stance', async () => {
    // Berg's sentence holds more of the question's words and a cause ("In order for"), but it is his.
    const a = await ask('/ask question:"Why does Norway want to end the strike?"', await storyKb());
    expect(a.excerpts[0]!.paragraph).toBe(4);
    expect(a.excerpts[0]!.text).toContain('as a way to keep its fish exports moving');
  });

  it('tells a question about the speaking from one that only names a speaker', () => {
    expect(asksAboutSpeaking(words('Where did Mira Stal make her remarks?'))).toBe(true);
    expect(asksAboutSpeaking(words('When did Sullivan talk to reporters?'))).toBe(true);
    expect(asksAboutSpeaking(words("When does President Moon's term end?"))).toBe(false);
  });
});

describe('/ask reads "What does X say about Y?" in X’s own statement', () => {
  let fees: Promise<KnowledgeBase> | undefined;
  const feesKb = () =>
    (fees ??= loadKnowledgeBase(
      tempKnowledge({
        'port-fees.md': markdownArticle({ id: 'port-fees', title: 'Harbour budget debated' }, [
          'Harbour minister Ola Berg was asked about the budget on Monday.',
          '“We need the ships back,” said Berg at the quay, noting that the shipping firms want the government to cut the port fees.',
          'Berg said on Tuesday that the port fees would stay as they are until the spring.',
          'Berg’s remarks on the ferry tax, the first the ministry has made on the tax, suggest that the government remains split on it.',
          '“Nobody will pay more to cross the strait this year,” Berg said at a press briefing when asked about the ferry tax.',
        ]),
      }),
    ));

  it('reads what the speaker was asked about as the topic of the answer', async () => {
    const a = await ask('/ask question:"What did Ola Berg say about the ferry tax?"', await feesKb());
    expect(a.excerpts[0]!.paragraph).toBe(5);
    expect(a.excerpts[0]!.speaker?.name).toBe('Ola Berg');
  });

  it('answers from the sentence where the fees are Berg’s own words, not what the firms want in his sentence', async () => {
    const a = await ask('/ask question:"What does Ola Berg say about the port fees?"', await feesKb());
    expect(a.excerpts[0]!.paragraph).toBe(3);
    expect(a.excerpts[0]!.text).toContain('would stay as they are');
  });
});
