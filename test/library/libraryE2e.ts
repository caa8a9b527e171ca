/**
 * Acceptance for per-server libraries (issue #13), end to end: the real gateway bot (discord.js)
 * against the strict fake Discord, a real store (`library.e2e.test.ts`: a SQLite file;
 * `library.postgres.e2e.test.ts`: PostgreSQL from `TEST_DATABASE_URL`), the real fetcher and
 * extractor on pages served on 127.0.0.1 (allow-listed here, never by default), the real
 * attachment download. A member adds a page by URL and by attachment, sees the progress edits and
 * the card, finds a quote with /who-said in that server only (not in another server, not in a
 * DM), the bot restarts on the same file and still finds it, then removal (and Undo) make it gone.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayHandle } from '../../src/discord/gateway';
import { attachmentFetcher } from '../../src/discord/attachments';
import { importFromFile, makeImportFromUrl } from '../../src/ingest/web/index';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { LibraryService } from '../../src/library/service';
import type { LibraryStore } from '../../src/storage/libraryStore';
import { buttonPress, chatInput, GUILD_ID, snowflake, startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../discord/fakeDiscord';
import { captureLogger } from '../discord/helpers';
import { assertNoLiveMentions, assertWithinDiscordLimits, visibleText } from '../discord/limits';
import { startTestGateway } from '../support/gateway';

const OTHER_GUILD = '555555555555555555';

function page(title: string, site: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="${site}">
<meta name="author" content="Mara Quill"><meta property="article:published_time" content="2026-11-20T08:00:00Z"></head>
<body><nav>Home · World · Sport</nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>© Coastal Gazette</footer></body></html>`;
}

const SEA_WALL = page('Harbour council backs new sea wall', 'Coastal Gazette', [
  'The harbour council voted on Tuesday to fund a new sea wall after a winter of record storm surges flooded the old fish market twice.',
  '"We cannot keep pumping seawater out of the market every February," said Ilse Brandt, the council\'s head of works. "The wall pays for itself in five winters."',
  'Fishermen were divided. Tomas Ferreira, who has sold cod at the market for thirty years, said the plan came too late for the stallholders who had already left.',
  '"The money should have been there a decade ago," Ferreira said. "Half of my neighbours have given up their stalls since then."',
  "Construction is expected to begin in the spring and to last about eighteen months, according to the council's published timetable.",
]);
const ORCHARD = page('Village orchard saved by volunteers', 'Valley News', [
  'Volunteers spent three weekends replanting the village orchard after a storm in October uprooted forty of its oldest apple trees.',
  '"Every tree here was planted by somebody\'s grandmother," said Petra Lindqvist, who organised the work. "Losing them felt like losing a family album."',
  'The parish has promised to pay for fencing so that deer cannot strip the young trees before they take root.',
  '"We will have apples again in four summers if the weather is kind," Lindqvist said, standing among rows of saplings.',
]);
const WALL_QUOTE = 'pays for itself in five winters';
const ORCHARD_QUOTE = 'losing a family album';

/** The store an end-to-end run uses: opened (again after a restart) in a temporary folder, removed at the end. */
export interface E2eStoreHarness {
  open(dir: string): Promise<LibraryStore>;
  cleanup(): Promise<void>;
}

