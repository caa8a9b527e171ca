/**
 * Threads and file uploads through the strict fake Discord, with the real gateway bot and the
 * real commands: `thread:true` puts a long answer in a thread (created on the reply, every page
 * posted there, each body checked like Discord checks it), and the responder's upload helper
 * sends `payload_json` + `files[n]` that the fake parses and validates.
 */
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWithFiles, uploadName } from '../../src/discord/files';
import { restResponder } from '../../src/discord/restResponder';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { pageCount } from '../../src/discord/render';
import type { GatewayHandle } from '../../src/discord/gateway';
import { ask } from '../helpers';
import { startTestGateway } from '../support/gateway';
import { APP_ID, chatInput, startFakeDiscord, type FakeDiscord } from './fakeDiscord';
import { captureLogger } from './helpers';
import { visibleText } from './limits';

let fake: FakeDiscord;
let bot: GatewayHandle;
let kb: KnowledgeBase;
const log = captureLogger();

beforeAll(async () => {
  fake = await startFakeDiscord();
  kb = await loadKnowledgeBase('knowledge');
  bot = await startTestGateway(fake, { getKnowledgeBase: () => kb, logger: log.logger });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('thread:true', () => {
  it('a long answer: a short reply in the channel, a thread on it, every page posted in the thread', async () => {
    const expected = await ask('/search query:said', kb);
    const pages = pageCount(expected);
    expect(pages).toBeGreaterThan(1);
    const interaction = chatInput('search', { query: 'said', thread: true });
    fake.dispatch(interaction);
    const reply = (await fake.nextCallback(interaction.id)).body as { type: number; data: { content: string; embeds?: unknown[]; components?: unknown[] } };
    expect(reply.type).toBe(4);
    expect(reply.data.content).toMatch(/The whole answer is in the thread below/);
    expect(reply.data.embeds ?? []).toEqual([]);
    const created = await fake.waitFor((r) => r.method === 'POST' && /\/threads$/.test(r.path));
    expect(created.status).toBe(201);
    expect(created.headers.authorization).toMatch(/^Bot /);
    expect(created.body).toMatchObject({ name: '/search said' });
    const threadId = created.path.split('/')[6]!;
    const thread = fake.threads.get(threadId)!;
    const deadline = Date.now() + 10_000;
    while (thread.messages.length < pages && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(thread.messages).toHaveLength(pages);
    thread.messages.forEach((m, page) => {
      expect(m.path).toBe(`/api/v10/channels/${threadId}/messages`);
      expect(visibleText(m.body)).toContain(`page ${page + 1}/${pages}`);
      // No paging buttons in a thread: every page is there already.
      expect(JSON.stringify((m.body as { components?: unknown }).components ?? [])).not.toMatch(/custom_id/);
    });
    expect(fake.refused()).toEqual([]);
  });

  it('a one-page answer stays in the channel, with no thread', async () => {
    const interaction = chatInput('search', { query: 'armistice', thread: true });
    const before = fake.threads.size;
    fake.dispatch(interaction);
    const reply = (await fake.nextCallback(interaction.id)).body as { data: { embeds?: unknown[] } };
    expect(reply.data.embeds?.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.threads.size).toBe(before);
  });

  it('without permission to start threads (403 / 50013), the answer goes to the channel as usual', async () => {
    fake.switches.refuseThreads = true;
    try {
      const interaction = chatInput('search', { query: 'said', thread: true });
      fake.dispatch(interaction);
      await fake.nextCallback(interaction.id);
      const edit = await fake.nextWebhook(interaction.token, 'PATCH');
      expect(visibleText(edit.body)).toMatch(/page 1\//);
      expect((edit.body as { embeds: unknown[] }).embeds.length).toBeGreaterThan(0);
      expect(JSON.stringify((edit.body as { components: unknown }).components)).toMatch(/custom_id/);
      expect(log.lines.some((l) => l.msg === 'could not post the answer in a thread')).toBe(true);
    } finally {
      fake.switches.refuseThreads = false;
    }
  });

  it('in a DM, or with hide:true, the answer is not put in a (public) thread', async () => {
    const before = fake.threads.size;
    for (const interaction of [chatInput('search', { query: 'said', thread: true }, { dm: true }), chatInput('search', { query: 'said', thread: true, hide: true })]) {
      fake.dispatch(interaction);
      const reply = (await fake.nextCallback(interaction.id)).body as { data: { content: string; embeds?: unknown[] } };
      expect(reply.data.content).toMatch(/page 1\//);
      expect(reply.data.embeds?.length).toBeGreaterThan(0);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.threads.size).toBe(before);
  });
});

describe('file uploads (multipart: payload_json + files[n])', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const csv = Buffer.from('speaker,quotes\nJake Sullivan,3\n', 'utf8');

  async function deferred() {
    const interaction = chatInput('search', { query: 'x' });
    fake.track(interaction);
    const rest = new REST({ api: fake.api }).setToken('MTExMTExMTExMTExMTExMTEx.fake.token');
    const responder = restResponder(rest, { id: interaction.id, token: interaction.token, applicationId: APP_ID });
    await responder.callback({ type: 5 });
    return { interaction, responder };
  }

  it('the upload helper sends a chart and a CSV with the edit of the original response; the fake gets both files intact', async () => {
    const { interaction, responder } = await deferred();
    const message = { content: 'Export', embeds: [{ title: 'Chart', image: { url: `attachment://${uploadName('quotes chart.png')}` } }], allowed_mentions: { parse: [] as [] } };
    await sendWithFiles(responder, message, [{ name: 'quotes chart.png', data: png, contentType: 'image/png' }, { name: 'quotes.csv', data: csv, contentType: 'text/csv' }], 'edit-original');
    const edit = await fake.nextWebhook(interaction.token, 'PATCH');
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(edit.files?.map((f) => [f.field, f.filename, f.contentType])).toEqual([
      ['files[0]', 'quotes_chart.png', 'image/png'],
      ['files[1]', 'quotes.csv', 'text/csv'],
    ]);
    expect(edit.files![0]!.data.equals(png)).toBe(true);
    expect(edit.files![1]!.data.equals(csv)).toBe(true);
    expect(edit.body).toMatchObject({ attachments: [{ id: '0', filename: 'quotes_chart.png' }, { id: '1', filename: 'quotes.csv' }] });
  });

  it('a follow-up can carry files too', async () => {
    const { interaction, responder } = await deferred();
    await sendWithFiles(responder, { content: 'CSV', allowed_mentions: { parse: [] } }, [{ name: 'a.csv', data: csv }]);
    const post = await fake.nextWebhook(interaction.token, 'POST');
    expect(post.files?.[0]?.data.equals(csv)).toBe(true);
  });

  it('the fake refuses an embed showing a file that was not uploaded, and uploads over 10 MiB', async () => {
    const { interaction, responder } = await deferred();
    const missing = { content: 'x', embeds: [{ image: { url: 'attachment://missing.png' } }], allowed_mentions: { parse: [] as [] } };
    await expect(sendWithFiles(responder, missing, [{ name: 'chart.png', data: png }], 'edit-original')).rejects.toThrow();
    const refused = fake.refused().find((r) => r.path.includes(interaction.token))!;
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.error)).toContain('ATTACHMENT_NOT_FOUND');
    // The helper itself refuses to send more than Discord takes.
    await expect(sendWithFiles(responder, { allowed_mentions: { parse: [] } }, [{ name: 'big.bin', data: new Uint8Array(10 * 1024 * 1024 + 1) }])).rejects.toThrow(/limit/);
  });
});
