/**
 * `/export`: the CSV parses back (csv-parse, RFC 4180) into exactly the statements, row by row,
 * hostile text included; the JSON validates against the zod schema it is made from and against
 * the published JSON Schema; a group's correction is exported with its flag and speaker; one
 * article alone; an export over the part size comes in numbered parts that each stand alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { exportAnswer } from '../../src/answer/export';
import { csvCells, exportEncoder, looksLikeFormula } from '../../src/answer/exportEncode';
import { exportText, packParts } from '../../src/answer/exportParts';
import { EXPORT_COLUMNS, ExportFileSchema, exportJsonSchema, exportRows, type ExportRow } from '../../src/answer/exportRows';
import type { SpeakerOverrides } from '../../src/core/corrections';
import { UserInputError } from '../../src/core/errors';
import { markdownArticle, tempKnowledge } from '../fixtures';

const ACROSS_DIR = join(import.meta.dirname, '..', 'fixtures', 'across');
const SCHEMA_FILE = join(import.meta.dirname, '..', '..', 'docs', 'export.schema.json');

/** Statements with hostile text the engine does find (checked below: each is exported). */
const HOSTILE = [
  'Smith said that @everyone should vote, “+1, or -1”, and that <@123> was wrong.',
  '“Commas, quotes \'"\' — naïve café 日本語 😀 \u202Ertl,” Mary Jones, the mayor, said.',
  'Jones said =SUM(A1:A9) was the formula, and Smith said -10 degrees was too cold.',
  'Jones said @everyone would hear of it.',
];

let hostile: KnowledgeBase;
let across: KnowledgeBase;
beforeAll(async () => {
  const dir = tempKnowledge({
    'hostile.md': markdownArticle({ id: 'hostile', title: '=HYPERLINK("http://x"), "quoted", @everyone' }, ['John Smith, a senator, spoke first.', ...HOSTILE]),
  });
  hostile = await loadKnowledgeBase(dir);
  across = await loadKnowledgeBase(ACROSS_DIR);
});

/** A row as the CSV holds it: every value a string, absent values empty. */
const asCsv = (r: ExportRow) => Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, csvCells(r)[i]!])) as Record<string, string>;
const text = (data: Uint8Array | undefined) => Buffer.from(data!).toString('utf8');
/** What spreadsheet mode should make of a cell (OWASP: a leading apostrophe before a formula start). */
const formulaSafe = (cell: string) => (looksLikeFormula(cell) ? `'${cell}` : cell);
const parseCsv = (csv: string) => parse(csv, { columns: true, bom: true }) as Array<{ [K in keyof ExportRow]: string }>;

/** Hand-made rows: what no article parse would produce, every character class that breaks CSV writers. */
function handRows(): ExportRow[] {
  const nasty = ['\uFF1Dcmd', 'a,b', 'say "hi"', 'line\nbreak', 'cr\rreturn', 'crlf\r\nend', ' padded ', '', '=cmd|\' /C calc\'!A0', '+1', '-1', '@everyone <@123>', '\tTab', '😀 日本語 \u202E', '"', ',', '\n'];
  return nasty.map((t, i) => ({
    article_id: `a${i}`,
    article_title: t,
    article_url: i % 2 ? null : `https://example.org/${i}?q=a,b`,
    article_date: null,
    paragraph: i + 1,
    start: i,
    end: i + t.length,
    kind: i % 2 ? 'direct' : 'indirect',
    speaker: i % 3 ? t : null,
    role: null,
    affiliation: t,
    party: null,
    source: t || 'an unnamed source',
    corrected: i % 2 === 0,
    text: t,
  }));
}

