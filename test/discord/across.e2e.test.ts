/**
 * /chart and /timeline through the strict fake Discord, with the real commands over the
 * cross-article fixtures: in gateway mode and over the HTTP interactions endpoint, the chart PNG
 * arrives as a multipart upload (`payload_json` + `files[0]`) on the edit of the original
 * response, shown by the embed as `attachment://…` with alt text; a timeline is a paged list
 * whose Next button works.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { GatewayHandle } from '../../src/discord/gateway';
import { runHttp, type HttpHandle } from '../../src/discord/http';
import { CHART_WIDTH } from '../../src/chart/spec';
import { startTestGateway } from '../support/gateway';
import { buttonPress, chatInput, startFakeDiscord, type FakeDiscord } from './fakeDiscord';
import { captureLogger, postSignedInteraction } from './helpers';
import { visibleText } from './limits';

const ACROSS_DIR = join(import.meta.dirname, '..', 'fixtures', 'across');
const keys = generateKeyPairSync('ed25519');
function rawPublicKeyHex(key: KeyObject): string {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
}

let fake: FakeDiscord;
let bot: GatewayHandle;
let http: HttpHandle;
let kb: KnowledgeBase;
const log = captureLogger();

beforeAll(async () => {
  fake = await startFakeDiscord();
  kb = await loadKnowledgeBase(ACROSS_DIR);
  const deps = { getKnowledgeBase: () => kb, commands, logger: log.logger, restApi: fake.api };
  bot = await startTestGateway(fake, deps);
  http = await runHttp({ ...deps, config: { publicKey: rawPublicKeyHex(keys.publicKey), rateLimitPerMinute: 1000 }, port: 0, host: '127.0.0.1' });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await http?.close();
  await fake?.close();
});

type Body = { embeds?: Array<{ title?: string; image?: { url: string }; fields?: Array<{ name: string; value: string }> }>; attachments?: Array<{ id: string; filename: string; description?: string }>; components?: unknown[] };

function checkChartUpload(edit: Awaited<ReturnType<FakeDiscord['nextWebhook']>>) {
  expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
  const body = edit.body as Body;
  expect(body.attachments).toEqual([{ id: '0', filename: 'quotebook-speakers.png', description: expect.stringMatching(/^Bar chart\. Who is quoted most/) }]);
  expect(body.embeds?.some((e) => e.image?.url === 'attachment://quotebook-speakers.png')).toBe(true);
  expect(edit.files?.map((f) => [f.field, f.filename, f.contentType])).toEqual([['files[0]', 'quotebook-speakers.png', 'image/png']]);
  const png = PNG.sync.read(edit.files![0]!.data);
  expect(png.width).toBe(CHART_WIDTH);
  expect(png.height).toBeGreaterThan(100);
  expect(visibleText(body)).toContain('Who is quoted most');
}

describe('gateway', () => {
  it('/chart: deferred, then the PNG is uploaded with the edit of the original response', async () => {
    const interaction = chatInput('chart', { of: 'speakers' });
    fake.dispatch(interaction);
    const callback = await fake.nextCallback(interaction.id);
    expect((callback.body as { type: number }).type).toBe(5);
    checkChartUpload(await fake.nextWebhook(interaction.token, 'PATCH', 30_000));
    expect(fake.refused()).toEqual([]);
  }, 60_000);

  it('/chart hide:true stays ephemeral', async () => {
    const interaction = chatInput('chart', { of: 'speakers', hide: true });
    fake.dispatch(interaction);
    const callback = (await fake.nextCallback(interaction.id)).body as { type: number; data?: { flags?: number } };
    expect(callback).toMatchObject({ type: 5, data: { flags: 64 } });
    checkChartUpload(await fake.nextWebhook(interaction.token, 'PATCH', 30_000));
  }, 60_000);

  it('/timeline: a list of dated lines; a bad option is a short ephemeral message', async () => {
    const interaction = chatInput('timeline', { speaker: 'Sullivan' });
    fake.dispatch(interaction);
    const reply = (await fake.nextCallback(interaction.id)).body as { type: number; data: Body & { content: string } };
    expect(reply.type).toBe(4);
    expect(reply.data.content).toContain('8 statements');
    const fields = reply.data.embeds![0]!.fields!;
    expect(fields.map((f) => f.name.slice(0, 10))).toEqual(['2021-11-28', '2021-11-28', '2021-11-28', '2021-11-28', '2021-11-29', '2021-11-29', '2021-11-30', '2021-11-30']);
    const bad = chatInput('timeline', { speaker: 'Sullivan', party: 'us' });
    fake.dispatch(bad);
    const refusal = (await fake.nextCallback(bad.id)).body as { data: { content: string; flags: number } };
    expect(refusal.data.flags).toBe(64);
    expect(refusal.data.content).toMatch(/one of them/);
    expect(fake.refused()).toEqual([]);
  });

  it('/timeline paging: Next shows the next ten lines', async () => {
    // The Lopez fixture of the timeline tests is not loaded here: the party timeline of the US in
    // the seed and fixtures is short, so page with a temporary larger library instead.
    const { tempKnowledge, markdownArticle } = await import('../helpers');
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) {
      const d = String(i).padStart(2, '0');
      files[`d${d}.md`] = markdownArticle(
        { id: `day-${d}`, title: `Day ${d}`, publisher: 'Wire', author: 'A. Reporter', url: `https://example.org/${d}`, published: `2022-05-${d}` },
        [`"We will meet again on day ${d} to continue the talks in Vienna," said Maria Lopez, the chief negotiator.`],
      );
    }
    const before = kb;
    kb = await loadKnowledgeBase(tempKnowledge(files));
    try {
      const interaction = chatInput('timeline', { speaker: 'Lopez' });
      fake.dispatch(interaction);
      const reply = (await fake.nextCallback(interaction.id)).body as { data: Body & { content: string } };
      expect(reply.data.content).toContain('page 1/2');
      const next = JSON.stringify(reply.data.components).match(/"custom_id":"(p:timeline:1:[^"]*)"/)![1]!;
      const press = buttonPress(next);
      fake.dispatch(press);
      const update = (await fake.nextCallback(press.id)).body as { type: number; data: Body & { content: string } };
      expect(update.type).toBe(7);
      expect(update.data.content).toContain('page 2/2');
      expect(update.data.embeds![0]!.fields!.map((f) => f.name.slice(0, 10))).toEqual(['2022-05-11', '2022-05-12']);
      expect(fake.refused()).toEqual([]);
    } finally {
      kb = before;
    }
  });
});

describe('HTTP interactions endpoint', () => {
  it('/chart: the HTTP answer is the deferral, the PNG follows as a multipart edit', async () => {
    const interaction = chatInput('chart', { of: 'speakers' });
    const body = JSON.stringify(interaction);
    // The fake accepts webhook calls for interactions it knows; the edit may come right after the answer.
    fake.track(interaction, 5);
    const { status, text } = await postSignedInteraction(http.port, keys.privateKey, body);
    expect(status).toBe(200);
    expect((JSON.parse(text) as { type: number }).type).toBe(5);
    checkChartUpload(await fake.nextWebhook(interaction.token, 'PATCH', 30_000));
  }, 60_000);

  it('/timeline answers in the HTTP response', async () => {
    const interaction = chatInput('timeline', { party: 'south korea' });
    const { status, text } = await postSignedInteraction(http.port, keys.privateKey, JSON.stringify(interaction));
    expect(status).toBe(200);
    const reply = JSON.parse(text) as { type: number; data: Body };
    expect(reply.type).toBe(4);
    expect(reply.data.embeds![0]!.fields![0]!.value).toContain('Moon Jae-in');
  });
});
