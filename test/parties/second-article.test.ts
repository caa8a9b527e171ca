import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer';
import { ask } from '../helpers';
import { SECOND_ID, twoArticleKb } from './secondArticleKb';

const has = (a: Answer, words: string) => a.excerpts.find((e) => e.text.includes(words));
const position = async (args: string) => ask(`/position ${args}`, await twoArticleKb());

describe('/position over a second, different article (Egypt and Ethiopia on the Nile dam)', () => {
  it('loads next to the seed without problems', async () => {
    const kb = await twoArticleKb();
    expect(kb.problems).toEqual([]);
    expect(kb.articles.map((a) => a.id)).toContain(SECOND_ID);
  });

  it('links a minister named without a country to the dateline’s country', async () => {
    const kb = await twoArticleKb();
    const links = kb.parties.article(SECOND_ID).speakerParty;
    expect(links.get('mariam-tadesse')).toBe('eth'); // "Ethiopia's chief negotiator"
    const nabil = kb.analysis(SECOND_ID).speakers.find((s) => s.name.includes('Karim Nabil'))!;
    expect(links.get(nabil.id)).toBe('egy'); // "Foreign Minister Karim Nabil", CAIRO dateline
    expect(links.get('rachel-jordan')).toBeUndefined();
  });

  it('for Egypt gives its minister’s own words first and the diplomats’ claim credited to the diplomats', async () => {
    const a = await position('party:egypt');
    expect(a.excerpts[0]!.kind).toBe('direct');
    expect(has(a, 'legally binding agreement')?.speaker?.name).toMatch(/Karim Nabil/);
    const claim = has(a, 'hard for Cairo to accept');
    expect(claim?.source).toBe('diplomats');
    expect(claim?.speaker).toBeNull();
    expect(has(a, 'national symbol')).toBeUndefined();
  });

  it('for Ethiopia includes the reported stance (“Addis Ababa views …”) and the “according to” claim with its source', async () => {
    const a = await position('party:ethiopia');
    expect(has(a, 'Addis Ababa views the dam as a national symbol')?.source).toBe('Addis Ababa');
    expect(has(a, 'fifth filling')?.source).toBe('state media');
    // "She added …": the pronoun resolves to the negotiator.
    expect(has(a, 'colonial-era treaties')?.speaker?.name).toBe('Mariam Tadesse');
    expect(has(a, 'blank cheque')).toBeUndefined();
  });

  it('gives identical answers for the country, its capital and its demonym-free aliases', async () => {
    expect(await position('party:cairo')).toEqual(await position('party:egypt'));
    expect(await position('party:"addis ababa"')).toEqual(await position('party:Ethiopia'));
  });

  it('does not mistake the analyst Rachel Jordan for the country Jordan', async () => {
    const kb = await twoArticleKb();
    expect(kb.parties.present.map((p) => p.id)).not.toContain('jor');
    const a = await position('party:jordan');
    expect(a.excerpts).toEqual([]);
    expect(a.notice).toMatch(/not mentioned/);
  });

  it('narrows to one article with article:', async () => {
    const a = await position(`party:egypt article:${SECOND_ID}`);
    expect(a.excerpts.map((e) => `${e.article.id}#${e.paragraph}`)).toEqual([1, 2, 3, 9].map((p) => `${SECOND_ID}#${p}`));
    const none = await position('party:egypt article:us-skorea-end-of-war');
    expect(none.excerpts).toEqual([]);
  });
});
