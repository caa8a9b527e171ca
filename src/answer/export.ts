/**
 * `/export`: every statement the server answers from (the shared knowledge folder and the server's
 * own library), or one article's, as a CSV or JSON file attachment. An export larger than one
 * upload comes in numbered parts, each a complete file; one far larger is refused with what to do
 * instead (export an article at a time), never cut short.
 */
import type { Answer, Attachment } from '../core/answer';
import type { SpeakerOverrides } from '../core/corrections';
import { UserInputError } from '../core/errors';
import { MAX_UPLOAD_BYTES } from '../core/limits';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { articleFilter } from './filters';
import { EXPORT_FORMATS, exportEncoder, looksLikeFormula, type ExportFormat } from './exportEncode';
import { ExportTooLarge, packParts } from './exportParts';
import { exportRows, type ExportRow } from './exportRows';

/** Room left in each upload for the message and the multipart framing around the file. */
const MESSAGE_ROOM = 256 * 1024;
/** Default part size: one part per message within Discord's upload limit. */
export const EXPORT_PART_BYTES = MAX_UPLOAD_BYTES - MESSAGE_ROOM;
/** Parts at most (≈ 50 MiB held while sending): past it the export is refused, not truncated. */
export const MAX_EXPORT_PARTS = 5;

export interface ExportRequest {
  format: string | undefined;
  articleId?: string | undefined;
  spreadsheet?: boolean | undefined;
  overrides?: SpeakerOverrides | undefined;
  /** Part size (tests use a small one). */
  partBytes?: number;
  maxParts?: number;
}

/** The checked format, or a short user error. */
export function exportFormat(format: string | undefined): ExportFormat {
  const f = (format ?? '').trim().toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new UserInputError(`Pick a format: ${EXPORT_FORMATS.join(' or ')} (e.g. /export format:csv).`);
  return f as ExportFormat;
}

/** The bases an export reads: all of them, or the one holding `articleId` (a user error when none does). */
export function exportBases(bases: readonly KnowledgeBase[], articleId: string | undefined): readonly KnowledgeBase[] {
  if (!articleId?.trim()) return bases;
  const id = articleId.trim().toLowerCase();
  const holding = bases.filter((kb) => kb.article(id) !== undefined);
  if (holding.length) return holding;
  articleFilter(bases[0]!, articleId); // throws the usual "No article with id …" message
  return [];
}

/** The `/export` answer: the file (or numbered parts) in `files`, what it holds in `notice`. */
export async function exportAnswer(bases: readonly KnowledgeBase[], request: ExportRequest): Promise<Answer> {
  const format = exportFormat(request.format);
  const scoped = exportBases(bases, request.articleId);
  const encoder = exportEncoder(format, { spreadsheet: request.spreadsheet === true });
  const only = request.articleId?.trim().toLowerCase() || undefined;
  const rows = exportRows(scoped, { ...(only ? { articleId: only } : {}), ...(request.overrides ? { overrides: request.overrides } : {}) });
  const warnFormulas = format === 'csv' && !request.spreadsheet;
  let packed;
  try {
    packed = await packParts(rows, encoder, { partBytes: request.partBytes ?? EXPORT_PART_BYTES, maxParts: request.maxParts ?? MAX_EXPORT_PARTS }, warnFormulas ? formulaCells : undefined);
  } catch (err) {
    if (!(err instanceof ExportTooLarge)) throw err;
    throw new UserInputError(
      `That export is too large to send here (over ${mib(err.bytesSoFar)} after ${count(err.rowsSoFar)} statements). ` +
        'Export one article at a time with article:, or ask the bot’s operator for the console export (npm start -- --export csv).',
    );
  }
  if (packed.rows === 0) {
    return { command: 'export', excerpts: [], notice: `Nothing to export: no statements${only ? ' in that article' : ' in the loaded articles'}.` };
  }
  const base = `quotebook-statements${only ? `-${only}` : ''}`;
  const n = packed.parts.length;
  const files: Attachment[] = packed.parts.map((data, i) => ({
    name: n === 1 ? `${base}.${encoder.extension}` : `${base}-part-${i + 1}-of-${n}.${encoder.extension}`,
    contentType: encoder.contentType,
    description: `${format.toUpperCase()} export of ${count(packed.rows)} statements${n > 1 ? `, part ${i + 1} of ${n}` : ''}`,
    data,
  }));
  const total = packed.parts.reduce((s, p) => s + p.byteLength, 0);
  const notes = [
    `${count(packed.rows)} statement${packed.rows === 1 ? '' : 's'} from ${count(packed.articles)} article${packed.articles === 1 ? '' : 's'} as ${format.toUpperCase()} (${mib(total)}).`,
    'Direct quotes and paraphrases, verbatim; the reporter’s narration is not exported.',
  ];
  if (n > 1) notes.push(`Too large for one upload: ${n} numbered parts, each a complete file${format === 'csv' ? ' with its own header line' : ''}.`);
  if (packed.formulaCells > 0) {
    notes.push(`${count(packed.formulaCells)} cell${packed.formulaCells === 1 ? ' begins' : 's begin'} with = + - or @: a spreadsheet app may run ${packed.formulaCells === 1 ? 'it' : 'them'} as a formula. For Excel or Sheets, export with spreadsheet:true.`);
  }
  return { command: 'export', excerpts: [], notice: notes.join(' '), files };
}

/** How many cells of a row a spreadsheet app would take for a formula. */
function formulaCells(row: ExportRow): number {
  let n = 0;
  for (const v of Object.values(row)) if (typeof v === 'string' && looksLikeFormula(v)) n++;
  return n;
}

const count = (n: number) => n.toLocaleString('en-US');

function mib(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
