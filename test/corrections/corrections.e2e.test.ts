/**
 * Acceptance for corrections by the group (issue #16), end to end: the real gateway bot
 * (discord.js) against the strict fake Discord (every body checked against Discord's OpenAPI spec
 * and limits), the real SQLite store in a temporary file. A member presses "Wrong speaker?" on a
 * /who-said card, picks the right speaker from the menu, a manager accepts it from /corrections,
 * and /who-said, /quotes and /export show the corrected speaker; forged and replayed ids, a member trying
 * to decide and 👍/👎 each get a short private answer.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayHandle } from '../../src/discord/gateway';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { buttonPress, chatInput, startFakeDiscord, type FakeDiscord } from '../discord/fakeDiscord';
import { captureLogger } from '../discord/helpers';
import { assertNoLiveMentions, assertWithinDiscordLimits, visibleText } from '../discord/limits';
import { startTestGateway } from '../support/gateway';
import { correctionServiceFor, offlineLibraryService, tempSqliteStore, type TempSqliteStore } from '../support/library';

const PHRASE = 'fundamentally aligned';
const MEMBER = '666666666666666661';
const MANAGER = '666666666666666662';

let fake: FakeDiscord;
let temp: TempSqliteStore | undefined;
let shared: KnowledgeBase;
let bot: GatewayHandle | undefined;
const log = captureLogger();

beforeAll(async () => {
  temp = await tempSqliteStore('corrections-e2e');
  shared = await loadKnowledgeBase('knowledge');
  fake = await startFakeDiscord();
  const library = offlineLibraryService(temp.store, () => shared, { logger: log.logger });
  const corrections = correctionServiceFor(temp.store, library, log.logger);
  bot = await startTestGateway(fake, {
    getKnowledgeBase: () => shared,
    logger: log.logger,
    knowledgeFor: (guildId) => library.segments(guildId),
    library,
    corrections,
  });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await temp?.close();
  await fake?.close();
});

type Component = { type: number; custom_id?: string; label?: string; options?: Array<{ label: string; value: string }> };
type Reply = { type: number; data: { content: string; flags?: number; embeds?: Array<{ description?: string; title?: string }>; components?: Array<{ components: Component[] }> } };

async function send(i: { id: string }): Promise<Reply> {
  fake.dispatch(i);
  const reply = (await fake.nextCallback(i.id)).body as Reply;
  assertWithinDiscordLimits(reply as never);
  expect((reply.data as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  // /corrections names the proposer as a member mention (shown as a name; replies never ping), as /library list does.
  const embeds = JSON.stringify(reply.data?.embeds ?? []).replace(/proposed by <@\d{17,20}>/g, 'proposed by member');
  assertNoLiveMentions(embeds);
  return reply;
}

const componentsOf = (r: Reply) => (r.data.components ?? []).flatMap((row) => row.components);

/** A press on the string select `customId`, picking `value`. */
function pick(customId: string, value: string, userId: string) {
  const press = buttonPress(customId, { userId }) as unknown as { id: string; data: Record<string, unknown> };
  press.data = { custom_id: customId, component_type: 3, values: [value] };
  return press;
}

