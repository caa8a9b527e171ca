/**
 * The paragraph index as bytes (search/indexFile.ts): read back it answers exactly as the index it
 * was written from, and bytes that are not a whole snapshot are refused (the index is then rebuilt),
 * never read half.
 */
import { describe, expect, it } from 'vitest';
import { decodeIndexSnapshot, encodeIndexSnapshot } from '../../src/search/indexFile';
import { ParagraphIndex } from '../../src/search/paragraphIndex';
import { seedKb } from '../helpers';

describe('index bytes', () => {
  it('round-trips: the decoded index ranks every query as the original does', async () => {
    const kb = await seedKb();
    const bytes = encodeIndexSnapshot(kb.index.snapshot());
    const snapshot = decodeIndexSnapshot(bytes);
    expect(snapshot).toEqual(kb.index.snapshot());
    const copy = ParagraphIndex.fromSnapshot(snapshot!);
    expect(copy.candidates('armistice').length).toBeGreaterThan(0);
    for (const q of ['armistice', 'end-of-war declaration', 'Moon Jae-in said', 'unification ministry']) {
      expect(copy.candidates(q)).toEqual(kb.index.candidates(q));
    }
  });

  it('ranks the same read back when a paragraph has no indexed word (BM25 counts the same paragraphs)', () => {
    const built = new ParagraphIndex();
    built.add([
      { id: 0, text: 'The armistice was signed in 1953.' },
      { id: 1, text: 'It is what it is.' },
      { id: 2, text: 'Talks on the armistice resumed, and the armistice held.' },
      { id: 3, text: 'Seoul wants a declaration.' },
    ]);
    const copy = ParagraphIndex.fromSnapshot(decodeIndexSnapshot(encodeIndexSnapshot(built.snapshot()))!);
    expect(copy.stats).toEqual(built.stats);
    expect(copy.candidates('armistice declaration')).toEqual(built.candidates('armistice declaration'));
  });

  it('refuses truncated, extended or foreign bytes', async () => {
    const bytes = encodeIndexSnapshot((await seedKb()).index.snapshot());
    expect(decodeIndexSnapshot(bytes.subarray(0, bytes.length - 1))).toBeNull();
    expect(decodeIndexSnapshot(Buffer.concat([bytes, Buffer.from([0])]))).toBeNull();
    expect(decodeIndexSnapshot(Buffer.from('{"t":"h","code":"someone-else"}\n{garbage'))).toBeNull();
    expect(decodeIndexSnapshot(new Uint8Array(0))).toBeNull();
  });
});
