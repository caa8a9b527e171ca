/**
 * Close is not the same: a phrase that differs from what someone said by a content word — the
 * opposite word, a negation, another place, another number — is never credited to them as an
 * exact or fuzzy match. It is shown as a related passage, and the answer says what differs.
 * Typos, inflections and function words still find the speaker.
 */
import { describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/core/answer';
import { findPhrase, FUZZY_THRESHOLD } from '../../src/search/phrase';
import { parseQuery } from '../../src/search/query';
import { distinctWords } from '../../src/search/sameWords';
import { ask } from '../helpers';

const whoSaid = async (phrase: string) => AnswerSchema.parse(await ask(`/who-said phrase:${phrase}`));

describe('/who-said on near misses of the seed article’s quotes', () => {
  const cases: Array<[phrase: string, speaker: string, paragraph: number, differs: string]> = [
    ['we are fundamentally opposed on the core strategic initiative', 'Jake Sullivan', 3, 'said “aligned”, not “opposed”'],
    ['we are not fundamentally aligned on the core strategic initiative', 'Jake Sullivan', 3, 'said “fundamentally”, not “not fundamentally”'],
    ['only through war are we going to really, truly be able to', 'Jake Sullivan', 3, 'said “diplomacy”, not “war”'],
    ['it needs to give Seoul what it wants', 'Moon Chung-in', 14, 'said “Pyongyang”, not “Seoul”'],
    ['convince Washington to tighten sanctions on Pyongyang', 'Moon Chung-in', 15, 'said “ease”, not “tighten”'],
    ['it appears to be easy for Seoul to convince Washington', 'Moon Chung-in', 15, 'said “not easy”, not “easy”'],
  ];
  for (const [phrase, speaker, paragraph, differs] of cases) {
    it(`does not credit “${phrase}” to ${speaker}, and says what ${speaker} said instead`, async () => {
      const answer = await whoSaid(phrase);
      expect(answer.excerpts.length).toBeGreaterThan(0);
      expect(answer.excerpts.map((e) => e.match)).toEqual(answer.excerpts.map(() => 'related'));
      const first = answer.excerpts[0]!;
      expect(first.speaker?.name).toBe(speaker);
      expect(first.paragraph).toBe(paragraph);
      expect(first.differs).toBe(differs);
      expect(answer.notice).toBe(
        `Nobody in the loaded articles said “${phrase}”. ${speaker} ${differs}. The closest passages are shown below; they are not matches.`,
      );
    });
  }

  it('does not credit an exact run of words that follows a negation the phrase leaves out', async () => {
    const answer = await whoSaid('easy for Seoul to convince Washington');
    expect(answer.excerpts[0]).toMatchObject({ match: 'related', paragraph: 15, differs: 'said “not easy”, not “easy”' });
    expect(answer.excerpts[0]!.speaker?.name).toBe('Moon Chung-in');
  });

  it('still credits typos, inflections and dropped function words to the speaker, as fuzzy', async () => {
    for (const phrase of [
      'we are fundamentaly alligned on the core strategic initiative', // two typos
      'we are fundamentally aligned on core strategic initiatives', // a dropped "the", a plural
      '“it appears to be not easy for Seoul to convince Washington to ease sanction”', // quote marks, a singular
    ]) {
      const answer = await whoSaid(phrase);
      const e = answer.excerpts[0]!;
      expect(e.match, phrase).toBe('fuzzy');
      expect(e.differs, phrase).toBeUndefined();
      expect(e.speaker?.name, phrase).toBe(phrase.includes('Seoul') ? 'Moon Chung-in' : 'Jake Sullivan');
      expect(answer.notice, phrase).toBeUndefined();
    }
  });

  it('credits the words themselves exactly', async () => {
    const e = (await whoSaid('not easy for Seoul to convince Washington to ease sanctions')).excerpts[0]!;
    expect(e).toMatchObject({ match: 'exact', paragraph: 15 });
    expect(e.speaker?.name).toBe('Moon Chung-in');
  });

  it('calls a phrase whose words are mostly only related forms of the stored ones related, not fuzzy', async () => {
    // "fundamental" for "fundamentally" (a typo apart) and "align" for "aligned" (same stem): 0.72 of the weight.
    const m = findPhrase('we are fundamentally aligned on the core', 'fundamental align');
    expect(m!.score).toBeLessThan(FUZZY_THRESHOLD);
    expect(m!.score).toBeGreaterThan(0.5);
    expect(m!.match).toBe('related');
    const answer = await whoSaid('fundamental align');
    expect(answer.excerpts.map((e) => e.match)).toEqual(answer.excerpts.map(() => 'related'));
    expect(answer.notice).toMatch(/^Nobody in the loaded articles said “fundamental align”/);
  });
});

describe('/who-said on a content word dropped from the phrase', () => {
  it('calls the passage related and shows the word the phrase left out', async () => {
    const answer = await whoSaid('we are aligned on the core strategic initiative');
    expect(answer.excerpts[0]).toMatchObject({ match: 'related', paragraph: 3, differs: 'said “fundamentally aligned”, not “aligned”' });
  });
});

describe('findPhrase typos and inflections', () => {
  const text = 'Only through diplomacy are we going to make progress, officials say, and they asked for time.';
  it('takes an unknown three-letter word for a four-letter one with a letter dropped, a known one not', () => {
    expect(findPhrase(text, parseQuery('ony through diplomacy are we', () => false))).toMatchObject({ match: 'fuzzy' });
    expect(findPhrase(text, parseQuery('ony through diplomacy are we', () => true))).toMatchObject({ match: 'related' });
    expect(findPhrase(text, 'ony through diplomacy are we')).toMatchObject({ match: 'related' });
  });
  it('aligns regular inflections of one word, short words too', () => {
    expect(findPhrase(text, 'officials say, and they ask for times')).toMatchObject({ match: 'fuzzy' });
    expect(findPhrase(text, 'officials said, and they asked for time')).toMatchObject({ match: 'fuzzy' }); // an irregular verb
    expect(findPhrase(text, 'we are going to made progress')).toMatchObject({ match: 'fuzzy' });
  });
  it('takes a word a typo away for another word when the articles use the phrase’s word as written', () => {
    const known = (w: string) => ['take', 'make'].includes(w);
    expect(findPhrase(text, parseQuery('we are going to take progress', known))).toMatchObject({ match: 'related', differences: [{ asked: 'take' }] });
    expect(findPhrase(text, parseQuery('we are going to mkae progress', known))).toMatchObject({ match: 'fuzzy' });
    expect(findPhrase(text, 'we are going to take progress')).toMatchObject({ match: 'fuzzy' }); // nothing known: maybe a typo
  });
});

describe('findPhrase near misses', () => {
  const text = 'Officials said 2,000 troops would stay in 2021, a possible increase that is not final.';
  it('treats a changed number as a difference, not a typo', () => {
    expect(findPhrase(text, 'officials said 3,000 troops would stay')).toMatchObject({ match: 'related', differences: [{ asked: '3' }] });
    expect(findPhrase(text, 'troops would stay in 2022')).toMatchObject({ match: 'related' });
    expect(findPhrase(text, 'troops would stay in 2021')).toMatchObject({ match: 'exact' });
  });
  it('treats an antonym made with a prefix as a difference, not a typo', () => {
    expect(findPhrase(text, 'a impossible increase that is not final')).toMatchObject({ match: 'related' });
    expect(findPhrase(text, 'a possible decrease that is not final')).toMatchObject({ match: 'related' });
    expect(findPhrase(text, 'a posible increse that is not final')).toMatchObject({ match: 'fuzzy' });
  });
  it('treats a dropped or added negation as a difference', () => {
    expect(findPhrase(text, 'a possible increase that is final')).toMatchObject({ match: 'related' });
    expect(findPhrase(text, 'troops would not stay in 2021')).toMatchObject({ match: 'related' });
    // A negation after a comma, just past the words the phrase shares with the text.
    const judges = 'He said if she gets to pick her judges, nothing you can do about it.';
    expect(findPhrase(judges, 'if she gets to pick her judges, you')).toMatchObject({ match: 'related', differences: [{ asked: 'judges you' }] });
    expect(findPhrase(judges, 'if she gets to pick her judges')).toMatchObject({ match: 'exact' });
  });
  it('takes a long look-alike the articles use for another word, not a typo', () => {
    const staff = 'Most of our employees understand and support the plan.';
    expect(findPhrase(staff, parseQuery('of our employer understand and support', (w) => w === 'employer'))).toMatchObject({ match: 'related' });
    expect(findPhrase(staff, parseQuery('of our employes understand and support', (w) => w === 'employer'))).toMatchObject({ match: 'fuzzy' });
  });
  it('tells look-alike different words from typos', () => {
    for (const [a, b] of [['million', 'billion'], ['ever', 'never'], ['possible', 'impossible'], ['increase', 'decrease'], ['internal', 'external'], ['majority', 'minority'], ['constitutional', 'unconstitutional'], ['2020', '2021'], ['accelerate', 'decelerate'], ['northern', 'southern'], ['northeast', 'southeast']]) {
      expect(distinctWords(a!, b!), `${a} / ${b}`).toBe(true);
    }
    for (const [a, b] of [['sanctions', 'sanctoins'], ['aligned', 'alligned'], ['initiative', 'initiatives'], ['declaration', 'declarations'], ['don\'t', 'dont'], ['million', 'millions']]) {
      expect(distinctWords(a!, b!), `${a} / ${b}`).toBe(false);
    }
  });
});
