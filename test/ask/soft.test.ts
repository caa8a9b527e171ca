import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { askCandidates, type Weights } from '../../src/answer/askCandidates';
import { COMMON, SoftMatcher, focusNoun } from '../../src/answer/askSoft';
import type { Term } from '../../src/answer/askTerms';
import { ASK_WEIGHTS } from '../../src/answer/askWeights';
import { DIMENSIONS, NO_VECTORS, cosine, loadWordVectors, setWordVectors, type WordVectors } from '../../src/answer/wordVectors';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { words } from '../../src/text/words';
import { markdownArticle, tempKnowledge } from '../helpers';

/**
 * Issue #15: `/ask`'s soft word matching on an invented vector table (the real one is 10 MB and
 * built at install; these tests never need it): which words are alike is set here, by hand.
 */
const term = (norm: string, idf = 1): Term => ({ norm, keys: new Map([[norm, 1]]), forms: [{ term: norm, weight: 1 }], idf });

/**
 * A table of the given words, each a unit vector from its first parts ([1, 0] is axis 0), after
 * `COMMON` filler rows (the table's most frequent words, which text words never align to) and
 * the common word "should", close to "leaving".
 */
function table(spec: Record<string, number[]>): WordVectors {
  const fillers = Array.from({ length: COMMON - 1 }, (_, i) => [`filler${i}`, [0, 0, 0, 0, 0, 0, 1]] as [string, number[]]);
  const list = [...fillers, ['should', [1, 0.1]] as [string, number[]], ...Object.entries(spec)];
  const data = new Int8Array(list.length * DIMENSIONS);
  list.forEach(([, parts], i) => {
    const norm = Math.hypot(...parts);
    parts.forEach((p, k) => (data[i * DIMENSIONS + k] = Math.round((p / norm) * 127)));
  });
  return { ids: new Map(list.map(([w], i) => [w, i])), data };
}

// "leaving" and "stepping" close (cosine 0.8), "banana" unrelated; "network" near the name "cbs".
const VECTORS = table({ leaving: [1, 0, 0], stepping: [0.8, 0.6, 0], banana: [0, 0, 1], network: [0, 1, 0, 0], cbs: [0, 0.75, 0, 0.66], game: [0, 0.3, 0, 0, 0.95] });

describe("/ask's soft word matching (word vectors)", () => {
  it('aligns each question word to the text word most like it, weighted by idf', () => {
    const id = (w: string) => VECTORS.ids.get(w)!;
    expect(cosine(VECTORS, id('leaving'), id('stepping'))).toBeCloseTo(0.8, 1);
    const text = 'The chairman is stepping down; the committee meets today.';
    const ws = words(text);
    const none = ws.map(() => undefined);
    const soft = new SoftMatcher([term('leaving', 2), term('banana', 1)], undefined, VECTORS);
    const share = soft.share(soft.align(ws), none, 0, ws.length);
    // "leaving" finds "stepping" ((0.8 − 0.4) / 0.6 of its weight 2), "banana" nothing.
    expect(share).toBeCloseTo(((2 * 0.4) / 0.6) / 3, 1);
    // An exact match counts fully, whatever the vectors say.
    const exact = ws.map((w) => (w.norm === 'committee' ? [0, 1] : undefined));
    const withExact = new SoftMatcher([term('leaving', 2), term('committee', 1)], undefined, VECTORS);
    expect(withExact.share(withExact.align(ws), exact, 0, ws.length)).toBeGreaterThan(share + 0.3);
    // Only the words of the range count: before "stepping" nothing is said.
    expect(soft.share(soft.align(ws), none, 0, 3)).toBe(0);
    // A word among the most frequent is never aligned, however close ("should" to "leaving").
    const common = words('The chairman should go.');
    expect(soft.share(soft.align(common), common.map(() => undefined), 0, common.length)).toBe(0);
    // Without vectors (no package), nothing soft.
    const bare = new SoftMatcher([term('leaving', 2)], undefined, NO_VECTORS);
    expect(bare.share(bare.align(ws), none, 0, ws.length)).toBe(0);
  });

  it('reads the noun a what/which question asks for, and finds names of that kind', () => {
    expect(focusNoun('Which NFL team represented the AFC at Super Bowl 50?')).toBe('team');
    expect(focusNoun('What is the name of the stadium in San Francisco Bay Area?')).toBe('stadium');
    expect(focusNoun('Which network broadcasted the game?')).toBe('network');
    expect(focusNoun('What does AFC stand for?')).toBeUndefined();
    expect(focusNoun('Who won?')).toBeUndefined();
    expect(focusNoun('')).toBeUndefined();
    expect(focusNoun('@everyone <@123> **which** `x`')).toBeUndefined();
    const text = 'The game was shown on CBS in the United States.';
    const ws = words(text);
    const none = ws.map(() => undefined);
    const soft = new SoftMatcher([term('game')], 'network', VECTORS);
    expect(soft.focusIn(text, ws, none, 0, ws.length)).toBeGreaterThan(0.2);
    // A capitalised word that is the question's own does not count, nor a lower-case one.
    const own = ws.map((w) => (w.norm === 'cbs' ? [1] : undefined));
    expect(soft.focusIn(text, ws, own, 0, ws.length)).toBe(0);
    expect(soft.focusIn(text.toLowerCase(), ws, none, 0, ws.length)).toBe(0);
  });
});

