import { describe, expect, it } from 'vitest';
import { entitiesIn } from '../../src/answer/askMatch';
import type { Question } from '../../src/answer/question';
import { loadKnowledgeBase, type ParagraphRecord } from '../../src/knowledge/knowledgeBase';
import { words } from '../../src/text/words';
import { ask, markdownArticle, tempKnowledge } from '../helpers';

/**
 * A name the question gives is found wherever its words stand together, not only where the
 * analysis kept a mention of the person it stands for. Here "to host Harbour Games 12" reads as a
 * person with the role "host", whose only mention is in that sentence; the regatta is named in
 * every paragraph.
 */
describe('/ask finds a named person’s words where the analysis kept no mention', () => {
  it('answers where the regatta was held from the sentence that names it', async () => {
    const kb = await loadKnowledgeBase(
      tempKnowledge({
        'games.md': markdownArticle({ id: 'games', title: 'A regatta on the north coast' }, [
          'Harbour Games 12 was a rowing regatta held in Vardby, a fishing town of 9,000 people, in July 2016.',
          'Vardby beat two larger towns to host Harbour Games 12 after a vote in March.',
          'The Harbour Games 12 Host Committee vowed to hold “the cheapest games ever seen on this coast,” and said tickets would cost 5 euros.',
          'The committee expects 40,000 visitors.',
          'Last year a smaller race, the 12th of its series, was held in Oslo.',
        ]),
      }),
    );
    const a = await ask('/ask question:"Where was Harbour Games 12 held?"', kb);
    expect(a.excerpts[0]!.paragraph).toBe(1);
    expect(a.excerpts[0]!.text).toContain('Vardby');
  });
});

/**
 * The rule itself, without the analysis: since the analysis stopped reading "host Harbour Games"
 * as a person, the story above no longer needs it, but a person the analysis kept few mentions of
 * still does.
 */
describe('a named person’s mentions in a paragraph', () => {
  it('include every place the question’s words for the name stand together, possessive too', () => {
    const text = 'Ola Berg opened the pier. Later Ola Berg’s plan was dropped, and Berg left.';
    const bodyStart = 100;
    const rec = { paragraph: { text, bodyStart } } as unknown as ParagraphRecord;
    const q = { persons: [{ name: 'Ola Berg', speakers: new Set<string>(), words: ['ola', 'berg'] }], parties: [], terms: [] } as unknown as Question;
    // The analysis kept no mention of her in this paragraph.
    const ents = entitiesIn(rec, { persons: [[]], parties: [] }, q, words(text));
    const found = ents.persons[0]!.flat().map((m) => text.slice(m.start - bodyStart, m.end - bodyStart));
    expect(found).toEqual(['Ola Berg', 'Ola Berg’s']);
  });
});

