/**
 * The two export formats as text, row by row, so an export is written as it is made:
 * - CSV per RFC 4180 (CRLF line ends, a field quoted when it holds a comma, a quote, CR or LF;
 *   quotes doubled) through `csv-stringify`, the `csv` project's writer, so the quoting rules are
 *   a maintained library's and not ours; a header line starts every part.
 * - JSON: `{"format":"quotebook-export","version":1,"part":N,"statements":[…]}`, each row parsed
 *   by `ExportRowSchema` before it is written (the schema is the source of truth).
 * Cells are verbatim unless `spreadsheet` is asked for (see `looksLikeFormula`).
 */
import { stringify } from 'csv-stringify/sync';
import { EXPORT_COLUMNS, EXPORT_VERSION, ExportRowSchema, type ExportRow } from './exportRows';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Turns rows into text; `open` and `close` wrap each part so every part stands alone. */
export interface ExportEncoder {
  readonly format: ExportFormat;
  readonly contentType: string;
  readonly extension: string;
  /** What a part starts with (a BOM and the header line; the JSON object's opening). */
  open(part: number): string;
  /** One row; `first` is true for the first row of a part. */
  row(row: ExportRow, first: boolean): string;
  /** What a part ends with. */
  close(): string;
}

export interface EncoderOptions {
  /**
   * For spreadsheet apps (Excel, LibreOffice, Google Sheets): a UTF-8 byte order mark, so Excel
   * reads the text as UTF-8, and `formulaSafe` cells. JSON ignores it.
   */
  spreadsheet?: boolean;
}

/**
 * A spreadsheet reads a cell starting with one of these as a formula: = + - @, a tab or a CR, and
 * their full-width forms (OWASP's "CSV injection" list, as csv-stringify's `escape_formulas` has it).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Whether a cell would be read as a formula by a spreadsheet app. In `spreadsheet` mode
 * csv-stringify's `escape_formulas` gives such a cell a leading apostrophe, which spreadsheet apps
 * hide and read as "this is text"; the plain CSV keeps every cell verbatim (it is data for scripts,
 * and the product promises verbatim text), and its answer warns when such cells are present.
 */
export function looksLikeFormula(cell: string): boolean {
  return FORMULA_START.test(cell);
}

/** The cells of a row in column order; absent values are empty cells, booleans `true`/`false`. */
export function csvCells(row: ExportRow): string[] {
  return EXPORT_COLUMNS.map((c) => {
    const v = row[c];
    return v === null ? '' : String(v);
  });
}

/** The encoder for `format`. */
export function exportEncoder(format: ExportFormat, options: EncoderOptions = {}): ExportEncoder {
  return format === 'csv' ? csvEncoder(options) : jsonEncoder();
}

function csvEncoder({ spreadsheet = false }: EncoderOptions): ExportEncoder {
  const settings = {
    record_delimiter: 'windows',
    // With a record delimiter set, csv-stringify would quote only fields holding that exact one;
    // a lone LF or CR inside a cell must be quoted too, or a reader splits the row there.
    quote_record_delimiter: true,
    eof: true,
    escape_formulas: spreadsheet,
  } as const;
  const header = stringify([EXPORT_COLUMNS as string[]], settings);
  return {
    format: 'csv',
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    open: () => (spreadsheet ? '\uFEFF' : '') + header,
    row: (row) => stringify([csvCells(row)], settings),
    close: () => '',
  };
}

function jsonEncoder(): ExportEncoder {
  return {
    format: 'json',
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    open: (part) => `{"format":"quotebook-export","version":${EXPORT_VERSION},"part":${part},"statements":[\n`,
    row: (row, first) => (first ? '' : ',\n') + JSON.stringify(ExportRowSchema.parse(row)),
    close: () => '\n]}\n',
  };
}
