/**
 * `/library` and the "Add to library" message menu in HTTP interactions mode: real Ed25519
 * signatures (a key pair made here), the real HTTP endpoint, the strict fake Discord for the
 * deferred edits and follow-ups, a real SQLite store, pages on 127.0.0.1 (allow-listed here only),
 * a DNS stub and a connector that records instead of connecting anywhere else.
 *
 * Hostile messages given to "Add to library": no link, 30 links, a huge message full of markdown
 * and mentions, links to internal and metadata addresses (refused before any connection), a member
 * without permission. Each gets one short ephemeral message or the card; nothing pings; the
 * endpoint keeps answering.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { ADD_TO_LIBRARY_MENU } from '../../src/discord/definitions';
import { runHttp, type HttpHandle } from '../../src/discord/http';
import { importFromFile, makeImportFromUrl } from '../../src/ingest/web/index';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { LibraryService } from '../../src/library/service';
import { openLibraryStore } from '../../src/storage/open';
import type { LibraryStore } from '../../src/storage/libraryStore';
import { callbackProblems } from '../discord/discordRules';
import { APP_ID, chatInput, messageMenu, snowflake, startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../discord/fakeDiscord';
import { captureLogger } from '../discord/helpers';
import { assertNoLiveMentions, assertWithinDiscordLimits, visibleText } from '../discord/limits';
import { servePages, testOptions, type PageServer } from '../ingest/webHelpers';

const keys = generateKeyPairSync('ed25519');
const publicKeyHex = Buffer.from(keys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
const log = captureLogger();

function article(title: string, quote: string, who: string): string {
  return `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Lake Courier"></head><body><article><h1>${title}</h1>
<p>The lake authority met on Wednesday to decide how much water the new pumping station may draw each summer, and the vote was close.</p>
<p>"${quote}," said ${who}, who chairs the authority. "We owe the farmers and the fishermen the same fairness."</p>
<p>The station opens in June; the authority will review the limit after its first dry season, according to the minutes.</p>
</article></body></html>`;
}

let fake: FakeDiscord;
let pages: PageServer;
let server: HttpHandle;
let store: LibraryStore;
let shared: KnowledgeBase;
let dir: string;
const fetching = testOptions({}, { 'metadata.lake.test': ['169.254.169.254'], 'intranet.lake.test': ['10.0.0.1'] });

type Interaction = { id: string; token: string; type: number } & Record<string, unknown>;

function post(body: string): Promise<{ status: number; json?: { type: number; data?: Record<string, unknown> } }> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString('hex');
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: '/interactions', method: 'POST', headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = JSON.parse(text) as { type: number; data?: Record<string, unknown> };
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Outcome {
  /** The HTTP answer's type (4 answered, 5 deferred). */
  first: number;
  /** What the member finally reads: the answer, or the last edit or follow-up. */
  body: { content?: string; flags?: number; embeds?: Array<{ title?: string }>; allowed_mentions?: unknown };
  edits: RecordedRequest[];
}

/** The last message of a deferred reply: a follow-up, the card, or an edit that is not a progress step ("⏳ Fetching the page…"). */
function final(r: RecordedRequest): boolean {
  const body = (r.body ?? {}) as { embeds?: unknown[]; content?: string };
  return r.method === 'POST' || (r.method === 'PATCH' && ((body.embeds?.length ?? 0) > 0 || !(body.content ?? '').startsWith('⏳')));
}

