/**
 * Each rule of the strict fake Discord refuses the body it is for, with Discord's status and code
 * (the rules and their sources are listed in docs/discord.md). Requests go straight to the fake
 * over HTTP, the way discord.js sends them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/discord/render';
import { buildCommandDefinitions } from '../../src/discord/definitions';
import { commands } from '../../commands/index';
import { APP_ID, autocomplete, buttonPress, chatInput, startFakeDiscord, type FakeDiscord } from './fakeDiscord';
import { sleep } from './helpers';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({ callbackWindowMs: 300 });
  // The first body the fake checks compiles its schema validators, which can take longer than the
  // short response window on a loaded machine; compile them here so no test answers "too late".
  await call('POST', interaction().callback, { type: 4, data: message() });
});
afterAll(() => fake?.close());

interface Answered {
  status: number;
  body: { code?: number; message?: string; errors?: unknown } | undefined;
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answered> {
  const res = await fetch(`${fake.api}/v10${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Answered['body']) : undefined };
}

/** A fresh interaction the fake knows about, and its callback route. */
function interaction(kind: 'command' | 'button' | 'autocomplete' = 'command') {
  const i = kind === 'button' ? buttonPress('p:x') : kind === 'autocomplete' ? autocomplete('search', 'article', '') : chatInput('search', { query: 'x' });
  fake.track(i);
  return { ...i, callback: `/interactions/${i.id}/${i.token}/callback` };
}

const message = (over: Record<string, unknown> = {}) => ({ content: 'hi', allowed_mentions: { parse: [] }, ...over });
const embed = (over: Record<string, unknown> = {}) => ({ title: 't', description: 'd', ...over });
const errorCodes = (r: Answered) => JSON.stringify(r.body?.errors ?? {});

