/**
 * Writes text pieces to a stream as they are made (the console's `--export … > quotes.csv`):
 * pieces are gathered into writes of about 64 KB and the writer waits whenever the stream asks
 * it to (backpressure), so an export of any size passes through a small, fixed amount of memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Gathered characters per write. */
const BATCH_CHARS = 64 * 1024;

/** Writes every piece of `pieces` to `out`, in order; resolves once the last write is handed over. */
export async function writeText(pieces: Iterable<string>, out: Writable): Promise<void> {
  let batch: string[] = [];
  let length = 0;
  const flush = async () => {
    if (!length) return;
    const ok = out.write(batch.join(''));
    batch = [];
    length = 0;
    if (!ok) await once(out, 'drain');
  };
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= BATCH_CHARS) await flush();
  }
  await flush();
}
