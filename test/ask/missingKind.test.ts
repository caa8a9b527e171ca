import { describe, expect, it } from 'vitest';
import { ALL_KINDS, askedKind, missingKind } from '../../src/answer/askMissingType';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { ask, markdownArticle, tempKnowledge } from '../helpers';

/**
 * A question plainly asking who, when, how many or where is not answered by passages holding no
 * person, date, number or place besides the question's own words: `/ask` says the story may not
 * say, and marks the passages related. Invented one-paragraph stories, each asked once without
 * the answer and once with it.
 */
const story = (sentences: string[]) => loadKnowledgeBase(tempKnowledge({ 'story.md': markdownArticle({ id: 'story', title: 'Town notes' }, [sentences.join(' ')]) }));

type Case = { kind: string; question: string; without: string[]; with: string[]; says: string };
const CASES: Case[] = [
  {
    kind: 'who',
    question: 'Who will build the new stone bridge?',
    without: ['The old stone bridge will be torn down and replaced with a wider one.', 'Work on the new bridge is expected to be noisy.'],
    with: ['The old stone bridge will be torn down and replaced with a wider one.', 'Berg Construction will build the new stone bridge.'],
    says: 'names a person or group',
  },
  {
    kind: 'when',
    question: 'When will the new museum wing open?',
    without: ['The museum will show its ship models in a new wing.', 'The new museum wing has room for forty ship models.'],
    with: ['The museum will show its ship models in a new wing.', 'The new museum wing will open in March.'],
    says: 'gives a date or time',
  },
  {
    kind: 'how many',
    // The year is no count: "in 2019" does not say how many.
    question: 'How many teachers does the village school need?',
    without: ['The village school needs more teachers, the head teacher wrote in 2019.'],
    with: ['The village school needs four more teachers, the head teacher wrote in 2019.'],
    says: 'gives a number',
  },
  {
    kind: 'where',
    question: 'Where will the summer festival be held?',
    without: ['The summer festival will be held again, the organisers said.', 'Tickets for the festival go on sale soon.'],
    with: ['The summer festival will be held in Dalby again, the organisers said.', 'Tickets for the festival go on sale soon.'],
    says: 'names a place',
  },
];

/** Who and how many are told; when and where are read the same way, but not told (askMissingType.ts: `TOLD`). */
const TOLD_CASES = CASES.filter((c) => c.kind === 'who' || c.kind === 'how many');
const UNTOLD_CASES = CASES.filter((c) => c.kind === 'when' || c.kind === 'where');

describe('a question plainly asking who or how many, when no shown passage holds that kind of answer', () => {
  it.each(TOLD_CASES)('“$question” gets a notice naming what is missing, with the passages marked related', async ({ question, without, says }) => {
    const a = await ask(`/ask question:"${question}"`, await story(without));
    expect(a.excerpts.length).toBeGreaterThan(0);
    expect(a.notice).toBe(`None of these passages ${says}, so the story may not say; these are the closest passages.`);
    for (const e of a.excerpts) expect(e.match).toBe('related');
  });

  it.each(TOLD_CASES)('“$question” gets no such notice when the story gives the answer', async ({ question, with: given }) => {
    const a = await ask(`/ask question:"${question}"`, await story(given));
    expect(a.notice ?? '').not.toMatch(/^None of these passages/);
  });
});

describe('a question asking when or where is not told the story may not say (held-out SQuAD answers it in too many ways)', () => {
  it.each(UNTOLD_CASES)('“$question”, over a story without one, gets no "None of these passages" notice', async ({ question, without }) => {
    const a = await ask(`/ask question:"${question}"`, await story(without));
    expect(a.notice ?? '').not.toMatch(/^None of these passages/);
  });
});

describe('askedKind: only a plain who, when, how many / how much or where', () => {
  it('reads the kind from the first question word', () => {
    expect(askedKind('Who will replace the envoy?')).toBe('person');
    expect(askedKind('To whom did the council sell the pier?')).toBe('person');
    expect(askedKind('When did the pier reopen?')).toBe('time');
    expect(askedKind('How many boats use the pier?')).toBe('number');
    expect(askedKind('How much did the pier cost?')).toBe('number');
    expect(askedKind('Where was the pier built?')).toBe('place');
    // A leading clause of time passes to the question.
    expect(askedKind('When the storm came, who closed the pier?')).toBe('person');
  });

  it('leaves what, which and why to the fitted confidence', () => {
    expect(askedKind('What did the council decide about the pier?')).toBeUndefined();
    expect(askedKind('Which firm built the pier?')).toBeUndefined();
    expect(askedKind('Why was the pier closed?')).toBeUndefined();
  });

  it('asks for no name in "Who is <name>?", no time in "When would …?", nothing in a bare "When …" clause', () => {
    expect(askedKind('Who is Ola Brenne?')).toBeUndefined();
    expect(askedKind('When would a keeper be considered negligent?')).toBeUndefined();
    expect(askedKind('When large crowds gather on the pier it can be considered?')).toBeUndefined();
  });
});

