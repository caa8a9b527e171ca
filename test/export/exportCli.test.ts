/**
 * The console's export: `npm start --silent -- --export csv > quotes.csv` writes the same file
 * `/export` sends, on stdout and nothing else there (logs go to stderr); `--article` and
 * `--spreadsheet` narrow and shape it; a bad format or id is one line on stderr and exit code 2.
 * And `/export` in JSON mode writes the file and prints its path, like /chart.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCells } from '../../src/answer/exportEncode';
import { EXPORT_COLUMNS, ExportFileSchema, exportRows } from '../../src/answer/exportRows';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { runMain } from '../cli/runMain';

const ACROSS_DIR = join(import.meta.dirname, '..', 'fixtures', 'across');
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledgeBase(ACROSS_DIR);
  // The console's own library lives in a database; an empty one in a temporary folder.
  process.env.DATABASE_URL = `sqlite:${join(mkdtempSync(join(tmpdir(), 'quotebook-db-')), 'library.db')}`;
});

afterAll(() => {
  delete process.env.DATABASE_URL;
});

const args = (...rest: string[]) => ['--no-cache', '--no-watch', '--knowledge', ACROSS_DIR, ...rest];
const asCsv = (r: ReturnType<typeof exportRows> extends Generator<infer R> ? R : never) => Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, csvCells(r)[i]]));

describe('npm start -- --export', () => {
  it('csv: every statement on stdout, parsed back row by row', async () => {
    const run = await runMain(args('--export', 'csv'));
    expect(run.code, run.stderr).toBe(0);
    expect(parse(run.stdout, { columns: true })).toEqual([...exportRows([kb])].map(asCsv));
  }, 60_000);

  it('json --article: one article, valid against the schema; --spreadsheet: a BOM', async () => {
    const id = kb.articles[0]!.id;
    const run = await runMain(args('--export', 'json', '--article', id));
    expect(run.code, run.stderr).toBe(0);
    const file = ExportFileSchema.parse(JSON.parse(run.stdout));
    expect(file.statements).toEqual([...exportRows([kb], { articleId: id })]);
    const sheet = await runMain(args('--export', 'csv', '--spreadsheet'));
    expect(sheet.stdout.charCodeAt(0)).toBe(0xfeff);
  }, 60_000);

  it('a bad format or article id: one line on stderr, nothing on stdout, exit code 2', async () => {
    for (const bad of [['--export', 'xlsx'], ['--export', 'csv', '--article', 'no-such-id']]) {
      const run = await runMain(args(...bad));
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 60_000);

  it('/export in JSON mode writes the file to OUTPUT_DIR and prints its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotebook-out-'));
    process.env.OUTPUT_DIR = dir;
    try {
      const run = await runMain(['--json', ...args('/export format:csv')]);
      expect(run.code, run.stderr).toBe(0);
      const answer = JSON.parse(run.stdout) as { notice: string; files: Array<{ path: string; data?: unknown }> };
      expect(answer.files[0]!.path).toBe(join(dir, 'quotebook-statements.csv'));
      expect(existsSync(answer.files[0]!.path)).toBe(true);
      expect(parse(readFileSync(answer.files[0]!.path, 'utf8'), { columns: true })).toHaveLength([...exportRows([kb])].length);
    } finally {
      delete process.env.OUTPUT_DIR;
    }
  }, 60_000);
});
