/**
 * The paragraph index as bytes, for stores that keep it between runs (`ParagraphIndex.snapshot`
 * ↔ `ParagraphIndex.fromSnapshot`): a 4-byte little-endian header length, a JSON header
 * `{vocab, sizes}` (the vocabulary joined by newlines, the length of each array), then the raw
 * typed arrays in order: offsets, docs, tfs, lengths, hashes. Byte order is the machine's, as the
 * typed arrays are written as they are in memory (the cache is local, and keyed by version).
 */
import type { IndexSnapshot } from './paragraphIndex';

type Sizes = [number, number, number, number, number];

/** The snapshot as one byte string. */
export function encodeIndexSnapshot(s: IndexSnapshot): Uint8Array {
  const header = Buffer.from(
    JSON.stringify({ vocab: s.vocab.join('\n'), sizes: [s.offsets.length, s.docs.length, s.tfs.length, s.lengths.length, s.hashes.length] }),
  );
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length, 0);
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return Buffer.concat([len, header, bytes(s.offsets), bytes(s.docs), bytes(s.tfs), bytes(s.lengths), bytes(s.hashes)]);
}

/** The snapshot in `bytes`, or null when they are not one (truncated, corrupt, another format). */
export function decodeIndexSnapshot(bytes: Uint8Array): IndexSnapshot | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const hlen = buf.readUInt32LE(0);
    const header = JSON.parse(buf.toString('utf8', 4, 4 + hlen)) as { vocab: string; sizes: Sizes };
    let at = 4 + hlen;
    // Copied into fresh buffers: the arrays need their own alignment, and must not pin `bytes`.
    const take = <T>(n: number, bytesPer: number, make: (ab: ArrayBuffer) => T): T => {
      if (at + n * bytesPer > buf.length) throw new Error('truncated index');
      const copy = new ArrayBuffer(n * bytesPer);
      new Uint8Array(copy).set(buf.subarray(at, at + n * bytesPer));
      at += n * bytesPer;
      return make(copy);
    };
    const [no, nd, nt, nl, nh] = header.sizes;
    const offsets = take(no, 4, (ab) => new Uint32Array(ab));
    const docs = take(nd, 4, (ab) => new Int32Array(ab));
    const tfs = take(nt, 1, (ab) => new Uint8Array(ab));
    const lengths = take(nl, 2, (ab) => new Uint16Array(ab));
    const hashes = take(nh, 4, (ab) => new Uint32Array(ab));
    if (at !== buf.length) return null;
    return { vocab: header.vocab ? header.vocab.split('\n') : [], offsets, docs, tfs, lengths, hashes };
  } catch {
    return null;
  }
}
