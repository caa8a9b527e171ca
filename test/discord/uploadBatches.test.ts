/** Files grouped into messages Discord accepts: at most 10 each and 10 MiB together, in order. */
import { describe, expect, it } from 'vitest';
import { MAX_FILES, MAX_UPLOAD_BYTES } from '../../src/core/limits';
import { uploadBatches, type FileUpload } from '../../src/discord/files';

const file = (name: string, bytes: number): FileUpload => ({ name, data: new Uint8Array(bytes) });

describe('uploadBatches', () => {
  it('one message while the files fit; a new one past 10 files or 10 MiB; order kept', () => {
    expect(uploadBatches([file('a', 10), file('b', 10)]).map((b) => b.map((f) => f.name))).toEqual([['a', 'b']]);
    const eleven = Array.from({ length: MAX_FILES + 1 }, (_, i) => file(`f${i}`, 1));
    expect(uploadBatches(eleven).map((b) => b.length)).toEqual([MAX_FILES, 1]);
    const big = MAX_UPLOAD_BYTES - 1000;
    const batches = uploadBatches([file('p1', big), file('p2', big), file('small', 500), file('p3', big)]);
    expect(batches.map((b) => b.map((f) => f.name))).toEqual([['p1'], ['p2', 'small'], ['p3']]);
    for (const b of batches) expect(b.reduce((n, f) => n + f.data.byteLength, 0)).toBeLessThanOrEqual(MAX_UPLOAD_BYTES);
  });

  it('a file over the limit stays alone (the upload check then refuses it loudly)', () => {
    expect(uploadBatches([file('a', 1), file('huge', MAX_UPLOAD_BYTES + 1), file('b', 1)]).map((b) => b.map((f) => f.name))).toEqual([['a'], ['huge'], ['b']]);
  });
});
