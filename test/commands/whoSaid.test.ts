import { describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/core/answer';
import { ask } from '../helpers';

describe('/who-said', () => {
  it('names Sullivan for "fundamentally aligned", with the whole quote and the phrase highlighted', async () => {
    const answer = AnswerSchema.parse(await ask('/who-said phrase:fundamentally aligned'));
    const e = answer.excerpts[0]!;
    expect(e.speaker?.name).toBe('Jake Sullivan');
    expect(e.kind).toBe('direct');
    expect(e.match).toBe('exact');
    expect(e.paragraph).toBe(3);
    expect(e.text.startsWith('“We may have somewhat different perspectives')).toBe(true);
    expect(e.highlights!.map(([s, t]) => e.text.slice(s, t))).toEqual(['fundamentally', 'aligned']);
  });

  it('tolerates typos and reports a fuzzy match', async () => {
    const e = (await ask('/who-said phrase:very productiv and constructve')).excerpts[0]!;
    expect(e.match).toBe('fuzzy');
    expect(e.speaker?.name).toBe('Jake Sullivan');
  });

  it('gives the Moon quote at the forum to Moon Chung-in, not President Moon', async () => {
    const e = (await ask('/who-said phrase:give Pyongyang what it wants')).excerpts[0]!;
    expect(e.speaker?.name).toBe('Moon Chung-in');
    const he = (await ask('/who-said phrase:not easy for Seoul to convince Washington')).excerpts[0]!;
    expect(he.speaker?.name).toBe('Moon Chung-in');
  });

  it('says a phrase from the reporter’s narration is narration, with no speaker', async () => {
    const answer = await ask('/who-said phrase:technically still at war');
    expect(answer.excerpts[0]!.kind).toBe('narration');
    expect(answer.excerpts[0]!.speaker).toBeNull();
    expect(answer.excerpts[0]!.source).toBe('the reporter (Ahn Sung-mi)');
    expect(answer.notice).toMatch(/narration/);
  });

  it('labels an unnamed source without inventing a name', async () => {
    const e = (await ask('/who-said phrase:begun looking into an end-of-war declaration internally')).excerpts[0]!;
    expect(e.speaker).toBeNull();
    expect(e.source).toMatch(/government source/);
  });

  it('returns no exact or fuzzy match for a phrase nobody said, only related passages', async () => {
    const never = AnswerSchema.parse(await ask('/who-said phrase:we will never negotiate with terrorists'));
    expect(never.notice).toMatch(/Nobody in the loaded articles said/);
    expect(never.excerpts).toEqual([]);
    // Words the article has, but not as a phrase: the closest passages, none of them a match.
    const lifted = AnswerSchema.parse(await ask('/who-said phrase:the sanctions must be lifted immediately by Washington'));
    expect(lifted.notice).toMatch(/Nobody in the loaded articles said/);
    expect(lifted.excerpts.map((e) => [e.match, e.paragraph])).toEqual([
      ['related', 15],
      ['related', 13],
      ['related', 14],
    ]);
  });
});