/** Sends a signed interaction; a deferred one is followed until its final edit or follow-up. */
async function send(i: Interaction): Promise<Outcome> {
  const reply = await post(JSON.stringify(i));
  expect(reply.status, JSON.stringify(reply)).toBe(200);
  expect(callbackProblems(i.type, reply.json), 'what Discord would refuse in the HTTP answer').toEqual([]);
  fake.track(i, reply.json!.type);
  if (reply.json!.type !== 5) return { first: reply.json!.type, body: reply.json!.data as Outcome['body'], edits: [] };
  const last = await fake.waitFor((r) => r.path.startsWith(`/api/v10/webhooks/${APP_ID}/${i.token}`) && final(r), 15_000).catch((err: unknown) => {
    throw new Error(`${String(err)}; requests: ${JSON.stringify(fake.requests.filter((r) => r.path.includes(i.token)).map((r) => [r.method, r.path, r.body]))}`);
  });
  const edits = fake.requests.filter((r) => r.path.includes(i.token));
  for (const e of edits) {
    expect(e.status, JSON.stringify(e.error)).toBeLessThan(400);
    if (e.body === undefined) continue;
    assertWithinDiscordLimits(e.body as never);
    expect((e.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  }
  return { first: 5, body: last.body as Outcome['body'], edits };
}

function library(sub: string, options: Array<{ name: string; type: number; value: string }>, admin = true): Interaction {
  const i = chatInput('library', {}, { admin }) as unknown as Interaction & { data: Record<string, unknown> };
  i.data = { id: snowflake(), name: 'library', type: 1, options: [{ name: sub, type: 1, options }] };
  return i;
}

const menu = (content: string, admin = true) => messageMenu(ADD_TO_LIBRARY_MENU, content, { admin }) as unknown as Interaction;

async function whoSaid(phrase: string): Promise<string> {
  const o = await send(chatInput('who-said', { phrase }) as unknown as Interaction);
  return visibleText(o.body as never);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quotebook-library-http-'));
  shared = await loadKnowledgeBase('knowledge');
  pages = await servePages({
    '/pumps': (_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article('Lake authority caps pumping', 'No summer will leave the lake below its old shore', 'Karin Ekdahl')),
    '/ferry': (_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article('Ferry keeps its winter timetable', 'The ferry will keep running every two hours in winter', 'Pavel Novak')),
  });
  fake = await startFakeDiscord();
  store = await openLibraryStore({ databaseUrl: `sqlite:${join(dir, 'library.sqlite')}` });
  const lib = new LibraryService({
    store,
    shared: () => shared,
    importFromUrl: makeImportFromUrl(fetching.options),
    importFromFile,
    memoryBudgetBytes: 64 * 1024 * 1024,
    logger: log.logger,
  });
  server = await runHttp({
    config: { publicKey: publicKeyHex, rateLimitPerMinute: 1000 },
    getKnowledgeBase: () => shared,
    commands,
    logger: log.logger,
    restApi: fake.api,
    port: 0,
    host: '127.0.0.1',
    knowledgeFor: (guildId) => lib.segments(guildId),
    library: lib,
  });
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
  await pages?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/library over HTTP interactions', () => {
  it('/library add url: deferred, progress edits, the card; /who-said finds it; /library list shows it', async () => {
    const o = await send(library('add', [{ name: 'url', type: 3, value: `${pages.base}/pumps` }]));
    expect(o.first).toBe(5);
    expect(o.edits.some((e) => /Fetching the page/.test((e.body as { content?: string }).content ?? ''))).toBe(true);
    expect(o.body.embeds?.[0]?.title, JSON.stringify([o.body, o.edits.map((e) => [e.method, e.path, e.body])])).toBe('Lake authority caps pumping');
    expect(await whoSaid('below its old shore')).toContain('Karin Ekdahl');
    const list = await send(library('list', []));
    expect(visibleText(list.body as never)).toContain('Lake authority caps pumping');
  });

  it('"Add to library" on a message without a link or file: one short ephemeral message', async () => {
    for (const content of ['', 'just words, no link', '**bold** _it_ `code` @everyone <@123456789012345678> <#1> ||spoiler||', 'www.example.org is not a link without a scheme']) {
      const o = await send(menu(content));
      expect(o.body.flags! & 64).toBe(64);
      expect(o.body.content).toBe('That message has no link or attached file to add.');
    }
  });

  it('a message with 30 links adds only the first, fetching nothing else', async () => {
    const links = [`${pages.base}/ferry`, ...Array.from({ length: 29 }, (_, n) => `https://news${n}.example/story/${n}`)];
    const o = await send(menu(`Reading for Thursday: ${links.join(' and ')}`));
    expect(o.body.embeds?.[0]?.title).toBe('Ferry keeps its winter timetable');
    // Only the local page server was connected to: the 29 other links were never fetched.
    expect(fetching.rec.outside).toEqual([]);
    expect(await whoSaid('running every two hours in winter')).toContain('Pavel Novak');
  });

  it('a huge message full of markdown and mentions around a link: nothing pings, the duplicate is named', async () => {
    const noise = '**@everyone** <@&111111111111111111> <@222222222222222222> __x__ ~~y~~ > quote\n'.repeat(45);
    const o = await send(menu(`${noise.slice(0, 3800)} see <${pages.base}/pumps>.`));
    expect(o.body.flags! & 64).toBe(64);
    expect(o.body.content).toMatch(/^Already in this server's library: “Lake authority caps pumping”/);
    assertNoLiveMentions(o.body.content ?? '');
    expect(o.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('links to internal or metadata addresses are refused before any connection', async () => {
    const targets = ['http://169.254.169.254/latest/meta-data/', 'http://metadata.lake.test/computeMetadata/v1/', 'http://intranet.lake.test/wiki', 'http://10.0.0.1/', 'http://[::ffff:a9fe:a9fe]/', 'http://2852039166/'];
    for (const url of targets) {
      const o = await send(menu(`please add ${url}`));
      expect(o.body.flags! & 64, url).toBe(64);
      expect(o.body.content, url).toBe('That address points to a private or internal network, which Quotebook does not fetch.');
    }
    expect(fetching.rec.outside).toEqual([]);
    expect(fetching.rec.calls.every((c) => c.address === '127.0.0.1')).toBe(true);
  });

  it('a member without permission is refused; the endpoint still answers afterwards', async () => {
    const o = await send(menu(`${pages.base}/ferry`, false));
    expect(o.body.flags! & 64).toBe(64);
    expect(o.body.content).toMatch(/Only members with Manage Server/);
    expect(await whoSaid('below its old shore')).toContain('Karin Ekdahl');
  });

  it('nothing the bot sent was refused by the fake Discord', () => {
    expect(fake.refused().map((r) => `${r.method} ${r.path} ${JSON.stringify(r.error)}`)).toEqual([]);
  });
});
