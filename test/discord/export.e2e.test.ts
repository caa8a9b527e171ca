/**
 * `/export` through the strict fake Discord with the real gateway bot and commands: the CSV arrives
 * as a multipart upload on the edit of the original response and parses back into exactly the
 * statements of every base the server answers from (shared folder and its library); a bad format
 * is a short ephemeral message; files beyond one message's upload limit go in follow-up messages,
 * each within the limit, none refused.
 */
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { defineCommand, type AnyCommand } from '../../src/core/command';
import { MAX_UPLOAD_BYTES } from '../../src/core/limits';
import { csvCells } from '../../src/answer/exportEncode';
import { EXPORT_COLUMNS, ExportFileSchema, exportRows } from '../../src/answer/exportRows';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { GatewayHandle } from '../../src/discord/gateway';
import { markdownArticle, tempKnowledge } from '../fixtures';
import { startTestGateway } from '../support/gateway';
import { chatInput, startFakeDiscord, type FakeDiscord } from './fakeDiscord';
import { captureLogger } from './helpers';
import { visibleText } from './limits';

const ACROSS_DIR = join(import.meta.dirname, '..', 'fixtures', 'across');

/** A test-only command answering with two files that cannot share one message (6 MiB each). */
const twoBigFiles = defineCommand({
  definition: { name: 'twofiles', description: 'test', options: [] },
  handle: () => ({
    command: 'twofiles',
    excerpts: [],
    notice: 'Two parts.',
    files: [1, 2].map((n) => ({ name: `part-${n}.csv`, contentType: 'text/csv', description: `part ${n}`, data: new Uint8Array(6 * 1024 * 1024).fill(0x40 + n) })),
  }),
}) as unknown as AnyCommand;

let fake: FakeDiscord;
let bot: GatewayHandle;
let shared: KnowledgeBase;
let library: KnowledgeBase;
const log = captureLogger();

beforeAll(async () => {
  fake = await startFakeDiscord();
  shared = await loadKnowledgeBase(ACROSS_DIR);
  library = await loadKnowledgeBase(
    tempKnowledge({ 'club.md': markdownArticle({ id: 'club-notes', title: 'Club, "notes"' }, ['“We will read it all, @everyone,” said Ana Ruiz, the club president.']) }),
  );
  bot = await startTestGateway(fake, {
    getKnowledgeBase: () => shared,
    knowledgeFor: async () => [shared, library],
    commands: [...commands, twoBigFiles],
    logger: log.logger,
  });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('/export through the gateway', () => {
  it('format:csv: deferred, then the CSV is uploaded with the edit and parses back into every statement of the shared folder and the library', async () => {
    const interaction = chatInput('export', { format: 'csv' });
    fake.dispatch(interaction);
    expect(((await fake.nextCallback(interaction.id)).body as { type: number }).type).toBe(5);
    const edit = await fake.nextWebhook(interaction.token, 'PATCH', 30_000);
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(edit.files?.map((f) => [f.field, f.filename, f.contentType])).toEqual([['files[0]', 'quotebook-statements.csv', 'text/csv; charset=utf-8']]);
    expect(edit.body).toMatchObject({ attachments: [{ id: '0', filename: 'quotebook-statements.csv' }], allowed_mentions: { parse: [] } });
    const parsed = parse(edit.files![0]!.data.toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    const expected = [...exportRows([shared, library])].map((r) => Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, csvCells(r)[i]])));
    expect(parsed).toEqual(expected);
    expect(parsed.some((r) => r.article_id === 'club-notes' && r.speaker === 'Ana Ruiz')).toBe(true);
    expect(visibleText(edit.body)).toMatch(new RegExp(`${expected.length} statements from ${shared.articles.length + 1} articles as CSV`));
    expect(fake.refused()).toEqual([]);
  }, 60_000);

  it('format:json article:…: one article, valid against the schema', async () => {
    const interaction = chatInput('export', { format: 'json', article: 'club-notes' });
    fake.dispatch(interaction);
    await fake.nextCallback(interaction.id);
    const edit = await fake.nextWebhook(interaction.token, 'PATCH', 30_000);
    const file = ExportFileSchema.parse(JSON.parse(edit.files![0]!.data.toString('utf8')));
    expect(file.statements.map((s) => [s.article_id, s.speaker])).toEqual([['club-notes', 'Ana Ruiz']]);
    expect(edit.files![0]!.filename).toBe('quotebook-statements-club-notes.json');
  }, 60_000);

  it('a bad format is a short private message, no file', async () => {
    const interaction = chatInput('export', { format: '@everyone' });
    fake.dispatch(interaction);
    const reply = (await fake.nextCallback(interaction.id)).body as { type: number; data: { content: string; flags: number; allowed_mentions: unknown } };
    expect(reply.type).toBe(4);
    expect(reply.data.flags).toBe(64);
    expect(reply.data.content).toMatch(/csv or json/);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('files over one message’s limit: the first with the answer, the next in a follow-up, each within the limit', async () => {
    const interaction = chatInput('twofiles');
    fake.dispatch(interaction);
    await fake.nextCallback(interaction.id);
    const edit = await fake.nextWebhook(interaction.token, 'PATCH', 30_000);
    const follow = await fake.nextWebhook(interaction.token, 'POST', 30_000);
    expect(edit.files?.map((f) => f.filename)).toEqual(['part-1.csv']);
    expect(follow.files?.map((f) => f.filename)).toEqual(['part-2.csv']);
    for (const r of [edit, follow]) expect(r.files!.reduce((n, f) => n + f.data.length, 0)).toBeLessThanOrEqual(MAX_UPLOAD_BYTES);
    expect(follow.files![0]!.data.every((b) => b === 0x42)).toBe(true);
    expect(visibleText(follow.body)).toContain('File 2 of 2: part-2.csv');
    expect(fake.refused()).toEqual([]);
  }, 60_000);
});