describe('missingKind: what counts as holding the kind of answer', () => {
  it('does not count the question\'s own words', () => {
    expect(missingKind('Who replaced Brenne?', [{ text: 'Brenne left the harbour in the spring.' }])).toBe('person');
    expect(missingKind('Who replaced Brenne?', [{ text: 'Brenne was replaced by Ida Sund.' }])).toBeUndefined();
  });

  it('counts a quote\'s speaker as a person the passage names', () => {
    expect(missingKind('Who said the pier was unsafe?', [{ text: '“The pier is unsafe,” he said.', speaker: 'Ida Sund' }])).toBeUndefined();
    expect(missingKind('Who said the pier was unsafe?', [{ text: '“The pier is unsafe,” he said.' }])).toBe('person');
  });

  it('counts a body or a role as answering "who"', () => {
    expect(missingKind('Who closed the pier?', [{ text: 'The pier was closed by the council last winter.' }])).toBeUndefined();
  });

  it('reads a capitalised word opening a sentence as a name only when it is no English word or the article writes it capitalised inside a sentence', () => {
    const passage = { text: 'Construction of the pier began after a long debate.' };
    expect(missingKind('Who built the pier?', [passage])).toBe('person');
    expect(missingKind('Who built the pier?', [{ text: 'Brenne built the pier.' }])).toBeUndefined();
    const moon = { text: 'Moon built the pier.' };
    expect(missingKind('Who built the pier?', [moon])).toBe('person');
    expect(missingKind('Who built the pier?', [{ ...moon, article: 'The plans were drawn by Moon. Moon built the pier.' }])).toBeUndefined();
  });

  it('does not read a month or a weekday as a name or a place', () => {
    expect(missingKind('Who wrote the harbour report?', [{ text: 'The harbour report was published in February.' }])).toBe('person');
    expect(missingKind('Where was the harbour report written?', [{ text: 'The harbour report was written in February.' }], ALL_KINDS)).toBe('place');
  });

  it('counts a name after a preposition of place, or a kind of place, as answering "where"', () => {
    expect(missingKind('Where was the report written?', [{ text: 'The report was written in Dalby.' }], ALL_KINDS)).toBeUndefined();
    expect(missingKind('Where was the report written?', [{ text: 'The report was written at the harbour office.' }], ALL_KINDS)).toBeUndefined();
    expect(missingKind('Where was the report written?', [{ text: 'The report was written abroad.' }], ALL_KINDS)).toBeUndefined();
    expect(missingKind('Where was the report written?', [{ text: 'The report was written in the U.S. last year.' }], ALL_KINDS)).toBeUndefined();
    expect(missingKind('Where was the report written?', [{ text: 'The report was written by hand.' }], ALL_KINDS)).toBe('place');
  });

  it('does not count a year, an age or a span of time as a count, unless the question counts time', () => {
    expect(missingKind('How many boats use the pier?', [{ text: 'Boats have used the pier since 1998.' }])).toBe('number');
    expect(missingKind('How many boats use the pier?', [{ text: 'Boats have used the pier since 1950-53.' }])).toBe('number');
    expect(missingKind('How many boats use the pier?', [{ text: 'Brenne, 58, has watched boats use the pier for six years.' }])).toBe('number');
    expect(missingKind('How many years have boats used the pier?', [{ text: 'Boats have used the pier for six years.' }])).toBeUndefined();
    expect(missingKind('How many boats use the pier?', [{ text: 'Twelve boats use the pier.' }])).toBeUndefined();
    // A quantity in words is an answer too, if a vague one.
    expect(missingKind('How many boats use the pier?', [{ text: 'Several boats use the pier.' }])).toBeUndefined();
  });

  it('does not read "the two …" as a count, unless it counts what the question asks about', () => {
    expect(missingKind('How many boats use the pier?', [{ text: 'The two harbours share the pier.' }])).toBe('number');
    expect(missingKind('How many harbours share the pier?', [{ text: 'The two harbours share the pier.' }])).toBeUndefined();
  });

  it('counts a time word or a time relative to an event as answering "when"', () => {
    expect(missingKind('When did the pier close?', [{ text: 'The pier closed after the storm.' }], ALL_KINDS)).toBeUndefined();
    expect(missingKind('When did the pier close?', [{ text: 'The pier closed on Sunday.' }], ALL_KINDS)).toBeUndefined();
    expect(missingKind('When did the pier close?', [{ text: 'The pier closed for good.' }], ALL_KINDS)).toBe('time');
  });
});
