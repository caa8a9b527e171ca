import { describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/core/answer';
import { ask, seedKb } from '../helpers';

describe('/people on the seed story', () => {
  it('lists exactly the five people quoted or described, with their roles', async () => {
    const answer = AnswerSchema.parse(await ask('/people article:us-skorea-end-of-war'));
    const byName = Object.fromEntries(answer.people!.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['Jake Sullivan', 'Moon Chung-in', 'Moon Jae-in', 'Noh Kyu-duk', 'Sung Kim']);
    expect(byName['Jake Sullivan']!.role).toMatch(/national security adviser/i);
    expect(byName['Sung Kim']!.role).toMatch(/special envoy for North Korea/i);
    expect(byName['Noh Kyu-duk']!.role).toMatch(/counterpart/i);
    expect(byName['Moon Jae-in']!.role).toMatch(/President/);
    expect(byName['Moon Chung-in']!.role).toMatch(/chairman of the Sejong Institute/);
  });

  it('counts statements per person and never lists the reporter, places or institutions', async () => {
    const answer = await ask('/people');
    const names = answer.people!.map((p) => p.name);
    for (const notAPerson of ['Ahn Sung-mi', 'Washington', 'Seoul', 'Pyongyang', 'White House', 'Sejong Institute', 'United Nations Command']) {
      expect(names).not.toContain(notAPerson);
    }
    const sullivan = answer.people!.find((p) => p.name === 'Jake Sullivan')!;
    expect(sullivan.quotes).toBeGreaterThanOrEqual(4);
  });
});

describe('/quotes', () => {
  it('gives everything Sullivan said, in reading order, each verbatim', async () => {
    const kb = await seedKb();
    const answer = await ask('/quotes speaker:Sullivan');
    expect(answer.excerpts.length).toBeGreaterThanOrEqual(3);
    const paragraphs = answer.excerpts.map((e) => e.paragraph);
    expect([...paragraphs].sort((a, b) => a - b)).toEqual(paragraphs);
    for (const e of answer.excerpts) {
      expect(e.speaker?.name).toBe('Jake Sullivan');
      expect(kb.article(e.article.id)!.paragraphs[e.paragraph - 1]!.text).toContain(e.text);
    }
  });

  it('says which Moon it picked for an ambiguous surname and offers the other', async () => {
    const answer = await ask('/quotes speaker:Moon');
    expect(answer.people![0]!.name).toBe('Moon Chung-in');
    expect(answer.notice).toMatch(/could mean .*Moon Chung-in.*Moon Jae-in/);
    expect(answer.notice).toMatch(/\/quotes speaker:Moon Jae-in/);
  });

  it('says a described person is not quoted, and tolerates a typo in a name', async () => {
    expect((await ask('/quotes speaker:Moon Jae-in')).notice).toMatch(/mentioned .* but not quoted/);
    expect((await ask('/quotes speaker:Sulivan')).people![0]!.name).toBe('Jake Sullivan');
  });

  it('answers an unknown name with the people who are there', async () => {
    const answer = await ask('/quotes speaker:Napoleon Bonaparte');
    expect(answer.excerpts).toEqual([]);
    expect(answer.notice).toMatch(/Nobody called “Napoleon Bonaparte”.*Jake Sullivan/);
  });
});

describe('speaker autocomplete', () => {
  it('returns at most 25 people for a prefix, best first', async () => {
    const kb = await seedKb();
    const choices = kb.suggest('speaker', 'mo');
    expect(choices.map((c) => c.value)).toEqual(['Moon Chung-in', 'Moon Jae-in']);
    expect(kb.suggest('speaker', '').length).toBeLessThanOrEqual(25);
  });
});
