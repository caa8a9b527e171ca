/**
 * The fast paths must answer exactly what the reference code answers: index terms and words with
 * the ASCII fast path, the prepared autocomplete ranking, and the allocation-free edit distance.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChoiceIndex } from '../../src/search/choiceIndex';
import { boundedDistance, findPhrase, withinOneEdit } from '../../src/search/phrase';
import { ParagraphIndex } from '../../src/search/paragraphIndex';
import { termsOf, wordsOf } from '../../src/search/terms';
import { rankChoices } from '../../src/search/suggest';
import fc from 'fast-check';
import { indexTerms, words, wordsByPattern } from '../../src/text/words';
import { seedKb } from '../helpers';

const SAMPLES = [
  readFileSync('knowledge/us-skorea-end-of-war.md', 'utf8'),
  'Moon Jae-in’s “end‐of‐war” plan — Café São Tomé, naïve CEO’s don\'t Ünïcödé 1950-53 U.S. x-ray',
  'ＦＵＬＬ width ﬁ ligature Straße İstanbul',
];

describe('fast text paths', () => {
  it('termsOf and wordsOf equal indexTerms and words', () => {
    for (const s of SAMPLES) {
      expect(termsOf(s)).toEqual(indexTerms(s));
      expect(wordsOf(s)).toEqual(words(s));
    }
  });

  it('the scanning word splitter finds exactly the words the Unicode pattern finds', () => {
    for (const s of SAMPLES) expect(words(s)).toEqual(wordsByPattern(s));
    // Letters, digits, joiners and the punctuation the scanner knows, and characters it must hand
    // over to the pattern (accented and other-script letters, superscript digits, astral symbols).
    const alphabet = [...'aZ09 .,;:!?\'-"()\n\t’‐“”‘—–…•«»\u00a0é²ßİ中🙂'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(words(text)).toEqual(wordsByPattern(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('boundedDistance equals editDistance', () => {
    const ws = words(SAMPLES.join(' ')).map((w) => w.norm);
    const extra = ['aligned', 'algined', 'alinged', 'fundamentally', 'fundamentaly', 'ab', 'ba', '', 'a'];
    const all = [...new Set([...ws, ...extra])].slice(0, 300);
    for (const a of all) {
      for (const b of all.slice(0, 60)) {
        for (const max of [1, 2]) expect(boundedDistance(a, b, max)).toBe(editDistance(a, b, max));
        expect(withinOneEdit(a, b), `${a} ${b}`).toBe(editDistance(a, b, 1) <= 1);
      }
    }
    for (const w of ['aligned', 'fundamentally', 'sullivan', 'abba', 'peace']) {
      const variants = new Set<string>();
      for (let i = 0; i <= w.length; i++) {
        variants.add(w.slice(0, i) + w.slice(i + 1));
        variants.add(w.slice(0, i) + 'x' + w.slice(i));
        variants.add(w.slice(0, i) + 'x' + w.slice(i + 1));
        variants.add(w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2));
        for (let j = i + 1; j < w.length; j++) variants.add(w.slice(0, i) + 'y' + w.slice(i + 1, j) + 'z' + w.slice(j + 1));
      }
      for (const v of variants) expect(withinOneEdit(w, v), `${w} ${v}`).toBe(editDistance(w, v, 1) <= 1);
    }
    for (const [a, b] of [['aligned', 'algined'], ['ab', 'ba'], ['abc', 'acb'], ['abcd', 'abdc'], ['abc', 'abcd'], ['abc', 'xabc'], ['abc', 'axc'], ['abc', 'bca'], ['', 'a'], ['ab', 'ab']]) {
      expect(withinOneEdit(a!, b!), `${a} ${b}`).toBe(editDistance(a!, b!, 1) <= 1);
      expect(withinOneEdit(b!, a!)).toBe(editDistance(b!, a!, 1) <= 1);
    }
  });

  it('ChoiceIndex ranks like rankChoices', async () => {
    const kb = await seedKb();
    const entries = [
      ...kb.people.map((p) => ({ name: p.name, value: p.name, keys: [p.name, ...p.aliases], weight: p.quotes })),
      ...Array.from({ length: 60 }, (_, i) => ({ name: `Person ${i % 7} Sullivan`, value: `v${i % 40}`, keys: [`Person ${i}`, 'Sullivan'], weight: i % 3 })),
      { name: 'Moon Jae-in', value: 'moon', keys: ['Moon Jae-in', 'President Moon'] },
      { name: 'Mr X Jake Sullivan', value: 'x', keys: ['mr x jake sullivan'] },
    ];
    const index = new ChoiceIndex(entries);
    for (const typed of ['', 's', 'Su', 'sulli', 'jake', 'person 1', 'van', 'zzz', ' P ', 'jake sul', 'son 1', 'e-in', 'jae', '1 s']) expect(index.rank(typed)).toEqual(rankChoices(entries, typed));
  });

  it('ChoiceIndex ranks like rankChoices on random lists and typed text', () => {
    // A small alphabet makes prefixes, word starts, inner matches, ties and repeated values common.
    const text = fc.array(fc.constantFrom(...'ab -é\u00a0A\u0000'), { maxLength: 8 }).map((c) => c.join(''));
    const entry = fc.record({ name: text, value: fc.constantFrom('v1', 'v2', 'v3', 'v4', 'v5'), keys: fc.array(text, { maxLength: 3 }), weight: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), text, (entries, typed) => {
        expect(new ChoiceIndex(entries).rank(typed)).toEqual(rankChoices(entries, typed));
      }),
      { numRuns: 3000 },
    );
    // More than 25 distinct values, so the whole-key prefix range alone can answer.
    const many = Array.from({ length: 80 }, (_, i) => ({ name: `Title ${i}`, value: `id-${i}`, keys: [`id-${i}`, `Title ${i % 9} of ${i}`], weight: i % 4 }));
    const index = new ChoiceIndex(many);
    for (const typed of ['', 't', 'ti', 'title 3', 'id-1', 'of 1', '1', 'x']) expect(index.rank(typed)).toEqual(rankChoices(many, typed));
  });
});

describe('ParagraphIndex', () => {
  const texts = [
    'We are fundamentally aligned on the core strategic initiative here.',
    'Aligned, we are not: the allies differ on the timing.',
    'The end-of-war declaration was discussed in Washington.',
    'Nothing relevant at all in this paragraph.',
  ];
  const index = new ParagraphIndex();
  index.add(texts.map((text, id) => ({ id, text })));

  it('finds exact terms with AND first, and survives a typo', () => {
    expect(index.candidates('fundamentally aligned')[0]!.id).toBe(0);
    expect(index.candidates('fundamentaly aligned')[0]!.id).toBe(0);
    expect(index.candidates('end-of-war declaration')[0]!.id).toBe(2);
  });

  it('finds a long word with two typos when no word is one typo away', () => {
    expect(index.candidates('fundamantaly')[0]!.id).toBe(0); // a changed letter and a dropped one
    expect(index.candidates('the stratgic initiatve')[0]!.id).toBe(0);
  });

  it('completes the last word as a prefix', () => {
    expect(index.candidates('declar').map((c) => c.id)).toContain(2);
  });

  it('respects filter and limit', () => {
    expect(index.candidates('aligned', { filter: (id) => id !== 0 }).map((c) => c.id)).toEqual([1]);
    expect(index.candidates('aligned', { limit: 1 })).toHaveLength(1);
  });

  it('keeps at most two copies of identical paragraphs among the candidates', () => {
    const copies = new ParagraphIndex();
    const same = 'The harbour bridge closes for repairs in winter.';
    copies.add([...Array.from({ length: 10 }, (_, id) => ({ id, text: same })), { id: 10, text: 'The harbour bridge opens in spring.' }]);
    const ids = copies.candidates('harbour bridge').map((c) => c.id);
    expect(ids.filter((id) => id < 10)).toEqual([0, 1]);
    expect(ids).toContain(10);
  });

  it('round-trips through a snapshot', () => {
    const copy = ParagraphIndex.fromSnapshot(index.snapshot());
    for (const q of ['aligned', 'washington declaration', 'timng']) expect(copy.candidates(q)).toEqual(index.candidates(q));
  });
});

/** Reference: the plain table form of the optimal-string-alignment distance the fast code must equal. */
function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

