import { describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/core/answer';
import { ask } from '../helpers';
import { SECOND_ID, twoArticleKb } from '../parties/secondArticleKb';

describe('/search', () => {
  it('answers "armistice" with the armistice paragraph', async () => {
    const answer = AnswerSchema.parse(await ask('/search query:armistice'));
    expect(answer.excerpts[0]!.paragraph).toBe(7);
    expect(answer.excerpts[0]!.text).toContain('armistice agreement signed by the US-led United Nations Command');
    expect(answer.excerpts[0]!.match).toBe('exact');
  });

  it('finds the right paragraph for a phrase with a typo in it', async () => {
    const answer = await ask('/search query:humanitarian asistance and vaccine provisions');
    expect(answer.excerpts[0]!.paragraph).toBe(15);
    expect(answer.excerpts[0]!.match).toBe('fuzzy');
  });

  it('finds the right paragraph for a two-word keyword query', async () => {
    const answer = await ask('/search query:legal review');
    expect(answer.excerpts[0]!.paragraph).toBe(10);
    expect(answer.excerpts[0]!.text).toContain('legal review');
  });

  it('highlights the matched words inside the excerpt', async () => {
    const e = (await ask('/search query:Hanoi summit')).excerpts[0]!;
    const marked = e.highlights!.map(([s, t]) => e.text.slice(s, t));
    expect(marked).toEqual(['Hanoi', 'summit']);
  });

  it('says so when nothing matches', async () => {
    const answer = await ask('/search query:photosynthesis chlorophyll');
    expect(answer.excerpts).toEqual([]);
    expect(answer.notice).toMatch(/Nothing in the loaded articles matches/);
  });

  it('narrows to one article of two and rejects an unknown article id', async () => {
    const kb = await twoArticleKb();
    const where = (a: { excerpts: Array<{ article: { id: string }; paragraph: number }> }) => a.excerpts.map((e) => `${e.article.id}#${e.paragraph}`);
    // "talks" is in both articles; article: keeps exactly the chosen one's passages, in the same order.
    const all = where(await ask('/search query:talks', kb));
    const seed = where(await ask('/search query:talks article:us-skorea-end-of-war', kb));
    const second = where(await ask(`/search query:talks article:${SECOND_ID}`, kb));
    expect(seed).toEqual(['15', '12', '14', '2', '5'].map((p) => `us-skorea-end-of-war#${p}`));
    expect(second).toEqual(['6', '8', '1'].map((p) => `${SECOND_ID}#${p}`));
    expect(all.filter((e) => e.startsWith('us-skorea'))).toEqual(seed);
    expect(all.filter((e) => e.startsWith(SECOND_ID))).toEqual(second);
    await expect(ask('/search query:talks article:nope', kb)).rejects.toThrow(/No article with id/);
  });

  it('shows every excerpt verbatim from its paragraph', async () => {
    const kbAnswer = await ask('/search query:end-of-war declaration');
    const { seedKb } = await import('../helpers');
    const kb = await seedKb();
    expect(kbAnswer.excerpts.map((e) => e.paragraph)).toEqual([10, 11, 12, 8, 4, 9, 5, 3]);
    for (const e of kbAnswer.excerpts) {
      const para = kb.article(e.article.id)!.paragraphs[e.paragraph - 1]!;
      expect(para.text).toContain(e.text);
    }
  });
});
