import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { ask, KNOWLEDGE_DIR } from '../helpers';

/**
 * News-style questions over two short articles written for these tests
 * (test/fixtures/ask-news/), loaded together with the seed story: who replaces whom, numbers,
 * amounts and dates, worded the way a reader would ask, not copied from the text.
 */
let kb: Promise<KnowledgeBase> | undefined;
function newsKb(): Promise<KnowledgeBase> {
  kb ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotebook-ask-news-'));
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    cpSync(join(import.meta.dirname, '..', 'fixtures', 'ask-news'), dir, { recursive: true });
    return loadKnowledgeBase(dir);
  })();
  return kb;
}

/** Question, article, paragraph that answers it, words the answer must hold. */
const CASES: Array<[string, string, number, string]> = [
  ['Who will replace Fedorin as defence minister?', 'defence-reshuffle', 1, 'Tomas Brandt'],
  ['Who is the new defence minister of Veldoria?', 'defence-reshuffle', 1, 'Tomas Brandt'],
  ['Who does Fedorin succeed at the foreign ministry?', 'defence-reshuffle', 2, 'Dana Kovic'],
  ['Who will take over the transport department in Kessa?', 'city-budget', 6, 'Erik Vann'],
  ['How many helicopters were ordered for the army?', 'defence-reshuffle', 4, '36'],
  ['How many helicopters have been delivered?', 'defence-reshuffle', 5, '9 of the helicopters'],
  ['How much is the procurement programme worth?', 'defence-reshuffle', 4, '4.2 billion euros'],
  ['When did Brandt leave the army?', 'defence-reshuffle', 6, '2022'],
  ['How big is the budget the Kessa council approved?', 'city-budget', 1, '2.8 billion kroner'],
  ['By how much will transit fares go up?', 'city-budget', 3, '12 percent'],
  ['How many residents ride the buses each day?', 'city-budget', 5, '45,000'],
  ['How did the council members vote?', 'city-budget', 2, '31 to 18'],
  ['When is construction of the tram line due to start?', 'city-budget', 7, 'May 2026'],
  ['Why are the fares going up?', 'city-budget', 4, 'lost 60 million kroner'],
  // The answer names Brandt only as "He": the sentence before it ("Brandt, 58, commanded …") lends its words.
  ['When will Brandt be sworn in?', 'defence-reshuffle', 7, 'March 18'],
  // The age stands right beside the name ("Brandt, 58, …"); other sentences name him and hold a number too.
  ['How old is Brandt?', 'defence-reshuffle', 6, '58'],
];

/**
 * Asked too, and answered wrongly today (kept here so that it is not forgotten, and not
 * asserted): the answer is in a sentence that names the person only as "He" ("He takes over from
 * Sofia Lindqvist, who is stepping down": the sentence before lends it "transport department", and
 * then the two tie, since "leaving" is not "stepping down" in WordNet).
 */
export const KNOWN_MISSES = ['Who is leaving the transport department?'];

describe('/ask over news articles it was not tuned on', () => {
  it.each(CASES)('answers “%s” from %s ¶%i, with “%s” in the top excerpt', async (question, article, paragraph, answer) => {
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
