import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../src/core/article';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { ask, markdownArticle, tempKnowledge } from '../helpers';

/**
 * Invented sentences whose statement starts after a long lead-in: a noun frame ("the mayor's
 * decision to …"), a prepositional frame ("in a survey by …") and a clause frame after narration.
 * The noun frame's statement starts mid-sentence (its source, "the mayor's", after 60 characters of
 * narration); `/ask` shows the whole sentence.
 */
const PARAGRAPHS = [
  'After a nine-hour debate that ran past midnight on Tuesday, the mayor’s decision to close the old harbour bridge to lorries angered the haulage firms of Dunmore.',
  'Long before the vote, and well after the first cracks in the concrete piers were found, most residents opposed the closure in the latest Courier poll.',
  'The bridge carries about 9,000 vehicles a day, and when the engineers finished their inspection in March the chief engineer, Orla Byrne, said the piers could fail within five years.',
  'The council will meet again in June.',
];

let kb: Promise<KnowledgeBase> | undefined;
const bridgeKb = () =>
  (kb ??= loadKnowledgeBase(tempKnowledge({ 'bridge.md': markdownArticle({ id: 'bridge', title: 'Dunmore bridge closed to lorries' }, PARAGRAPHS) })));

const QUESTIONS = [
  'What did the mayor decide about the harbour bridge?',
  'Who angered the haulage firms?',
  'Did residents oppose the closure?',
  'What did the Courier poll find?',
  'When could the piers fail?',
  'What did Orla Byrne say about the piers?',
  'How many vehicles cross the bridge?',
];

describe('/ask shows whole sentences', () => {
  it('starts and ends every excerpt at sentence bounds, with statements that start mid-sentence', async () => {
    const base = await bridgeKb();
    const starts = new Set<string>();
    const ends = new Set<string>();
    for (const rec of base.paragraphs) {
      for (const s of sentencesOf(rec.paragraph)) {
        starts.add(`${rec.paragraph.number}:${rec.paragraph.text.slice(s.start).trimStart().slice(0, 20)}`);
        ends.add(`${rec.paragraph.number}:${rec.paragraph.text.slice(0, s.end).trimEnd().slice(-20)}`);
      }
    }
    let excerpts = 0;
    let midSentence = 0;
    for (const q of QUESTIONS) {
      for (const e of (await ask(`/ask question:"${q}"`, base)).excerpts) {
        excerpts++;
        const ok = starts.has(`${e.paragraph}:${e.text.slice(0, 20)}`) && ends.has(`${e.paragraph}:${e.text.slice(-20)}`);
        if (!ok) midSentence++;
      }
    }
    expect(excerpts).toBeGreaterThanOrEqual(QUESTIONS.length);
    expect(midSentence).toBe(0);
  });

  it('labels a sentence shown whole by its statement, or by the reporter when it opens with narration', async () => {
    const base = await bridgeKb();
    // The statement is the sentence: its source's label.
    const poll = (await ask('/ask question:"Did residents oppose the closure?"', base)).excerpts[0]!;
    expect(poll.text.startsWith('Long before the vote')).toBe(true);
    expect(poll.source).toBe('the latest Courier poll');
    // The reporter's own clause comes first: the sentence is the reporter's, never the mayor's or Byrne's.
    for (const q of ['What did the mayor decide about the harbour bridge?', 'What did Orla Byrne say about the piers?']) {
      const e = (await ask(`/ask question:"${q}"`, base)).excerpts[0]!;
      expect(e.text.startsWith('After a nine-hour debate') || e.text.startsWith('The bridge carries about 9,000 vehicles')).toBe(true);
      expect([e.kind, e.speaker]).toEqual(['narration', null]);
    }
    const narration = (await ask('/ask question:"When will the council meet again?"', base)).excerpts[0]!;
    expect(narration.text).toBe('The council will meet again in June.');
    expect(narration.speaker).toBeNull();
  });
});