describe('findPhrase', () => {
  const texts = [
    'We are fundamentally aligned on the core strategic initiative here, officials said on Tuesday.',
    'The two allies are basically aligned on the strategy, though they differ on timing and sequence.',
    'Aligned, we are not: the allies differ on the timing of any declaration ending the war.',
  ];
  const phrases = ['fundamentaly aligned on the core', 'we are basically aligned', 'differ on the timing of the declaration', 'find a way to'];

  it('gives the same answer whatever was looked up before (its alignment tables are reused)', () => {
    const alone = texts.map((t) => phrases.map((p) => findPhrase(t, p)));
    // Interleave with alignments of other sizes, which leave their scores in the shared tables.
    const long = Array.from({ length: 40 }, (_, i) => `word${i} we are fundamentally aligned on core things`).join(' ');
    const before: Array<[string, string]> = [
      ['we are basicaly aligned', 'we are basically aligned'],
      ['allies aligned on timing of the declaration', 'the allies are aligned on the timing of a declaration'],
      [long, 'we are basically aligned on the core strategic things of the war'],
    ];
    for (const [text, phrase] of before) {
      for (const [ti, t] of texts.entries()) {
        for (const [pi, p] of phrases.entries()) {
          findPhrase(text, phrase);
          expect(findPhrase(t, p), `${p} in text ${ti} after “${phrase}”`).toEqual(alone[ti]![pi]);
        }
      }
    }
    expect(alone[0]![0]).toMatchObject({ match: 'fuzzy' });
    expect(alone[2]![2]).toMatchObject({ match: 'fuzzy' });
  });
});
