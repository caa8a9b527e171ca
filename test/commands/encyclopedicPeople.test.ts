/**
 * `/people` and `/quotes` on an encyclopedic article (the lead's minimal repro of a SQuAD defect):
 * "to host Harbour Games 12" made a person "Harbour Games" with the role "host", and the host
 * committee's quotation was credited to that person — a wrong name. The committee is the source;
 * no person is named. Article written for this test.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { ask, markdownArticle, tempKnowledge } from '../helpers';

describe('/people on an encyclopedic article', () => {
  it('lists no event, committee or place, and credits the committee\'s quote to no person', async () => {
    const paragraphs = [
      'Harbour Games 12 was a rowing regatta held in Vardby in 2016, at Justin Harlow Plaza on the San Maretto Bay Area waterfront.',
      'Vardby beat two larger towns to host Harbour Games 12 after a vote in March.',
      'The Harbour Games 12 Host Committee vowed to hold “the cheapest games ever seen on this coast,” and said tickets would cost 5 euros.',
      'Mayor Ines Korva said the town was ready.',
    ];
    const kb = await loadKnowledgeBase(tempKnowledge({ 'harbour.md': markdownArticle({ title: 'Harbour Games 12', id: 'harbour' }, paragraphs) }));
    const people = (await ask('/people article:harbour', kb)).people!.map((p) => p.name);
    expect(people).toEqual(['Ines Korva']);
    const quote = (await ask('/search query:cheapest games ever seen', kb)).excerpts[0]!;
    expect(quote.speaker?.name ?? null).toBeNull();
  });
});
