import { describe, expect, it } from 'vitest';
import { ask } from '../helpers';
import { NEWS_CASES, newsKb } from './newsQuestions';
import { SEED_QUESTIONS } from './questions';

/**
 * Questions the stories do not answer, written for this test over the seed story and the two news
 * articles (test/fixtures/ask-news/), each with whether `/ask` tells "None of these passages …, so
 * the story may not say" (askMissingType.ts). Written before the rule was tuned, and kept as they
 * were: `false` is a question the rule cannot catch, since a passage holds a name, a date, a
 * figure or a place that is not the answer ("Who will replace the envoy?" → "On Sunday, US special
 * envoy … Sung Kim met …"). The rule reads the kind of answer, not its meaning; what it does
 * catch, it catches for any story. Told: 11 of 43 (who 2 / 11, how many 9 / 12); when and where
 * are not told (askMissingType.ts, `TOLD`), though the rule finds 2 / 9 and 3 / 11 of them.
 */
const UNANSWERED: Array<[string, boolean]> = [
  // seed story (US / South Korea end-of-war declaration)
  ['Who will replace Jake Sullivan as national security adviser?', false],
  ['Who will succeed President Moon when he leaves office?', false],
  ['Who will replace the envoy?', false],
  ['Who drafted the declaration\'s wording?', false],
  ['Who will sign the end-of-war declaration for China?', false],
  ['Who chairs the legal review in Washington?', false],
  ['When will the declaration be signed?', false], // the rule finds no date, but "when" is not told
  ['When will the legal review be finished?', false], // the rule finds no date, but "when" is not told
  ['When will the envoys meet again?', false],
  ['When will North Korea return to talks?', false],
  ['When will the sanctions be lifted?', false],
  ['How many troops are stationed in South Korea?', true],
  ['How many people died in the Korean War?', true],
  ['How much humanitarian aid has Seoul sent to the North?', true],
  ['How many vaccines will the North receive?', true],
  ['How many nuclear weapons does North Korea have?', true],
  ['How much would easing sanctions cost Washington?', true],
  ['Where will the declaration be signed?', false],
  ['Where will the next round of talks be held?', false],
  // defence reshuffle
  ['Who will replace Brandt as commander of the northern division?', false],
  ['Who will build the new helicopters?', false],
  ['Who wrote the parliamentary report?', true],
  ['When will the remaining helicopters be delivered?', false],
  ['When did Fedorin join the government?', false],
  ['How many soldiers serve in the northern division?', true],
  ['How much has the programme cost so far?', false],
  ['How many votes did the opposition win?', false],
  ['Where will the helicopters be built?', false], // the rule finds no place, but "where" is not told
  ['Where was Brandt born?', false],
  // city budget
  ['Who will build the tram line?', true],
  ['Who leads the bus operator?', false],
  ['When will the tram line open?', false],
  ['When was Lina Horvath elected mayor?', false],
  ['How many buses does the city run?', false],
  ['How much will the tram line cost?', true],
  ['How many passengers will the tram line carry?', true],
  ['Where will the new tram depot be built?', false],
  ['Where does the bus operator keep its buses?', false],
  // more "where", written before running them
  ['Where will Sullivan travel next?', false],
  ['Where do the US troops in Korea train?', false],
  ['Where will the helicopters be stationed?', false], // the rule finds no place, but "where" is not told
  ['Where did Horvath announce the fare increase?', false],
  ['Where will the opposition protest?', false], // the rule finds no place, but "where" is not told
];

describe('questions the stories do not answer', () => {
  it.each(UNANSWERED)('“%s” is told the story may not say: %s', async (question, told) => {
    const a = await ask(`/ask question:"${question}"`, await newsKb());
    expect(a.excerpts.length).toBeGreaterThan(0);
    expect(/^None of these passages /.test(a.notice ?? '')).toBe(told);
    if (told) for (const e of a.excerpts) expect(e.match).toBe('related');
  });

  it('tells 11 of the 43', () => {
    expect(UNANSWERED.length).toBe(43);
    expect(UNANSWERED.filter(([, told]) => told).length).toBe(11);
  });
});

describe('questions the stories do answer', () => {
  it('no study-group or news question is told the story may not say', async () => {
    const kb = await newsKb();
    const questions = [...SEED_QUESTIONS.map((c) => c.question.replace(/"/g, '')), ...NEWS_CASES.map(([q]) => q)];
    const told: string[] = [];
    for (const q of questions) {
      const a = await ask(`/ask question:"${q}"`, kb);
      if (/^None of these passages /.test(a.notice ?? '')) told.push(q);
    }
    expect(told).toEqual([]);
  });
});
