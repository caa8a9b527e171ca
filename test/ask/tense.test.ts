import { describe, expect, it } from 'vitest';
import { askCandidates } from '../../src/answer/askCandidates';
import { questionTime, timeAgreement } from '../../src/answer/askTense';
import { ASK_WEIGHTS } from '../../src/answer/askWeights';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { words } from '../../src/text/words';
import { markdownArticle, tempKnowledge } from '../helpers';

/** The `tense` feature (src/answer/askTense.ts) on invented text: the question's time against the sentence's. */
const agreement = (question: string, sentence: string) => {
  const time = questionTime(words(question));
  const ws = words(sentence);
  return time ? timeAgreement(time, ws, 0, ws.length) : 0;
};

describe('time agreement between a question and a sentence', () => {
  it('reads the time a question asks about from its time words and auxiliaries, not from a plain "is"', () => {
    expect(questionTime(words('What kind of talks are going on right now?'))).toBe('present');
    expect(questionTime(words('What does the mayor currently do?'))).toBe('present');
    expect(questionTime(words('When will the bridge open?'))).toBe('future');
    expect(questionTime(words('When is the bridge expected to open?'))).toBe('future');
    expect(questionTime(words('When did the bridge open?'))).toBe('past');
    expect(questionTime(words('When was the bridge built?'))).toBe('past');
    // A copula or "does" is no time: who someone is, what someone says.
    expect(questionTime(words('Who is Lea Dahl?'))).toBeUndefined();
    expect(questionTime(words('What does Lea Dahl say about the fees?'))).toBeUndefined();
    expect(questionTime(words('Why are the fares going up?'))).toBeUndefined();
  });

  it('is the share of the sentence told in that time, speech verbs aside', () => {
    expect(agreement('When will the bridge open?', 'The bridge is expected to open in May.')).toBe(1);
    expect(agreement('When will the bridge open?', 'The bridge opened in May.')).toBe(0);
    expect(agreement('When did the bridge open?', 'The bridge opened in May.')).toBe(1);
    expect(agreement('What talks are going on now?', 'Talks on the fees are taking place, the mayor said.')).toBe(1);
    expect(agreement('What talks are going on now?', 'The envoys had held talks on Sunday.')).toBe(0);
    // Half present, half past.
    expect(agreement('What talks are going on now?', 'Talks are under way, though the envoys had met before.')).toBe(0.5);
    // No time read: neutral.
    expect(agreement('When did the bridge open?', 'A bridge of steel and glass.')).toBe(0);
    expect(agreement('Who is Lea Dahl?', 'Lea Dahl was the mayor.')).toBe(0);
  });
});

describe('/ask with time agreement', () => {
  let kb: Promise<KnowledgeBase> | undefined;
  const story = () =>
    (kb ??= loadKnowledgeBase(
      tempKnowledge({
        'ferry.md': markdownArticle({ id: 'ferry', title: 'Vask ferry' }, [
          'The ferry line to Vask opened on 2 March for a summer trial.',
          'The ferry line to Vask will open again on 14 June.',
        ]),
      }),
    ));
  const top = async (question: string, weights = ASK_WEIGHTS) => askCandidates(await story(), question, weights).candidates[0]!.sentence.text;

  it('answers a question about the future from the sentence about what is to come, and one about the past from the past', async () => {
    expect(await top('When will the ferry line to Vask open?')).toMatch(/14 June/);
    expect(await top('When did the ferry line to Vask open?')).toMatch(/2 March/);
    // Without the feature the two questions get one answer: the sentences hold the same words and a date each.
    const off = { ...ASK_WEIGHTS, tense: 0 };
    expect(await top('When will the ferry line to Vask open?', off)).toBe(await top('When did the ferry line to Vask open?', off));
  });
});
