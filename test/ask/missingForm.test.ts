import { describe, expect, it } from 'vitest';
import { missingForm } from '../../src/answer/askTyped';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { ask, markdownArticle, tempKnowledge } from '../helpers';

/**
 * A question that asks for a year (month, date, century, colour) by name is not answered by a
 * passage without one, however well the rest of its words match: the story may simply not say.
 * Invented story: one paragraph on a lighthouse, no year, no rival passage.
 */
const LIGHTHOUSE = [
  'The lighthouse on Skarv Point was built by the harbour board to guide the herring fleet.',
  'Its keeper, Ola Brenne, said the lamp could be seen from the far side of the fjord.',
];
const kb = () => loadKnowledgeBase(tempKnowledge({ 'light.md': markdownArticle({ id: 'light', title: 'Skarv Point' }, LIGHTHOUSE) }));

describe('a question asking for a year the story does not give', () => {
  it('gets a notice naming what is missing, and its passages are marked related, even with no rival passage', async () => {
    const a = await ask('/ask question:"What year was the lighthouse on Skarv Point built?"', await kb());
    expect(a.excerpts[0]?.text).toContain('lighthouse on Skarv Point was built');
    expect(a.notice).toBe('None of these passages gives a year, so the story may not say; these are the closest passages.');
    for (const e of a.excerpts) expect(e.match).toBe('related');
  });

  it('gets no such notice when a passage gives the year', async () => {
    const dated = loadKnowledgeBase(
      tempKnowledge({ 'light.md': markdownArticle({ id: 'light', title: 'Skarv Point' }, ['The lighthouse on Skarv Point was built in 1868 by the harbour board.', LIGHTHOUSE[1]!]) }),
    );
    const a = await ask('/ask question:"What year was the lighthouse on Skarv Point built?"', await dated);
    expect(a.excerpts[0]?.text).toContain('1868');
    expect(a.notice ?? '').not.toMatch(/gives a year/);
  });
});

describe('missingForm', () => {
  it('does not count the year the question itself holds', () => {
    expect(missingForm('What month in 1998 did the pier open?', ['The pier opened in 1998.'])).toBe('a month');
    expect(missingForm('What year did the pier open, after the 1997 storm?', ['After the 1997 storm the pier was closed.'])).toBe('a year');
    expect(missingForm('What year did the pier open?', ['The pier opened in 1998.'])).toBeUndefined();
  });

  it('counts a year as giving a date or a century: "prior to 1973" answers "prior to which date?"', () => {
    expect(missingForm('The parties had settled prior to which date?', ['The parties had already settled prior to 1973.'])).toBeUndefined();
    expect(missingForm('In what century was the castle at Fenby built?', ['The castle at Fenby was built in 1206.'])).toBeUndefined();
    expect(missingForm('On what date did the ferry pier reopen?', ['The ferry pier reopened in May.'])).toBeUndefined();
    // A year still gives no month, nor a month a year.
    expect(missingForm('What month did the pier reopen?', ['The pier reopened in 1998.'])).toBe('a month');
    expect(missingForm('What year did the pier reopen?', ['The pier reopened in May.'])).toBe('a year');
  });

  it('says nothing for forms often spelled out in words, or for questions naming no form', () => {
    expect(missingForm('How old was Brenne when he became keeper?', ['Brenne became keeper as a young man.'])).toBeUndefined();
    expect(missingForm('Who built the lighthouse?', ['The harbour board built it.'])).toBeUndefined();
  });
});