describe('the word-vector table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qb-vectors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The package's layout: per word, its parts, its norm and its frequency rank.
  const row = (parts: number[], rank: number) => [...parts, ...new Array<number>(DIMENSIONS - parts.length).fill(0), 1, rank].join(',');
  const source = join(dir, 'vectors.json');
  writeFileSync(source, `{"precision":8,"words":["the","city","town"],"vectors":{"town":[${row([0.9, 0.4], 2)}],"the":[${row([0, 0, 1], 0)}],"city":[${row([1, 0.2], 1)}],"banana":[${row([0, 1], 3)}]},"unkVector":[0]}`);

  it('keeps the most frequent words in rank order, as unit vectors, and caches them', () => {
    const cache = join(dir, 'cache');
    const v = loadWordVectors(source, cache, 3);
    expect([...v.ids.keys()]).toEqual(['the', 'city', 'town']);
    expect(cosine(v, 1, 1)).toBeGreaterThan(0.99);
    expect(cosine(v, 1, 2)).toBeGreaterThan(0.9);
    expect(cosine(v, 0, 1)).toBeLessThan(0.05);
    expect(readdirSync(cache)).toHaveLength(1);
    // Read back from the cache: the same table, with the package gone.
    const again = loadWordVectors(join(dir, 'gone.json'), cache, 3);
    expect([...again.ids.keys()]).toEqual(['the', 'city', 'town']);
    expect(again.data).toEqual(v.data);
  });

  it('is built per process when the cache cannot be written, and empty without the package', () => {
    writeFileSync(join(dir, 'plain-file'), '');
    // A cache "folder" under a plain file cannot be made (a read-only folder would not stop root).
    expect(loadWordVectors(source, join(dir, 'plain-file', 'cache'), 3).ids.size).toBe(3);
    expect(loadWordVectors(join(dir, 'missing.json'), join(dir, 'none'), 3).ids.size).toBe(0);
    expect(existsSync(join(dir, 'none'))).toBe(false);
    writeFileSync(join(dir, 'broken.json'), '{"vectors":{"x":[1,2');
    expect(loadWordVectors(join(dir, 'broken.json'), join(dir, 'broken'), 3).ids.size).toBe(0);
  });
});

describe('/ask with and without the table', () => {
  const PARAGRAPHS = [
    'The chairman of the league said on Monday that he is stepping down after ten years.',
    // The second sentence holds none of the question's words, only one like "leaving": never a candidate.
    'The league will pick a new chairman in March, officials said. Stepping aside was never planned, a board member added.',
    'The final was shown on CBS, the league said.',
  ];
  let kb: Promise<KnowledgeBase> | undefined;
  const league = () => (kb ??= loadKnowledgeBase(tempKnowledge({ 'league.md': markdownArticle({ id: 'league', title: 'League chairman' }, PARAGRAPHS) })));
  const SOFT: Weights = { ...ASK_WEIGHTS, soft: 0.5, softParagraph: 0.2, focus: 0.3, focusParagraph: 0.1 };
  afterAll(() => setWordVectors(undefined));

  it('changes the scores only, never which sentences are candidates', async () => {
    const base = await league();
    const run = (v: WordVectors) => {
      setWordVectors(v);
      return askCandidates(base, 'Why is the league chairman leaving?', SOFT).candidates;
    };
    const withVectors = run(VECTORS);
    const without = run(NO_VECTORS);
    const keyOf = (c: (typeof without)[number]) => `${c.rec.id}:${c.sentence.start}`;
    expect(without.length).toBeGreaterThan(1);
    expect(withVectors.map(keyOf).sort()).toEqual(without.map(keyOf).sort());
    const soft = (list: typeof without, start: string) => list.find((c) => c.sentence.text.startsWith(start))!.features.soft;
    // "leaving" is said as "stepping" in the first sentence only, and only with the table.
    expect(soft(withVectors, 'The chairman')).toBeGreaterThan(soft(withVectors, 'The league will'));
    expect(soft(without, 'The chairman')).toBe(soft(without, 'The league will'));
    expect(withVectors[0]!.sentence.text).toMatch(/^The chairman/);
  });

  it('scores nothing soft while the soft weights are 0', async () => {
    const base = await league();
    setWordVectors(undefined);
    const zero: Weights = { ...ASK_WEIGHTS, soft: 0, softParagraph: 0, focus: 0, focusParagraph: 0 };
    const { candidates } = askCandidates(base, 'Why is the league chairman leaving?', zero);
    expect(candidates.every((c) => c.features.soft === 0 && c.features.focus === 0)).toBe(true);
  });
});