describe('corrections through the fake Discord', () => {
  let correctionId = 0;

  it('a /who-said card carries "Wrong speaker?" and the answer 👍/👎, within Discord’s limits', async () => {
    const reply = await send(chatInput('who-said', { phrase: PHRASE }, { userId: MEMBER }));
    expect(visibleText(reply as never)).toContain('Jake Sullivan');
    const ids = componentsOf(reply).map((c) => c.custom_id ?? '');
    expect(ids.filter((id) => id.startsWith('w:us-skorea-end-of-war:p3.'))).toHaveLength(1);
    expect(ids).toEqual(expect.arrayContaining(['f:+:who-said', 'f:-:who-said']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('pages of three excerpts keep every row within five buttons', async () => {
    const reply = await send(chatInput('quotes', { speaker: 'Sullivan' }, { userId: MEMBER }));
    const rows = reply.data.components ?? [];
    expect(rows.length).toBeLessThanOrEqual(5);
    for (const row of rows) expect(row.components.length).toBeLessThanOrEqual(5);
    expect(componentsOf(reply).filter((c) => c.custom_id?.startsWith('w:')).length).toBeGreaterThanOrEqual(2);
  });

  it('a member presses "Wrong speaker?", picks the speaker, and the proposal waits for a manager', async () => {
    const card = await send(chatInput('who-said', { phrase: PHRASE }, { userId: MEMBER }));
    const wrong = componentsOf(card).find((c) => c.custom_id?.startsWith('w:'))!.custom_id!;
    const menu = await send(buttonPress(wrong, { userId: MEMBER }));
    expect(menu.type).toBe(4);
    expect(menu.data.flags).toBe(64);
    const select = componentsOf(menu).find((c) => c.type === 3)!;
    expect(select.custom_id).toMatch(/^c:us-skorea-end-of-war:s\d+-\d+\.[0-9a-f]{10}$/);
    expect(select.options!.length).toBeLessThanOrEqual(25);
    const moon = select.options!.find((o) => o.label.startsWith('Moon Chung-in'))!;
    expect(select.options!.at(-1)!.value).toBe('unnamed');

    const done = await send(pick(select.custom_id!, moon.value, MEMBER));
    expect(done.type).toBe(7);
    correctionId = Number(/Correction #(\d+) proposed/.exec(done.data.content)?.[1]);
    expect(correctionId).toBeGreaterThan(0);
    expect(done.data.components ?? []).toEqual([]);
  });

  it('only managers review: a member gets a short private refusal, also when pressing Accept', async () => {
    const list = await send(chatInput('corrections', {}, { userId: MEMBER }));
    expect(list.data.flags).toBe(64);
    expect(list.data.content).toMatch(/Only server managers/);
    const press = await send(buttonPress(`ca:${correctionId}`, { userId: MEMBER }));
    expect(press.data.flags).toBe(64);
    expect(press.data.content).toMatch(/Only server managers/);
  });

  it('forged ids get a short private message, never a crash', async () => {
    const stale = await send(buttonPress('w:us-skorea-end-of-war:p3.0000000000', { userId: MEMBER }));
    expect(stale.data.flags).toBe(64);
    expect(stale.data.content).toMatch(/no longer in the article/);
    const none = await send(buttonPress('ca:987654', { admin: true, userId: MANAGER }));
    expect(none.data.content).toMatch(/no correction #987654/);
    const bogus = await send(pick('c:us-skorea-end-of-war:s1-2.0000000000', 'moon-chung-in', MEMBER));
    expect(bogus.data.flags).toBe(64);
    const forgedSpeaker = await send(pick('c:no-such-article:s1-2.0000000000', '@everyone', MEMBER));
    expect(forgedSpeaker.data.content).toMatch(/No article/);
  });

  it('a manager accepts from /corrections; /who-said and /quotes show the corrected speaker at once', async () => {
    const list = await send(chatInput('corrections', {}, { admin: true, userId: MANAGER }));
    expect(visibleText(list as never)).toContain('Moon Chung-in');
    const accept = componentsOf(list).find((c) => c.custom_id === `ca:${correctionId}`);
    expect(accept?.label).toBe(`Accept #${correctionId}`);
    const decided = await send(buttonPress(accept!.custom_id!, { admin: true, userId: MANAGER }));
    expect(decided.type).toBe(7);
    expect(decided.data.content).toContain(`Accepted #${correctionId}`);
    const replay = await send(buttonPress(`cr:${correctionId}`, { admin: true, userId: MANAGER }));
    expect(replay.data.content).toMatch(/already accepted/);

    const who = await send(chatInput('who-said', { phrase: PHRASE }, { userId: MEMBER }));
    const first = who.data.embeds![0]!.description!;
    expect(first).toContain('Moon Chung-in');
    expect(first).toContain("corrected by this server's members");
    const quotes = await send(chatInput('quotes', { speaker: 'Moon Chung-in' }, { userId: MEMBER }));
    expect(visibleText(quotes as never)).toContain(PHRASE);
    const sullivan = await send(chatInput('quotes', { speaker: 'Sullivan' }, { userId: MEMBER }));
    expect(visibleText(sullivan as never)).not.toContain(PHRASE);
  });

  it('the export carries the corrected speaker and the corrected flag', async () => {
    const i = chatInput('export', { format: 'csv' }, { userId: MEMBER });
    fake.dispatch(i);
    await fake.nextCallback(i.id);
    const edit = await fake.nextWebhook(i.token, 'PATCH', 30_000);
    const rows = parse(edit.files![0]!.data.toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    const row = rows.find((r) => r.text?.includes(PHRASE));
    expect(row).toMatchObject({ speaker: 'Moon Chung-in', corrected: 'true' });
    expect(rows.filter((r) => r.corrected === 'true')).toHaveLength(1);
  }, 60_000);

  it('👍/👎 answer privately and show up, counted per member, in /corrections', async () => {
    const up = await send(buttonPress('f:+:who-said', { userId: MEMBER }));
    expect(up.data.flags).toBe(64);
    await send(buttonPress('f:-:quotes', { userId: MANAGER }));
    const list = await send(chatInput('corrections', {}, { admin: true, userId: MANAGER }));
    const text = visibleText(list as never);
    expect(text).toContain('/who-said: 👍 1 · 👎 0');
    expect(text).toContain('/quotes: 👍 0 · 👎 1');
    expect(fake.refused()).toEqual([]);
  });
});
