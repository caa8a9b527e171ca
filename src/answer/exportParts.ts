/**
 * Writing an export as it is made. Rows come from a generator and are encoded one at a time:
 * `packParts` fills parts of at most `partBytes` bytes (UTF-8) for an upload, cutting only between
 * rows and repeating the part's opening (CSV header, JSON object) so every part stands alone;
 * `exportText` yields the whole export as text pieces for a stream (the console's `--export`).
 * Neither holds the rows: memory is the finished parts plus the part being filled.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ExportEncoder } from './exportEncode';
import type { ExportRow } from './exportRows';

export interface PackOptions {
  /** Largest part, in bytes (the upload limit less room for the message). */
  partBytes: number;
  /** Stop with `ExportTooLarge` past this many parts (a bound on memory; the caller says what to do). */
  maxParts: number;
}

export interface Packed {
  parts: Uint8Array<ArrayBuffer>[];
  rows: number;
  /** Distinct article ids in the export. */
  articles: number;
  /** Cells a spreadsheet app would read as a formula (for the plain CSV's warning). */
  formulaCells: number;
}

/** The export would need more than `maxParts` parts. */
export class ExportTooLarge extends Error {
  constructor(readonly rowsSoFar: number, readonly bytesSoFar: number) {
    super(`export over the part limit after ${rowsSoFar} rows`);
  }
}

/** Rows encoded between two yields to the event loop (a big export must not stall other servers' answers). */
const ROWS_PER_SLICE = 500;

/**
 * Encodes `rows` into parts of at most `partBytes` bytes each. A single row larger than a part
 * goes alone in an oversized part (the upload then fails loudly rather than the row being cut).
 */
export async function packParts(
  rows: Iterable<ExportRow>,
  encoder: ExportEncoder,
  options: PackOptions,
  countFormula?: (row: ExportRow) => number,
): Promise<Packed> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const tail = Buffer.from(encoder.close(), 'utf8');
  let chunks: Buffer[] = [];
  let size = 0;
  let inPart = 0;
  let rowCount = 0;
  let formulaCells = 0;
  let bytesDone = 0;
  const articles = new Set<string>();
  const start = () => {
    const head = Buffer.from(encoder.open(parts.length + 1), 'utf8');
    chunks = [head];
    size = head.length;
    inPart = 0;
  };
  const finish = () => {
    chunks.push(tail);
    size += tail.length;
    parts.push(Buffer.concat(chunks, size));
    bytesDone += size;
    chunks = [];
  };
  start();
  for (const row of rows) {
    let bytes = Buffer.from(encoder.row(row, inPart === 0), 'utf8');
    if (inPart > 0 && size + bytes.length + tail.length > options.partBytes) {
      finish();
      if (parts.length >= options.maxParts) throw new ExportTooLarge(rowCount, bytesDone);
      start();
      bytes = Buffer.from(encoder.row(row, true), 'utf8');
    }
    chunks.push(bytes);
    size += bytes.length;
    inPart++;
    rowCount++;
    articles.add(row.article_id);
    if (countFormula) formulaCells += countFormula(row);
    if (rowCount % ROWS_PER_SLICE === 0) await yieldToEventLoop();
  }
  if (rowCount > 0) finish();
  return { parts, rows: rowCount, articles: articles.size, formulaCells };
}

/** The whole export as one piece of text per row (plus opening and closing), for a stream. */
export function* exportText(rows: Iterable<ExportRow>, encoder: ExportEncoder): Generator<string> {
  yield encoder.open(1);
  let first = true;
  for (const row of rows) {
    yield encoder.row(row, first);
    first = false;
  }
  yield encoder.close();
}
