/**
 * The question reader keeps each person's speakers with the person (question.ts `speakerKeys`): a
 * person quoted everywhere is keyed once, not on every question. The keys must be that list's
 * person's own, and a question naming two people under one name must not leave the second's keys
 * in the first's.
 */
import { describe, expect, it } from 'vitest';
import { analyseQuestion, type KnownPerson } from '../../src/answer/question';
import { PartyRegistry } from '../../src/parties/registry';

const registry = new PartyRegistry();
const keys = (q: ReturnType<typeof analyseQuestion>) => q.persons.map((p) => p.speakers.keys().sort());

describe("the question reader's speaker keys", () => {
  it('are those of the people list the question is read against', () => {
    const a: KnownPerson[] = [{ name: 'Ola Berg', aliases: ['Berg'], appearances: [{ articleId: 'x', speakerId: 's1' }] }];
    const b: KnownPerson[] = [{ name: 'Ola Berg', aliases: ['Berg'], appearances: [{ articleId: 'y', speakerId: 's2' }, { articleId: 'z', speakerId: 's3' }] }];
    expect(keys(analyseQuestion('What did Ola Berg say?', registry, a))).toEqual([['x:s1']]);
    expect(keys(analyseQuestion('What did Ola Berg say?', registry, b))).toEqual([['y:s2', 'z:s3']]);
    // Asked again (the keys come from the cache now): the same.
    expect(keys(analyseQuestion('What did Ola Berg say?', registry, a))).toEqual([['x:s1']]);
  });

  it("merges two people named alike for one question without changing either's keys", () => {
    const people: KnownPerson[] = [
      { name: 'Ola Berg', aliases: ['Berg'], appearances: [{ articleId: 'x', speakerId: 's1' }] },
      { name: 'Ivar Berg', aliases: ['Berg'], appearances: [{ articleId: 'y', speakerId: 's2' }] },
    ];
    expect(keys(analyseQuestion('What did Ola Berg say?', registry, people))).toEqual([['x:s1']]);
    expect(keys(analyseQuestion('What did Berg say?', registry, people))).toEqual([['x:s1', 'y:s2']]);
    expect(keys(analyseQuestion('What did Ola Berg say?', registry, people))).toEqual([['x:s1']]);
    expect(keys(analyseQuestion('What did Ivar Berg say?', registry, people))).toEqual([['y:s2']]);
  });
});
