import { describe, expect, it } from 'vitest';
import { AnswerSchema, type Answer } from '../../src/core/answer';
import { UserInputError } from '../../src/core/errors';
import { ask, seedKb, SEED_ID } from '../helpers';

const texts = (a: Answer) => a.excerpts.map((e) => e.text);
const has = (a: Answer, words: string) => a.excerpts.find((e) => e.text.includes(words));

describe('/position over the seed story', () => {
  it('for the US includes Sullivan’s “fundamentally aligned” quote, credited to him as a direct quote', async () => {
    const a = await ask('/position party:us');
    AnswerSchema.strict().parse(a);
    const quote = has(a, 'fundamentally aligned');
    expect(quote).toBeDefined();
    expect(quote!.kind).toBe('direct');
    expect(quote!.speaker?.name).toBe('Jake Sullivan');
  });

  it('for the US includes the observers’ claim that Washington would find it difficult to sign on, credited to the observers', async () => {
    const a = await ask('/position party:us');
    const claim = has(a, 'difficult for Washington to sign on');
    expect(claim).toBeDefined();
    expect(claim!.source).toBe('observers');
    expect(claim!.speaker).toBeNull();
    expect(claim!.kind).toBe('indirect');
  });

  it('for the US does not include Seoul’s “gateway for future talks” view', async () => {
    const a = await ask('/position party:us');
    expect(texts(a).some((t) => t.includes('gateway for future talks'))).toBe(false);
  });

  it('for South Korea includes Seoul’s “gateway for future talks” view, attributed to Seoul', async () => {
    const a = await ask('/position party:south korea');
    const view = has(a, 'gateway for future talks');
    expect(view).toBeDefined();
    expect(view!.source).toBe('Seoul');
    // South Korea's own people come first: Noh's account of the talks.
    expect(a.excerpts[0]!.speaker?.name).toBe('Noh Kyu-duk');
  });

  it('ranks the party’s own voice before reported stance before others’ claims', async () => {
    const a = await ask('/position party:us');
    const rank = (words: string) => a.excerpts.findIndex((e) => e.text.includes(words));
    expect(rank('fundamentally aligned')).toBeLessThan(rank('Washington has begun looking into'));
    expect(rank('Washington has begun looking into')).toBeLessThan(rank('difficult for Washington to sign on'));
  });

  it('gives identical answers for us, U.S., Washington and united states', async () => {
    const answers = await Promise.all(
      ['us', 'U.S.', 'Washington', '"united states"', 'USA'].map((p) => ask(`/position party:${p}`)),
    );
    for (const a of answers.slice(1)) expect(a).toEqual(answers[0]);
  });

  it('narrows to a topic with topic:sanctions', async () => {
    const all = await ask('/position party:us');
    const sanctions = await ask('/position party:us topic:sanctions');
    expect(sanctions.excerpts.length).toBeGreaterThan(0);
    expect(sanctions.excerpts.length).toBeLessThan(all.excerpts.length);
    for (const e of sanctions.excerpts) expect(e.text.toLowerCase()).toContain('sanctions');
    expect(has(sanctions, 'fundamentally aligned')).toBeUndefined();
  });

  it('matches a topic in another spelling (denuclearisation finds denuclearization)', async () => {
    const a = await ask('/position party:us topic:denuclearisation');
    expect(a.excerpts.length).toBeGreaterThan(0);
    expect(a.excerpts.every((e) => e.text.includes('denuclearization'))).toBe(true);
  });

  it('credits claims to the claimant and never labels a quote as the reporter’s narration', async () => {
    const kb = await seedKb();
    for (const party of ['us', 'south korea', 'north korea', 'china']) {
      const a = await ask(`/position party:${party}`);
      for (const e of a.excerpts) {
        if (e.kind === 'narration') expect(e.text).not.toMatch(/[“”"]/);
        // Whole sentences or whole quotes: never cut inside a word.
        const para = kb.article(SEED_ID)!.paragraphs[e.paragraph - 1]!.text;
        const at = para.indexOf(e.text);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(/[\p{L}\p{N}]/u.test(para[at - 1] ?? ' ') && /^[\p{L}\p{N}]/u.test(e.text)).toBe(false);
        expect(/[\p{L}\p{N}]/u.test(para[at + e.text.length] ?? ' ') && /[\p{L}\p{N}]$/u.test(e.text)).toBe(false);
      }
    }
  });

  it('does not count a plain mention as a position (the armistice signatories)', async () => {
    const a = await ask('/position party:china');
    expect(a.excerpts).toEqual([]);
    expect(a.notice).toMatch(/nothing about its position/);
  });

  it('turns an unknown party into a short error listing the parties in the articles', async () => {
    await expect(ask('/position party:atlantis')).rejects.toThrow(UserInputError);
    await expect(ask('/position party:atlantis')).rejects.toThrow(/United States.*South Korea|South Korea.*United States/);
  });

  it('says so for a known party the articles never mention', async () => {
    const a = await ask('/position party:france');
    expect(a.excerpts).toEqual([]);
    expect(a.notice).toMatch(/France is not mentioned/);
  });
});

describe('parties in the seed story', () => {
  it('link people to parties from their role, affiliation or the story’s home country', async () => {
    const kb = await seedKb();
    const links = Object.fromEntries(kb.parties.article(SEED_ID).speakerParty);
    expect(links['jake-sullivan']).toBe('usa');
    expect(links['sung-kim']).toBe('usa'); // "US special envoy for North Korea" is American
    expect(links['noh-kyu-duk']).toBe('kor');
    expect(links['moon-jae-in']).toBe('kor'); // "President Moon Jae-in" in a Seoul-reported story
    expect(links['moon-chung-in']).toBeUndefined(); // a think-tank chairman speaks for himself
  });

  it('autocomplete lists the parties present, at most 25, by prefix', async () => {
    const kb = await seedKb();
    const all = kb.suggest('party', '');
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all.map((c) => c.value)).toEqual(expect.arrayContaining(['United States', 'South Korea', 'North Korea']));
    expect(all.map((c) => c.value)).not.toContain('Vietnam'); // "the Hanoi summit" is a place
    expect(kb.suggest('party', 'sou')[0]!.value).toBe('South Korea');
    expect(kb.suggest('party', 'wash')[0]!.value).toBe('United States');
  });
});