describe('CSV', () => {
  it('hand-made hostile cells parse back exactly (quotes, commas, CR, LF, CRLF, tabs, unicode, =cmd, @everyone)', async () => {
    const rows = handRows();
    const csv = [...exportText(rows, exportEncoder('csv'))].join('');
    expect(csv.split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(parseCsv(csv)).toEqual(rows.map(asCsv));
    // RFC 4180 to the letter: CRLF after every record, and a strict parser agrees on the row count.
    expect(csv.endsWith('\r\n')).toBe(true);
    // A reader that ends a record at a lone CR or LF too (Python's csv, spreadsheets) sees the same rows:
    // every line break inside a cell is quoted.
    expect(parse(csv, { columns: true, record_delimiter: ['\r\n', '\n', '\r'] })).toEqual(rows.map(asCsv));
  });

  it('the statements of a hostile article parse back row by row, and every text is the body between its offsets', async () => {
    const rows = [...exportRows([hostile])];
    // Each hostile paragraph gives at least one statement: the test exercises what it claims to.
    for (const p of HOSTILE) expect(rows.some((r) => p.includes(r.text))).toBe(true);
    expect(rows.some((r) => r.text.startsWith('=') || r.text.startsWith('@') || r.text.startsWith('-'))).toBe(true);
    const answer = await exportAnswer([hostile], { format: 'csv' });
    const parsed = parseCsv(text(answer.files![0]!.data));
    expect(parsed).toEqual(rows.map(asCsv));
    const body = hostile.articles[0]!.body;
    for (const r of rows) expect(body.slice(r.start, r.end)).toBe(r.text);
    expect(parsed[0]!.article_title).toBe('=HYPERLINK("http://x"), "quoted", @everyone');
  });

  it('every column the issue asks for, from the engine as excerpt cards show it', async () => {
    const rows = [...exportRows([across])];
    expect(EXPORT_COLUMNS).toEqual(['article_id', 'article_title', 'article_url', 'article_date', 'paragraph', 'start', 'end', 'kind', 'speaker', 'role', 'affiliation', 'party', 'source', 'corrected', 'text']);
    const sullivan = rows.find((r) => r.speaker === 'Jake Sullivan')!;
    expect(sullivan).toMatchObject({ party: 'United States', corrected: false });
    expect(sullivan.source).toMatch(/^Jake Sullivan/);
    expect(rows.every((r) => r.kind === 'direct' || r.kind === 'indirect')).toBe(true);
    // The number of statements the engine found, no more (no narration), no less.
    expect(rows).toHaveLength(across.articles.reduce((n, a) => n + across.analysis(a.id).statements.length, 0));
    // The cited paragraph holds the statement's start.
    for (const r of rows) {
      const p = across.article(r.article_id)!.paragraphs.find((x) => x.number === r.paragraph)!;
      expect(r.start).toBeGreaterThanOrEqual(p.bodyStart);
      expect(r.start).toBeLessThan(p.bodyStart + p.text.length);
    }
  });

  it('plain CSV keeps formula-like cells verbatim and says so; spreadsheet:true adds a BOM and neutralises them', async () => {
    const plain = await exportAnswer([hostile], { format: 'csv' });
    expect(text(plain.files![0]!.data).charCodeAt(0)).not.toBe(0xfeff);
    expect(plain.notice).toMatch(/begin with = \+ - or @.*spreadsheet:true/);
    const safe = await exportAnswer([hostile], { format: 'csv', spreadsheet: true });
    const csv = text(safe.files![0]!.data);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(safe.notice).not.toMatch(/formula/);
    const parsed = parseCsv(csv);
    const rows = [...exportRows([hostile])];
    expect(parsed).toEqual(rows.map((r) => Object.fromEntries(Object.entries(asCsv(r)).map(([k, v]) => [k, formulaSafe(v)]))));
    expect(parsed.some((r) => r.text.startsWith("'=SUM"))).toBe(true);
    for (const r of parsed) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    expect(formulaSafe('fine')).toBe('fine');
    expect(formulaSafe('@everyone')).toBe("'@everyone");
  });
});

describe('JSON', () => {
  it('validates against the zod schema and the published JSON Schema (docs/export.schema.json, kept in step)', async () => {
    const answer = await exportAnswer([across, hostile], { format: 'json' });
    const doc = JSON.parse(text(answer.files![0]!.data)) as unknown;
    const file = ExportFileSchema.parse(doc);
    expect(file.statements).toEqual([...exportRows([across, hostile])]);
    expect(file.part).toBe(1);
    if (process.env.UPDATE_EXPORT_SCHEMA) writeFileSync(SCHEMA_FILE, JSON.stringify(exportJsonSchema(), null, 2) + '\n');
    const published = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
    // Regenerate with UPDATE_EXPORT_SCHEMA=1 npx vitest run test/export/export.test.ts
    expect(published).toEqual(exportJsonSchema());
    const validate = new Ajv2020({ strict: false }).compile(published);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    // The schema refuses what the format forbids (it is a real check, not an accept-all).
    const broken = structuredClone(doc) as { statements: Array<Record<string, unknown>> };
    broken.statements[0]!.kind = 'narration';
    expect(validate(broken)).toBe(false);
    expect(ExportFileSchema.safeParse(broken).success).toBe(false);
  });

  it('a row the schema refuses is never written', () => {
    const bad = { ...handRows()[0]!, paragraph: 0 };
    expect(() => exportEncoder('json').row(bad, true)).toThrow();
  });
});

describe('corrections by the group', () => {
  it('a statement with an accepted correction is exported with the flag and the corrected speaker; the others keep the engine’s', async () => {
    const rows = [...exportRows([across])];
    const target = rows.find((r) => r.speaker === 'Jake Sullivan')!;
    const unnamed = rows.find((r) => r !== target && r.speaker !== null)!;
    const overrides: SpeakerOverrides = (articleId, content) => {
      if (articleId === target.article_id && content.start === target.start && content.end === target.end) {
        return { speaker: { name: 'Chung Eui-yong', role: 'foreign minister' }, source: 'Chung Eui-yong, foreign minister' };
      }
      if (articleId === unnamed.article_id && content.start === unnamed.start && content.end === unnamed.end) return { speaker: null, source: 'an unnamed source' };
      return undefined;
    };
    const answer = await exportAnswer([across], { format: 'csv', overrides });
    const parsed = parseCsv(text(answer.files![0]!.data));
    const at = (r: ExportRow) => parsed.find((p) => p.article_id === r.article_id && p.start === String(r.start))!;
    expect(at(target)).toMatchObject({ corrected: 'true', speaker: 'Chung Eui-yong', role: 'foreign minister', affiliation: '', source: 'Chung Eui-yong, foreign minister', text: target.text });
    expect(at(unnamed)).toMatchObject({ corrected: 'true', speaker: '', role: '', party: '', source: 'an unnamed source' });
    expect(parsed.filter((p) => p.corrected === 'true')).toHaveLength(2);
    const untouched = rows.filter((r) => r !== target && r !== unnamed);
    for (const r of untouched) expect(at(r)).toEqual(asCsv(r));
  });
});

describe('scope and errors', () => {
  it('article: exports that article alone; an unknown id or format is a short user error', async () => {
    const id = across.articles[1]!.id;
    const answer = await exportAnswer([hostile, across], { format: 'csv', articleId: id.toUpperCase() });
    const parsed = parseCsv(text(answer.files![0]!.data));
    expect(parsed.length).toBe(across.analysis(id).statements.length);
    expect(new Set(parsed.map((r) => r.article_id))).toEqual(new Set([id]));
    expect(answer.files![0]!.name).toBe(`quotebook-statements-${id}.csv`);
    await expect(exportAnswer([across], { format: 'csv', articleId: 'no-such-article' })).rejects.toThrow(UserInputError);
    await expect(exportAnswer([across], { format: 'xlsx' })).rejects.toThrow(/csv or json/);
    await expect(exportAnswer([across], { format: undefined })).rejects.toThrow(UserInputError);
  });

  it('a library with no statements: a notice, no file', async () => {
    const empty = await loadKnowledgeBase(tempKnowledge({ 'quiet.md': markdownArticle({ id: 'quiet' }, ['The weather was mild.']) }));
    const answer = await exportAnswer([empty], { format: 'json' });
    expect(answer.files).toBeUndefined();
    expect(answer.notice).toMatch(/Nothing to export/);
  });
});

describe('splitting above the upload limit', () => {
  it('numbered parts, each within the limit and a complete file; together exactly the statements', async () => {
    const rows = [...exportRows([across, hostile])];
    for (const format of ['csv', 'json'] as const) {
      const whole = await exportAnswer([across, hostile], { format });
      const size = whole.files![0]!.data!.byteLength;
      const partBytes = Math.ceil(size / 3);
      const answer = await exportAnswer([across, hostile], { format, partBytes });
      const files = answer.files!;
      expect(files.length).toBeGreaterThanOrEqual(3);
      expect(files.map((f) => f.name)).toEqual(files.map((_, i) => `quotebook-statements-part-${i + 1}-of-${files.length}.${format}`));
      expect(answer.notice).toMatch(new RegExp(`${files.length} numbered parts`));
      for (const f of files) expect(f.data!.byteLength).toBeLessThanOrEqual(partBytes);
      const back =
        format === 'csv'
          ? files.flatMap((f) => parseCsv(text(f.data)))
          : files.flatMap((f, i) => {
              const file = ExportFileSchema.parse(JSON.parse(text(f.data)));
              expect(file.part).toBe(i + 1);
              return file.statements.map(asCsv);
            });
      expect(back).toEqual(rows.map(asCsv));
    }
  });

  it('parts are cut between rows only, and past the part cap the export is refused, never cut short', async () => {
    const rows = handRows();
    const packed = await packParts(rows, exportEncoder('csv'), { partBytes: 300, maxParts: 100 });
    expect(packed.rows).toBe(rows.length);
    for (const p of packed.parts) expect(parseCsv(Buffer.from(p).toString('utf8')).length).toBeGreaterThan(0);
    await expect(exportAnswer([across, hostile], { format: 'csv', partBytes: 400, maxParts: 2 })).rejects.toThrow(/too large to send here.*article:/);
  });
});