describe('the strict fake Discord refuses what Discord refuses', () => {
  it('accepts a valid reply (204)', async () => {
    const i = interaction();
    expect((await call('POST', i.callback, { type: 4, data: message({ embeds: [embed({ url: 'https://example.com/a' })] }) })).status).toBe(204);
  });

  it('schema: content over 2000 characters → 400, 50035 Invalid Form Body, naming data.content', async () => {
    const r = await call('POST', interaction().callback, { type: 4, data: message({ content: 'x'.repeat(2001) }) });
    expect(r.status).toBe(400);
    expect(r.body?.code).toBe(50035);
    expect(r.body?.errors).toMatchObject({ data: { content: { _errors: expect.arrayContaining([expect.objectContaining({ code: 'SCHEMA_MAXLENGTH' })]) } } });
  });

  it('schema: an embed URL that is not a URI (raw Hangul or spaces) → 50035', async () => {
    const r = await call('POST', interaction().callback, { type: 4, data: message({ embeds: [embed({ url: 'https://example.com/종전 선언' })] }) });
    expect(r.body?.code).toBe(50035);
    expect(errorCodes(r)).toContain('SCHEMA_FORMAT');
  });

  it('embeds of one message sharing a URL (bug 1: the old rendering of a multi-excerpt page) → refused', async () => {
    const url = 'https://www.koreaherald.com/search/index.php?q=US%2C+South+Korea';
    const r = await call('POST', interaction().callback, { type: 4, data: message({ embeds: [embed({ url }), embed({ url }), embed({ url: `${url}#p3` })] }) });
    expect(r.status).toBe(400);
    expect(errorCodes(r)).toContain('EMBED_URL_DUPLICATE');
    expect(r.body?.errors).toHaveProperty(['data', 'embeds', '1', 'url']);
    expect(r.body?.errors).not.toHaveProperty(['data', 'embeds', '2']);
  });

  it('a link-button URL over 512 characters as sent (bug 2: the Hangul link, 132 typed, 659 encoded) → refused', async () => {
    const hangul = `https://www.koreaherald.com/search/index.php?q=${'한미 종전선언 입장차 설리번 보좌관 '.repeat(4).trim()}`;
    const sent = new URL(hangul).href;
    expect(sent.length).toBeGreaterThan(512);
    const button = { type: 1, components: [{ type: 2, style: 5, label: 'Open article', url: sent }] };
    const r = await call('POST', interaction().callback, { type: 4, data: message({ components: [button] }) });
    expect(r.status).toBe(400);
    expect(r.body?.code).toBe(50035);
    expect(r.body?.errors).toHaveProperty(['data', 'components', '0', 'components', '0', 'url']);
  });

  it('an embed URL over 2048 characters as sent → refused', async () => {
    const url = new URL(`https://example.com/?q=${'가'.repeat(300)}`).href;
    expect(url.length).toBeGreaterThan(2048);
    const r = await call('POST', interaction().callback, { type: 4, data: message({ embeds: [embed({ url })] }) });
    expect(r.status).toBe(400);
    expect(r.body?.errors).toHaveProperty(['data', 'embeds', '0', 'url']);
  });

  it('more than 6000 characters across the embeds of a message (each embed within its own limits) → refused', async () => {
    const big = embed({ description: 'x'.repeat(4000) });
    const r = await call('POST', interaction().callback, { type: 4, data: message({ embeds: [big, big] }) });
    expect(r.status).toBe(400);
    expect(errorCodes(r)).toContain('MAX_EMBED_SIZE_EXCEEDED');
  });

  it('two buttons with one custom_id → refused', async () => {
    const button = (label: string) => ({ type: 2, style: 2, label, custom_id: 'x:same' });
    const r = await call('POST', interaction().callback, { type: 4, data: message({ components: [{ type: 1, components: [button('a'), button('b')] }] }) });
    expect(r.status).toBe(400);
    expect(errorCodes(r)).toContain('COMPONENT_CUSTOM_ID_DUPLICATED');
  });

  it('a second response to one interaction → 400, 40060 already acknowledged', async () => {
    const i = interaction();
    expect((await call('POST', i.callback, { type: 5 })).status).toBe(204);
    const again = await call('POST', i.callback, { type: 4, data: message() });
    expect(again.status).toBe(400);
    expect(again.body?.code).toBe(40060);
  });

  it('a first response after the window (3 s in Discord) → 404, 10062 unknown interaction', async () => {
    const i = interaction();
    await sleep(400);
    const late = await call('POST', i.callback, { type: 4, data: message() });
    expect(late.status).toBe(404);
    expect(late.body?.code).toBe(10062);
  });

  it.each([
    [6, 'deferred update'],
    [7, 'update message'],
    [8, 'autocomplete result'],
  ])('a slash command answered with type %i (%s) → refused', async (type, _name) => {
    const r = await call('POST', interaction('command').callback, type === 7 ? { type, data: message() } : type === 8 ? { type, data: { choices: [] } } : { type });
    expect(r.status).toBe(400);
    expect(errorCodes(r)).toContain('INTERACTION_CALLBACK_TYPE_INVALID');
  });

  it('a button press may update its message (7); autocomplete may only answer choices (8)', async () => {
    expect((await call('POST', interaction('button').callback, { type: 7, data: message() })).status).toBe(204);
    expect((await call('POST', interaction('autocomplete').callback, { type: 4, data: message() })).status).toBe(400);
    expect((await call('POST', interaction('autocomplete').callback, { type: 8, data: { choices: [] } })).status).toBe(204);
  });

  it('webhook calls before the interaction was answered, or for an unknown token → 404, 10015 unknown webhook', async () => {
    const i = interaction();
    const early = await call('PATCH', `/webhooks/${APP_ID}/${i.token}/messages/@original`, message());
    expect(early.body?.code).toBe(10015);
    expect((await call('POST', `/webhooks/${APP_ID}/nope`, message())).body?.code).toBe(10015);
  });

  it('@original edits and follow-ups are validated too', async () => {
    const i = interaction();
    await call('POST', i.callback, { type: 5 });
    const edit = await call('PATCH', `/webhooks/${APP_ID}/${i.token}/messages/@original`, message({ embeds: new Array(11).fill(embed()) }));
    expect(edit.body?.code).toBe(50035);
    const follow = await call('POST', `/webhooks/${APP_ID}/${i.token}`, message({ embeds: [embed({ color: -1 })] }));
    expect(follow.body?.code).toBe(50035);
    expect((await call('PATCH', `/webhooks/${APP_ID}/${i.token}/messages/@original`, message())).status).toBe(200);
  });

  it('command registration is checked against the spec, with its one quirk (permissions as a string) allowed', async () => {
    const auth = { authorization: 'Bot x' };
    const ours = buildCommandDefinitions(commands);
    expect(ours.some((c) => typeof c.default_member_permissions === 'string')).toBe(true);
    expect((await call('PUT', `/applications/${APP_ID}/commands`, ours, auth)).status).toBe(200);
    const bad = await call('PUT', `/applications/${APP_ID}/commands`, [{ name: 'Bad Name With Spaces And Far Too Long For Discord', description: 'x', type: 1 }], auth);
    expect(bad.body?.code).toBe(50035);
  });

  it('a page rendered from three excerpts of one article passes every rule', async () => {
    const excerpts = [1, 2, 3].map((p) => ({ text: `p${p}`, kind: 'narration' as const, speaker: null, source: 's', article: { id: 'a', title: 'A', url: 'https://example.com/a' }, paragraph: p, score: 1 }));
    const r = await call('POST', interaction().callback, { type: 4, data: renderAnswer({ command: 'search', excerpts }) });
    expect(r.status, JSON.stringify(r.body)).toBe(204);
  });
});
