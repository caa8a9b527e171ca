import { describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/core/answer';
import { ask } from '../helpers';

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

  it('narrows to one article and rejects an unknown article id', async () => {
    const answer = await ask('/search query:sanctions article:us-skorea-end-of-war');
    expect(answer.excerpts.length).toBeGreaterThan(0);
    await expect(ask('/search query:sanctions article:nope')).rejects.toThrow(/No article with id/);
  });

  it('shows every excerpt verbatim from its paragraph', async () => {
    const kbAnswer = await ask('/search query:end-of-war declaration');
    const { seedKb } = await import('../helpers');
    const kb = await seedKb();
    for (const e of kbAnswer.excerpts) {
      const para = kb.article(e.article.id)!.paragraphs[e.paragraph - 1]!;
      expect(para.text).toContain(e.text);
    }
  });
});
