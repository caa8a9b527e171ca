import { describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/core/answer';
import { questionType } from '../../src/answer/question';
import { ask } from '../helpers';
import { SEED_QUESTIONS } from './questions';

describe('/ask over the seed story', () => {
  // 95 % with the hand-typed synonym groups this file's questions were tuned with; 81 % once they
  // were replaced by WordNet and a stemmer (issue 19, item 5: what regressed is paraphrase — "see"
  // for "views", "talked to reporters" for "said in a press briefing"); 88 % with symmetric WordNet
  // synonyms and the ranker learned on SQuAD (issue 15); 90 % (38/42) once WordNet's phrasal verbs
  // count ("going on" ↔ "taking place"); 95 % (40/42) once where, when and why are read from the
  // named speaker's own statement (askSpeakers.ts). The floor follows what holds (issue 15: 0.95).
  it('answers at least 95% of the study-group questions with the right paragraph at rank 1', async () => {
    let right = 0;
    const misses: string[] = [];
    for (const c of SEED_QUESTIONS) {
      const a = await ask(`/ask question:"${c.question.replace(/"/g, '')}"`);
      const top = a.excerpts[0];
      if (top && c.paragraphs.includes(top.paragraph)) right++;
      else misses.push(`${c.question} → ¶${top?.paragraph ?? '-'} (want ¶${c.paragraphs.join('/')})`);
    }
    const share = right / SEED_QUESTIONS.length;
    console.log(`ask rank-1 accuracy: ${right}/${SEED_QUESTIONS.length} = ${(share * 100).toFixed(1)}%`);
    if (misses.length) console.log(`ask misses:\n  ${misses.join('\n  ')}`);
    expect(SEED_QUESTIONS.length).toBeGreaterThanOrEqual(30);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it('fills the answer contract with attributed, highlighted excerpts', async () => {
    const a = await ask('/ask question:"Who signed the armistice that stopped the fighting?"');
    AnswerSchema.strict().parse(a);
    const top = a.excerpts[0]!;
    expect(top.paragraph).toBe(7);
    expect(top.text).toContain('armistice agreement signed by the US-led United Nations Command');
    expect(top.highlights?.length).toBeGreaterThan(0);
    expect(top.source).toMatch(/reporter/);
  });

  it('credits a quoted answer to its speaker', async () => {
    const a = await ask('/ask question:"What did Sullivan think of the meeting between Kim and Noh?"');
    expect(a.excerpts[0]!.speaker?.name).toBe('Jake Sullivan');
    expect(a.excerpts[0]!.text).toContain('very productive and constructive');
  });

  it('prefers dates for when, causes for why, people for who', async () => {
    expect((await ask('/ask question:"When did Kim and Noh meet?"')).excerpts[0]!.text).toMatch(/Sunday/);
    expect((await ask('/ask question:"Why are the two Koreas still at war?"')).excerpts[0]!.text).toMatch(/as the Korean War concluded/);
    expect((await ask('/ask question:"Who is Moon Chung-in?"')).excerpts[0]!.text).toMatch(/chairman of the Sejong Institute/);
  });

  it('finds a party under another of its names (the United States → Washington)', async () => {
    const a = await ask('/ask question:"Is the United States looking into the declaration internally?"');
    expect(a.excerpts[0]!.paragraph).toBe(10);
  });

  it('says the story may not answer a question it does not cover, and marks the excerpts related', async () => {
    const a = await ask('/ask question:"What did Japan say about the Olympics?"');
    expect(a.notice).toMatch(/may not answer|don't seem to answer/);
    for (const e of a.excerpts) expect(e.match).toBe('related');
  });

  it('never lets stop words alone decide a match', async () => {
    const a = await ask('/ask question:"What was it that they were about?"');
    expect(a.excerpts).toEqual([]);
    expect(a.notice).toBeDefined();
  });
});

describe('question shapes', () => {
  it('are read from the question word wherever it stands', () => {
    expect(questionType('When did Kim and Noh meet?')).toBe('when');
    expect(questionType('Kim and Noh met when?')).toBe('when');
    expect(questionType('Why is Seoul pushing?')).toBe('why');
    expect(questionType('Who signed the armistice?')).toBe('who');
    expect(questionType('Where did they meet?')).toBe('where');
    expect(questionType('How long has Moon supported it?')).toBe('howmany');
    expect(questionType('Is Washington reviewing it?')).toBe('yesno');
    expect(questionType('What does the North want?')).toBe('what');
  });
});