/** Registers the end-to-end suite on one kind of store. */
export function describeLibraryE2e(name: string, harness: E2eStoreHarness): void {
  let fake: FakeDiscord;
  let pages: Server;
  let pagesBase: string;
  let dir: string;
  let shared: KnowledgeBase;
  let store: LibraryStore;
  let library: LibraryService;
  let bot: GatewayHandle | undefined;
  const log = captureLogger();

  async function startBot(): Promise<void> {
    store = await harness.open(dir);
    library = new LibraryService({
      store,
      shared: () => shared,
      importFromUrl: makeImportFromUrl({ allow: ['127.0.0.1'] }),
      importFromFile,
      memoryBudgetBytes: 64 * 1024 * 1024,
      logger: log.logger,
    });
    bot = await startTestGateway(fake, {
      getKnowledgeBase: () => shared,
      logger: log.logger,
      knowledgeFor: (guildId) => library.segments(guildId),
      library,
      // The "CDN" here is the local page server; in production only Discord's CDN hosts.
      fetchAttachment: attachmentFetcher({ hosts: [new URL(pagesBase).host] }),
    });
  }

  async function stopBot(): Promise<void> {
    await bot?.stop();
    bot = undefined;
    await store.close();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quotebook-library-'));
    shared = await loadKnowledgeBase('knowledge');
    pages = createServer((req, res) => {
      const body = req.url === '/news/sea-wall' ? SEA_WALL : req.url === '/attachments/orchard.html' ? ORCHARD : undefined;
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    pagesBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
    fake = await startFakeDiscord();
    await startBot();
  });

  afterAll(async () => {
    await stopBot().catch(() => undefined);
    await fake?.close();
    await new Promise<void>((resolve) => pages?.close(() => resolve()));
    await harness.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  type Where = { admin?: boolean; dm?: boolean; userId?: string };

  /** A `/library <sub>` interaction (a subcommand with its options), in `guildId` unless a DM. */
  function libraryCommand(sub: string, options: Array<{ name: string; type: number; value: string | number }>, where: Where = {}, extra: { guildId?: string; resolved?: unknown } = {}) {
    const i = chatInput('library', {}, where) as unknown as Record<string, unknown> & { id: string; token: string; data: Record<string, unknown>; channel?: Record<string, unknown> };
    i.data = { id: snowflake(), name: 'library', type: 1, options: [{ name: sub, type: 1, options }], ...(extra.resolved ? { resolved: extra.resolved } : {}) };
    inGuild(i, extra.guildId);
    return i;
  }

  function inGuild(i: Record<string, unknown> & { channel?: Record<string, unknown> }, guildId: string | undefined) {
    if (!guildId || !i.guild_id) return;
    i.guild_id = guildId;
    if (i.channel) i.channel.guild_id = guildId;
    i.authorizing_integration_owners = { '0': guildId };
  }

  /** Every accepted request on the interaction's webhook (progress edits and the final edit), once the final one arrived. */
  async function slowReply(i: { id: string; token: string }, final: (r: RecordedRequest) => boolean): Promise<{ callback: RecordedRequest; edits: RecordedRequest[] }> {
    const callback = await fake.nextCallback(i.id);
    await fake.waitFor((r) => r.path.includes(i.token) && r.status < 400 && final(r), 15_000);
    const edits = fake.requests.filter((r) => r.path.includes(`/webhooks/`) && r.path.includes(i.token));
    for (const e of edits) expect(e.status, JSON.stringify(e.error)).toBeLessThan(400);
    return { callback, edits };
  }

  const hasEmbeds = (r: RecordedRequest) => r.method === 'PATCH' && ((r.body as { embeds?: unknown[] }).embeds?.length ?? 0) > 0;

  async function whoSaid(phrase: string, where: Where = {}, guildId?: string): Promise<string> {
    const i = chatInput('who-said', { phrase }, where);
    inGuild(i as never, guildId);
    fake.dispatch(i);
    const r = await fake.nextCallback(i.id);
    const body = r.body as { data?: unknown };
    assertWithinDiscordLimits(body as never);
    return visibleText(body as never);
  }

  describe(`per-server libraries through the fake Discord (${name})`, () => {
    let wallId = '';
    let orchardId = '';

    it('a manager adds a page by URL: progress edits, then the card with an Undo button', async () => {
      const i = libraryCommand('add', [{ name: 'url', type: 3, value: `${pagesBase}/news/sea-wall` }], { admin: true });
      fake.dispatch(i);
      const { callback, edits } = await slowReply(i, hasEmbeds);
      expect((callback.body as { type: number }).type).toBe(5);
      const contents = edits.map((e) => (e.body as { content?: string }).content ?? '');
      expect(contents.some((c) => c.includes('Fetching the page'))).toBe(true);
      expect(contents.some((c) => c.includes('Analysing quotes'))).toBe(true);
      const card = edits.find(hasEmbeds)!.body as { embeds: Array<{ title: string; url?: string; fields: Array<{ name: string; value: string }>; description: string }>; components: Array<{ components: Array<{ custom_id?: string; label?: string }> }>; allowed_mentions: unknown };
      expect(card.allowed_mentions).toEqual({ parse: [] });
      assertNoLiveMentions(JSON.stringify(card.embeds));
      expect(card.embeds[0]!.title).toBe('Harbour council backs new sea wall');
      expect(card.embeds[0]!.url).toBe(`${pagesBase}/news/sea-wall`);
      const field = (name: string) => card.embeds[0]!.fields.find((f) => f.name === name)?.value;
      expect(field('Site')).toBe('Coastal Gazette');
      expect(field('Date')).toBe('2026-11-20');
      expect(field('Byline')).toBe('Mara Quill');
      expect(field('Paragraphs')).toBe('5');
      expect(Number(field('Quotes found'))).toBeGreaterThanOrEqual(2);
      expect(field('Top speakers')).toContain('Ilse Brandt');
      const undo = card.components.flatMap((r) => r.components).find((b) => b.label === 'Undo');
      expect(undo?.custom_id).toMatch(/^u:harbour-council-backs-new-sea-wall-[0-9a-f]+$/);
      wallId = undo!.custom_id!.slice(2);
    });

    it('a manager adds a page by attachment (downloaded from the attachment URL)', async () => {
      const attachmentId = snowflake();
      const resolved = {
        attachments: {
          [attachmentId]: { id: attachmentId, filename: 'orchard.html', size: ORCHARD.length, url: `${pagesBase}/attachments/orchard.html`, proxy_url: `${pagesBase}/attachments/orchard.html`, content_type: 'text/html' },
        },
      };
      const i = libraryCommand('add', [{ name: 'file', type: 11, value: attachmentId }], { admin: true }, { resolved });
      fake.dispatch(i);
      const { edits } = await slowReply(i, hasEmbeds);
      const card = edits.find(hasEmbeds)!.body as { embeds: Array<{ title: string }>; components: Array<{ components: Array<{ custom_id?: string; label?: string }> }> };
      expect(card.embeds[0]!.title).toBe('Village orchard saved by volunteers');
      orchardId = card.components.flatMap((r) => r.components).find((b) => b.label === 'Undo')!.custom_id!.slice(2);
    });

    it('/who-said finds the quotes in that server, not in another server, not in a DM', async () => {
      const here = await whoSaid(WALL_QUOTE);
      expect(here).toContain('Ilse Brandt');
      expect(here).toContain('Harbour council backs new sea wall');
      expect(await whoSaid(ORCHARD_QUOTE)).toContain('Petra Lindqvist');
      for (const text of [await whoSaid(WALL_QUOTE, {}, OTHER_GUILD), await whoSaid(WALL_QUOTE, { dm: true })]) {
        expect(text).not.toContain('Ilse Brandt');
        expect(text).not.toContain('Harbour council');
      }
      // The shared folder still answers in the server.
      expect(await whoSaid('armistice agreement')).toMatch(/armistice/i);
    });

    it('refuses a duplicate (same page again) with a pointer to the existing article', async () => {
      const i = libraryCommand('add', [{ name: 'url', type: 3, value: `${pagesBase}/news/sea-wall` }], { admin: true });
      fake.dispatch(i);
      await fake.nextCallback(i.id);
      const followUp = await fake.waitFor((r) => r.path.includes('/webhooks/') && r.path.includes(i.token) && r.method === 'POST', 15_000);
      const body = followUp.body as { content: string; flags: number };
      expect(body.flags & 64).toBe(64);
      expect(body.content).toContain('Already in this server');
      expect(body.content).toContain(wallId);
    });

    it('a member without Manage Server may not add (ephemeral refusal), and may list', async () => {
      const i = libraryCommand('add', [{ name: 'url', type: 3, value: `${pagesBase}/news/sea-wall` }], { admin: false, userId: '666666666666666666' });
      fake.dispatch(i);
      await fake.nextCallback(i.id);
      const followUp = await fake.waitFor((r) => r.path.includes('/webhooks/') && r.path.includes(i.token) && r.method === 'POST', 15_000);
      expect((followUp.body as { flags: number }).flags & 64).toBe(64);
      expect((followUp.body as { content: string }).content).toContain('Only members with Manage Server');
      const list = libraryCommand('list', []);
      fake.dispatch(list);
      const text = visibleText((await fake.nextCallback(list.id)).body as never);
      expect(text).toContain('Harbour council backs new sea wall');
      expect(text).toContain('Village orchard saved by volunteers');
    });

    it('after a restart on the same database the articles still answer', async () => {
      await stopBot();
      await startBot();
      expect(await whoSaid(WALL_QUOTE)).toContain('Ilse Brandt');
      expect(await whoSaid(WALL_QUOTE, {}, OTHER_GUILD)).not.toContain('Ilse Brandt');
    });

    it('/library remove makes an article gone from every answer at once; Undo on a card removes the other', async () => {
      const i = libraryCommand('remove', [{ name: 'article', type: 3, value: wallId }], { admin: true });
      fake.dispatch(i);
      expect(visibleText((await fake.nextCallback(i.id)).body as never)).toContain('Removed');
      expect(await whoSaid(WALL_QUOTE)).not.toContain('Ilse Brandt');

      // Someone else (not the adder, no Manage Server) cannot undo.
      const stranger = buttonPress(`u:${orchardId}`, { userId: '777777777777777777' });
      fake.dispatch(stranger);
      const refused = (await fake.nextCallback(stranger.id)).body as { data: { flags: number; content: string } };
      expect(refused.data.flags & 64).toBe(64);
      expect(await whoSaid(ORCHARD_QUOTE)).toContain('Petra Lindqvist');

      const press = buttonPress(`u:${orchardId}`, { admin: true });
      fake.dispatch(press);
      const undone = (await fake.nextCallback(press.id)).body as { type: number; data: { content: string } };
      expect(undone.type).toBe(7);
      expect(undone.data.content).toContain('Undone');
      expect(await whoSaid(ORCHARD_QUOTE)).not.toContain('Petra Lindqvist');
    });

    it('nothing the bot sent was refused by the fake Discord', () => {
      expect(fake.refused().map((r) => `${r.method} ${r.path} ${JSON.stringify(r.error)}`)).toEqual([]);
      expect(GUILD_ID).not.toBe(OTHER_GUILD);
    });
  });
}
