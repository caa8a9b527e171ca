import { describe, expect, it } from 'vitest';
import { answerSlot, slotBeside, slotCue, slotEvidence } from '../../src/answer/askAnswerSlot';
import { askCandidates } from '../../src/answer/askCandidates';
import { ASK_WEIGHTS } from '../../src/answer/askWeights';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { words } from '../../src/text/words';
import { markdownArticle, tempKnowledge } from '../helpers';

/** Issue #15: the answer-slot features on invented questions and sentences (askAnswerSlot.ts). */
describe('answer slot of a "what/which NOUN" question', () => {
  it('is a proper name when the head noun names a kind of named thing', () => {
    expect(answerSlot('What team won the cup?')).toBe('named');
    expect(answerSlot('Which network broadcast the game in Spanish?')).toBe('named');
    expect(answerSlot('What beverage company signed the deal?')).toBe('named');
    expect(answerSlot('What was the name of the ship?')).toBe('named');
    expect(answerSlot('What films did the studio pay for?')).toBe('named');
  });
  it('is none for other nouns, other question words and hostile text', () => {
    expect(answerSlot('What colour was the logo?')).toBe('none');
    expect(answerSlot('Who won the cup?')).toBe('none');
    expect(answerSlot('What did the team win?')).toBe('none');
    expect(answerSlot('')).toBe('none');
    expect(answerSlot('@everyone <@123> **what**')).toBe('none');
  });
});

describe('slot evidence in a sentence', () => {
  const fresh = (q: string) => {
    const keys = new Set(words(q).map((w) => w.norm));
    return (norm: string) => !keys.has(norm);
  };
  it('is a capitalised name the question does not hold, halving with distance from the matched words', () => {
    const isFresh = fresh('What team won the cup');
    const text = 'In the final, the Harbour Rovers won the cup.';
    const won = text.indexOf('won');
    expect(slotEvidence(text, [[won, won + 3]], isFresh)).toBe(1);
    const far = 'The Harbour Rovers, who had lost twice in the spring and once more in the summer, won the cup.';
    const w2 = far.indexOf('won');
    const e = slotEvidence(far, [[w2, w2 + 3]], isFresh);
    expect(e).toBeGreaterThan(0);
    expect(e).toBeLessThan(0.25);
  });
  it('is 0 when every name is the question\'s own or the only capital is the first word', () => {
    const isFresh = fresh('What team did the Harbour Rovers beat');
    expect(slotEvidence('Yesterday the Harbour Rovers beat everyone.', [[14, 21]], isFresh)).toBe(0);
  });
});

describe('slot cue and the answer beside it', () => {
  const termsOf = (q: string, content: string[]) => words(q).filter((w) => content.includes(w.norm));
  it('reads "how many NOUN", "who VERB" and "what NOUN VERBed"', () => {
    const q1 = 'How many games did the Rovers lose?';
    expect(slotCue(q1, termsOf(q1, ['games', 'rovers', 'lose']))).toEqual({ kind: 'count', term: 0 });
    const q2 = 'Who led the Rovers in tackles?';
    expect(slotCue(q2, termsOf(q2, ['led', 'rovers', 'tackles']))).toEqual({ kind: 'subject', term: 0 });
    const q3 = 'What team defeated the Rovers?';
    expect(slotCue(q3, termsOf(q3, ['team', 'defeated', 'rovers']))).toEqual({ kind: 'subject', term: 1 });
    const q4 = 'Who is the coach of the Rovers?';
    expect(slotCue(q4, termsOf(q4, ['coach', 'rovers']))).toBeUndefined();
    expect(slotCue('', [])).toBeUndefined();
  });
  it('finds a number just before the counted word and a name just before the verb', () => {
    const text = 'Tom Reed led the side in tackles, and the Rovers lost four games.';
    const ws = words(text);
    const fresh = (norm: string) => !['led', 'rovers', 'tackles', 'games', 'lose', 'lost'].includes(norm);
    const termMatch = (term: string) => ws.map((w) => (w.norm === term || (term === 'lose' && w.norm === 'lost') ? [1] : undefined));
    expect(slotBeside({ kind: 'subject', term: 0 }, ws, termMatch('led'), text, 0, ws.length, fresh)).toBe(1);
    expect(slotBeside({ kind: 'count', term: 0 }, ws, termMatch('games'), text, 0, ws.length, fresh)).toBe(1);
    // "the side in tackles": no name before "tackles" within reach.
    expect(slotBeside({ kind: 'subject', term: 0 }, ws, termMatch('tackles'), text, 0, ws.length, fresh)).toBe(0);
  });
});

describe('person evidence for a "who" question that names another person', () => {
  const PARAGRAPHS = [
    'Mara Lind said on Monday that she would step down as coach of the Harbour Rovers.',
    'Mara Lind had run the club for nine seasons.',
    'Jon Berg will replace Mara Lind as coach, the club said.',
  ];
  let kb: Promise<KnowledgeBase> | undefined;
  const rovers = () => (kb ??= loadKnowledgeBase(tempKnowledge({ 'rovers.md': markdownArticle({ id: 'rovers', title: 'Rovers coach to step down' }, PARAGRAPHS) })));

  it('is somebody other than the person the question names', async () => {
    const { question, candidates } = askCandidates(await rovers(), 'Who will replace Mara Lind as coach?', ASK_WEIGHTS, undefined, true);
    expect(question.persons.map((p) => p.name)).toContain('Mara Lind');
    const person = (start: string) => candidates.find((c) => c.sentence.text.startsWith(start))?.features.person;
    expect(person('Jon Berg')).toBe(1);
    // Only the named person (and the question's own words) in it: no answer to "who".
    expect(person('Mara Lind had')).toBe(0);
  });
  it('"Who is X?" still looks for where the story introduces X', async () => {
    const { candidates } = askCandidates(await rovers(), 'Who is Mara Lind?', ASK_WEIGHTS, undefined, true);
    expect(Math.max(...candidates.map((c) => c.features.person))).toBe(1);
  });
});
