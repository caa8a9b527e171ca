import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { buildStanceIndex } from '../../src/parties/stanceIndex';
import { stanceFrame } from '../../src/parties/stance';
import { markdownArticle, seedKb, SEED_ID, tempKnowledge } from '../helpers';

describe("/position's stance index (parties/stanceIndex.ts)", () => {
  it('ranks a party’s own voice first, and lists each item under the paragraph it came from', async () => {
    const kb = await seedKb();
    const index = kb.derived(buildStanceIndex);
    const us = index.party('usa');
    expect(us.buckets.length).toBeGreaterThan(1);
    for (let i = 1; i < us.buckets.length; i++) {
      const [a, b] = [us.buckets[i - 1]!, us.buckets[i]!];
      expect(a.cat < b.cat || (a.cat === b.cat && a.score > b.score)).toBe(true);
    }
    expect(us.buckets[0]!.cat).toBe(1);
    const first = index.firstRecord(SEED_ID)!;
    const texts = us.buckets[0]!.items.map((it, i) => kb.paragraphs[us.buckets[0]!.recs[i]!]!.paragraph.text.slice(it.start, it.end));
    expect(texts.some((t) => t.includes('fundamentally aligned'))).toBe(true);
    for (const b of us.buckets) b.items.forEach((it, i) => expect(b.recs[i]).toBe(first + it.para));
    // A party the articles never name has nothing.
    expect(index.party('fra').buckets).toEqual([]);
    expect(index.itemsIn(SEED_ID, 'fra')).toEqual([]);
  });

  it('gives a party only named as a place no stance, and one whose stance is reported one', async () => {
    const dir = tempKnowledge({
      'a.md': markdownArticle({ title: 'Talks on the dam' }, [
        'Delegates met in Paris on Monday to discuss the dam.',
        'Egypt has rejected the proposal, calling it a threat.',
      ]),
    });
    const kb = await loadKnowledgeBase(dir);
    expect(kb.problems).toEqual([]);
    const index = kb.derived(buildStanceIndex);
    const id = kb.articles[0]!.id;
    expect(index.itemsIn(id, 'fra')).toEqual([]);
    const egypt = index.itemsIn(id, 'egy');
    // The engine reads "Egypt has rejected the proposal" as Egypt's statement: reported stance.
    expect(egypt.length).toBe(1);
    expect(egypt[0]!.cat).toBe(2);
    expect(egypt[0]!.para).toBe(1);
    expect(kb.articles[0]!.paragraphs[1]!.text.slice(egypt[0]!.start, egypt[0]!.end)).toBe('the proposal');
  });

  it('reads the word after a holder as the whole sentence would: joined words, possessives, none', () => {
    // "US-backed": the holder's word goes on, so the next word is not "backed".
    expect(stanceFrame('The US-backed group stalled.', 4, 6)).toBeNull();
    expect(stanceFrame('The US-backed plan stalled.', 4, 6)).toEqual({ kind: 'subject', start: 4, end: 18 });
    expect(stanceFrame('The US wants a deal.', 4, 6)).toEqual({ kind: 'subject', start: 4, end: 12 });
    expect(stanceFrame('Seoul’s renewed push for talks.', 0, 5)).toEqual({ kind: 'possessive', start: 0, end: 20 });
    expect(stanceFrame('It is hard for Washington to sign on.', 15, 25)).toEqual({ kind: 'consent', start: 11, end: 33 });
    expect(stanceFrame('Talks with Pyongyang', 11, 20)).toBeNull();
    expect(stanceFrame('Talks with Pyongyang.', 11, 20)).toBeNull();
  });
});
