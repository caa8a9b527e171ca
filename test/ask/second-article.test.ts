import { describe, expect, it } from 'vitest';
import { ask } from '../helpers';
import { SECOND_ID, twoArticleKb } from '../parties/secondArticleKb';

/** A reader's questions about the second article, with the paragraph that answers each. */
const QUESTIONS: Array<[string, number]> = [
  ["Who is Ethiopia's chief negotiator?", 6],
  ['When will Ethiopia start the fifth filling of the reservoir?', 7],
  ['Why does Ethiopia say it needs the dam?', 4],
  ['Who did Sudan ask to mediate?', 8],
  ['How much electricity will the dam generate?', 11],
  ['When did Ethiopia start building the dam?', 4],
  ['Where did Karim Nabil speak to reporters?', 2],
  ['How did the Ethiopian negotiator describe the talks?', 6],
];

describe('/ask over a second, different article loaded with the seed', () => {
  it.each(QUESTIONS)('answers “%s” from paragraph %i of that article', async (question, paragraph) => {
    const a = await ask(`/ask question:"${question}"`, await twoArticleKb());
    expect(a.excerpts[0]!.article.id).toBe(SECOND_ID);
    expect(a.excerpts[0]!.paragraph).toBe(paragraph);
  });

  it('still answers seed questions from the seed when both are loaded', async () => {
    const a = await ask('/ask question:"Who signed the armistice?"', await twoArticleKb());
    expect(a.excerpts[0]!.article.id).toBe('us-skorea-end-of-war');
    expect(a.excerpts[0]!.paragraph).toBe(7);
  });

  it('keeps to one article with article:', async () => {
    const a = await ask('/ask question:"Who did Sudan ask to mediate?" article:us-skorea-end-of-war', await twoArticleKb());
    expect(a.excerpts.every((e) => e.article.id === 'us-skorea-end-of-war')).toBe(true);
    expect(a.notice).toMatch(/may not answer|don't seem to answer/);
  });

  it('credits an “according to” answer to its source', async () => {
    const a = await ask('/ask question:"When does the rainy season start?"', await twoArticleKb());
    expect(a.excerpts[0]!.source).toBe('state media');
  });
});
