import { describe, expect, it } from 'vitest';
import { ask } from '../helpers';
import { NEWS_CASES, newsKb } from './newsQuestions';

/**
 * News-style questions over two short articles written for these tests
 * (test/fixtures/ask-news/), loaded together with the seed story: who replaces whom, numbers,
 * amounts and dates, worded the way a reader would ask, not copied from the text
 * (newsQuestions.ts).
 */
describe('/ask over news articles it was not tuned on', () => {
  it.each(NEWS_CASES)('answers “%s” from %s ¶%i, with “%s” in the top excerpt', async (question, article, paragraph, answer) => {
    const a = await ask(`/ask question:"${question}"`, await newsKb());
    const top = a.excerpts[0]!;
    expect([top.article.id, top.paragraph]).toEqual([article, paragraph]);
    expect(top.text).toContain(answer);
  });

  it('shows whole sentences: the excerpt starts at a sentence start and ends with its full stop', async () => {
    const a = await ask('/ask question:"How many helicopters were ordered for the army?"', await newsKb());
    expect(a.excerpts[0]!.text).toBe(
      'The reshuffle follows weeks of criticism over delays in a procurement programme worth 4.2 billion euros, under which the army was to receive 36 new helicopters by the end of 2025.',
    );
  });

  it('shows a "He" sentence with the sentence it continues, so the excerpt says who', async () => {
    const a = await ask('/ask question:"Who takes over from Sofia Lindqvist?"', await newsKb());
    expect(a.excerpts[0]!.text).toBe(
      'The council also chose Erik Vann as the new head of the transport department. He takes over from Sofia Lindqvist, who is stepping down at the end of December after eight years in the job.',
    );
    expect(a.excerpts[0]!.speaker).toBeNull();
  });

  it('credits a quoted reason to the person who gave it, not to the reporter', async () => {
    const a = await ask('/ask question:"Why are the fares going up?"', await newsKb());
    expect(a.excerpts[0]!.kind).not.toBe('direct');
    expect(a.excerpts.some((e) => e.speaker?.name === 'Lina Horvath')).toBe(true);
  });
});
