/**
 * `termIdsWithPrefix` reads the vocabulary's prefix runs from typed arrays (prefixOrder.ts) instead
 * of walking MiniSearch's radix tree; `/ask` takes the first `max` of them, so the terms *and their
 * order* must be exactly the tree's.
 */
import { describe, expect, it } from 'vitest';
import SearchableMap from 'minisearch/SearchableMap';
import { ParagraphIndex } from '../../src/search/paragraphIndex';
import { PrefixOrder } from '../../src/search/prefixOrder';
import { seededRandom } from '../../src/core/random';

/** What the tree itself gives: the first `max` terms of `atPrefix(prefix)`. */
function fromTree(tree: SearchableMap<number>, prefix: string, max: number): number[] {
  const out: number[] = [];
  if (!prefix) return out;
  for (const [, id] of tree.atPrefix(prefix)) {
    out.push(id);
    if (out.length >= max) break;
  }
  return out;
}

/** Words sharing many prefixes ("con", "cons", "const" …), in a scrambled insertion order. */
function vocabulary(n: number, seed: number): string[] {
  const r = seededRandom(seed);
  const stems = ['con', 'cons', 'constitu', 'pre', 'presid', 'press', 'a', 'ab', 'state', 'stat', 'é', 'über', 'x'];
  const tails = ['', 's', 'ed', 'ing', 'ion', 'ions', 'ent', 'ents', 'ential', 'e', 'er', 'tion', 'al', 'ally', '-up', "'s", '1'];
  const seen = new Set<string>();
  while (seen.size < n) {
    const w = stems[Math.floor(r() * stems.length)]! + tails[Math.floor(r() * tails.length)]! + (r() < 0.3 ? 'abcdefghij'[Math.floor(r() * 10)]! : '');
    seen.add(w);
  }
  return [...seen];
}

describe('PrefixOrder', () => {
  it('gives every prefix the terms the radix tree gives, in its order, for any bound', () => {
    const vocab = vocabulary(150, 7);
    const tree = new SearchableMap<number>();
    vocab.forEach((t, id) => tree.set(t, id));
    const table = new PrefixOrder(vocab, tree);
    const prefixes = new Set<string>(['', 'q', 'zz', 'constituz', 'presidentialx']);
    for (const t of vocab) for (let i = 1; i <= t.length; i++) prefixes.add(t.slice(0, i));
    let checked = 0;
    for (const p of prefixes) {
      for (const max of [1, 3, 40, 150, 1000]) {
        expect(table.idsWithPrefix(p, max), `${p} ${max}`).toEqual(fromTree(tree, p, max));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('is what ParagraphIndex.termIdsWithPrefix answers, the ids naming the terms the tree holds', () => {
    const texts = ['The president pressed the press on the presidential race', 'Presidents and presidencies press on', 'A constitutional amendment was considered', 'Considering the constituents', 'stateside statements'];
    const index = new ParagraphIndex();
    index.add(texts.map((text, id) => ({ id, text })));
    const { vocab } = index.snapshot();
    const tree = new SearchableMap<number>();
    vocab.forEach((t, id) => tree.set(t, id));
    for (const p of ['pres', 'presid', 'con', 'const', 'stat', 'p', 'nothing']) {
      for (const max of [2, 150]) {
        const got = index.termIdsWithPrefix(p, max);
        expect(got.map((id) => vocab[id])).toEqual(fromTree(tree, p, max).map((id) => vocab[id]));
        for (const id of got) expect(index.documentFrequencyOf(id)).toBe(index.documentFrequency(vocab[id]!));
      }
    }
  });
});
