/**
 * The disk cache in `.cache/` as an `AnalysisStore` (core/analysisStore.ts): one store per
 * knowledge folder, two files.
 *
 * - `<cacheDir>/kb-<folder hash>.ndjson`: a header line `{"t":"h","code":…,"version":…}`, then one
 *   `key<TAB>value` line per entry (values are JSON, so never hold a newline). Line by line, so a
 *   million-paragraph corpus never needs one giant string; values are decoded only when asked for.
 * - `<cacheDir>/kb-<folder hash>.index.bin`: the one binary entry (the paragraph index): a 4-byte
 *   key length, the key, the bytes (their format is `search/indexFile.ts`'s).
 *
 * A file written by other code (another `code` or `CACHE_VERSION`), or corrupt, is ignored. `flush`
 * writes back only what this run used or added, so entries of removed files disappear; writes are
 * atomic (temporary file, then rename).
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { AnalysisStore } from '../core/analysisStore';
import { ANALYSIS_VERSION } from './analysisVersion';

/** Bump when the layout of the cache files changes. */
export const CACHE_VERSION = 3;

/**
 * The version every cache key includes: `f<CACHE_VERSION>.a<analysisVersion>`. The bench sets
 * `QUOTEBOOK_CACHE_CODE_VERSION` to keep its caches apart; never set it in production.
 */
export function cacheCodeVersion(analysisVersion: number = ANALYSIS_VERSION): string {
  const pinned = process.env.QUOTEBOOK_CACHE_CODE_VERSION?.trim();
  if (pinned) return pinned;
  return `f${CACHE_VERSION}.a${analysisVersion}`;
}

/** The cache files of a knowledge folder (default cache folder `$QUOTEBOOK_CACHE_DIR` or `.cache`). */
export function cachePaths(dir: string, cacheDir = process.env.QUOTEBOOK_CACHE_DIR ?? '.cache'): { data: string; index: string } {
  const id = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12);
  return { data: join(cacheDir, `kb-${id}.ndjson`), index: join(cacheDir, `kb-${id}.index.bin`) };
}

export class DiskStore implements AnalysisStore {
  /** Where each stored value sits in `buf` (start, end). */
  private readonly loaded = new Map<string, [number, number]>();
  private readonly used = new Set<string>();
  private readonly added = new Map<string, string>();
  private blob: { key: string; bytes: Uint8Array } | undefined;
  private blobChanged = false;
  private buf: Buffer = Buffer.alloc(0);

  private constructor(
    private readonly paths: { data: string; index: string },
    private readonly code: string,
  ) {}

  /** Opens the store of `paths` for version `code`; a missing, foreign or corrupt file is an empty store. */
  static async open(paths: { data: string; index: string }, code: string): Promise<DiskStore> {
    const store = new DiskStore(paths, code);
    await store.read();
    return store;
  }

  async get(key: string): Promise<string | undefined> {
    const fresh = this.added.get(key);
    if (fresh !== undefined) return fresh;
    const at = this.loaded.get(key);
    if (!at) return undefined;
    this.used.add(key);
    return this.buf.toString('utf8', at[0], at[1]);
  }

  async put(key: string, value: string): Promise<void> {
    if (/[\t\n]/.test(key) || value.includes('\n')) throw new Error('DiskStore: keys hold no tab or newline, values no newline');
    this.added.set(key, value);
  }

  async getBytes(key: string): Promise<Uint8Array | undefined> {
    if (this.blob?.key === key) return this.blob.bytes;
    let buf: Buffer;
    try {
      buf = await readFile(this.paths.index);
    } catch {
      return undefined;
    }
    if (buf.length < 4) return undefined;
    const klen = buf.readUInt32LE(0);
    if (4 + klen > buf.length || buf.toString('utf8', 4, 4 + klen) !== key) return undefined;
    this.blob = { key, bytes: buf.subarray(4 + klen) };
    return this.blob.bytes;
  }

  async putBytes(key: string, bytes: Uint8Array): Promise<void> {
    this.blob = { key, bytes };
    this.blobChanged = true;
  }

  /** Whether `flush` has anything to write: new entries, entries no longer used, a new blob. */
  get dirty(): boolean {
    return this.added.size > 0 || this.used.size < this.loaded.size || this.blobChanged;
  }

  /** Writes back the entries used or added since `open` (and the blob if it changed). */
  async flush(): Promise<void> {
    if (this.added.size > 0 || this.used.size < this.loaded.size) await writeAtomic(this.paths.data, this.lines());
    if (this.blobChanged && this.blob) {
      const key = Buffer.from(this.blob.key);
      const len = Buffer.alloc(4);
      len.writeUInt32LE(key.length, 0);
      await writeAtomic(this.paths.index, [len, key, this.blob.bytes]);
      this.blobChanged = false;
    }
  }

  private *lines(): Generator<string | Uint8Array> {
    yield `${JSON.stringify({ t: 'h', code: this.code, version: CACHE_VERSION })}\n`;
    for (const key of this.used) {
      if (this.added.has(key)) continue;
      const [start, end] = this.loaded.get(key)!;
      yield `${key}\t`;
      yield this.buf.subarray(start, end + 1); // the value and its newline
    }
    for (const [key, value] of this.added) yield `${key}\t${value}\n`;
  }

  private async read(): Promise<void> {
    let buf: Buffer;
    try {
      buf = await readFile(this.paths.data);
    } catch {
      return;
    }
    let end = buf.indexOf(10);
    if (end < 0) return;
    try {
      const header = JSON.parse(buf.toString('utf8', 0, end)) as { t?: string; code?: string; version?: number };
      if (header.t !== 'h' || header.code !== this.code || header.version !== CACHE_VERSION) return;
    } catch {
      return;
    }
    this.buf = buf;
    for (let start = end + 1; start < buf.length; start = end + 1) {
      end = buf.indexOf(10, start);
      // A line without its newline is a torn write: keep what was read before it.
      if (end < 0) break;
      const tab = buf.indexOf(9, start);
      if (tab < 0 || tab > end) continue;
      this.loaded.set(buf.toString('utf8', start, tab), [tab + 1, end]);
    }
  }
}

async function writeAtomic(path: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    let pending: Uint8Array[] = [];
    let size = 0;
    for (const c of chunks) {
      const bytes = typeof c === 'string' ? Buffer.from(c) : c;
      pending.push(bytes);
      size += bytes.length;
      if (size > 8 << 20) {
        await fh.write(Buffer.concat(pending));
        pending = [];
        size = 0;
      }
    }
    if (pending.length) await fh.write(Buffer.concat(pending));
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}
