/**
 * Every interaction shape an outside fuzz found breaking the bot (issue 18), through the real
 * HTTP endpoint (real Ed25519 signatures) and through the real gateway bot (discord.js against
 * the fake Discord): a shape that does not fit is refused (HTTP 400; gateway: dropped with one
 * warn line) and runs nothing; the others are answered with valid text. Never a 5xx, never a
 * generic "something went wrong", never a lone surrogate; admin-only commands never run on a
 * malformed permissions field; a replayed interaction is not executed twice; clients that go
 * away are logged at debug, without stack traces, and a real bug at error, once.
 */
import { generateKeyPairSync } from 'node:crypto';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { Answer } from '../../src/core/answer';
import type { AnyCommand } from '../../src/core/command';
import { createReplayGuard } from '../../src/discord/replay';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { GatewayHandle } from '../../src/discord/gateway';
import { runHttp, type HttpHandle } from '../../src/discord/http';
import { autocomplete, buttonPress, chatInput, messageMenu, startFakeDiscord, type FakeDiscord } from '../discord/fakeDiscord';
import { captureLogger, postSignedInteraction, sleep } from '../discord/helpers';
import { assertNoLiveMentions, assertWithinDiscordLimits, visibleText } from '../discord/limits';
import { assertNoLoneSurrogates } from '../fuzz/hostile';
import { malformedInteraction } from '../fuzz/shapes';
import { seedKb } from '../helpers';
import { startTestGateway } from '../support/gateway';

let counted = 0;
const counting: AnyCommand = {
  definition: { name: 'count', description: 'Counts calls', answers: true, options: [] },
  handle(): Answer {
    counted += 1;
    return { command: 'count', excerpts: [], notice: `call ${counted}` };
  },
};
const exploding: AnyCommand = {
  definition: { name: 'explode', description: 'A real bug', answers: true, options: [] },
  handle(): Answer {
    throw new Error('kaboom: a real bug');
  },
};
let reloads = 0;
const reload = async () => {
  reloads += 1;
  return 'reloaded';
};

const GENERIC = /something went wrong|failed\. The error has been logged/i;
const keys = generateKeyPairSync('ed25519');
const log = captureLogger();
let kb: KnowledgeBase;
let fake: FakeDiscord;
let http: HttpHandle;
let bot: GatewayHandle;

beforeAll(async () => {
  kb = await seedKb();
  fake = await startFakeDiscord();
  const deps = { getKnowledgeBase: () => kb, commands: [...commands, counting, exploding], logger: log.logger, restApi: fake.api, reload };
  http = await runHttp({
    ...deps,
    config: { publicKey: Buffer.from(keys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex'), rateLimitPerMinute: 100_000 },
    port: 0,
    host: '127.0.0.1',
    requestTimeoutMs: 500,
  });
  bot = await startTestGateway(fake, { ...deps, rateLimitPerMinute: 100_000 });
});

afterAll(async () => {
  await bot?.stop();
  await http?.close();
  await fake?.close();
});

type Raw = Record<string, unknown> & { id: string; token: string; data?: Record<string, unknown>; member?: Record<string, unknown> };
const raw = (x: unknown) => x as Raw;

function post(body: string, headers?: Record<string, string>): Promise<{ status: number; text: string }> {
  return postSignedInteraction(http.port, keys.privateKey, body, headers);
}

/** Shapes Discord never sends; each must be refused whole. */
const REFUSED: Array<[string, () => Raw]> = [
  ['a member without user', () => { const r = raw(chatInput('count')); delete r.member!.user; return r; }],
  ['neither member nor user', () => { const r = raw(chatInput('count', {}, { dm: true })); delete r.user; return r; }],
  ['an application command without data', () => { const r = raw(chatInput('count')); delete r.data; return r; }],
  ['a component (button) without data', () => { const r = raw(buttonPress('p:search:1:armistice')); delete r.data; return r; }],
  ['an autocomplete without data', () => { const r = raw(autocomplete('quotes', 'speaker', 'Sul')); delete r.data; return r; }],
  ['an autocomplete with no focused option', () => { const r = raw(autocomplete('quotes', 'speaker', 'Sul')); (r.data!.options as Array<Record<string, unknown>>)[0]!.focused = false; return r; }],
  ['options that are an object', () => { const r = raw(chatInput('search')); r.data!.options = { query: 'armistice' }; return r; }],
  ['options that are a string', () => { const r = raw(chatInput('search')); r.data!.options = 'query:armistice'; return r; }],
  ['options holding null', () => { const r = raw(chatInput('search')); r.data!.options = [null]; return r; }],
  ['an option name that is not a string', () => { const r = raw(chatInput('search')); r.data!.options = [{ name: 7, type: 3, value: 'armistice' }]; return r; }],
  ['an option value of the wrong type (integer option given text)', () => { const r = raw(chatInput('search')); r.data!.options = [{ name: 'query', type: 4, value: 'armistice' }]; return r; }],
  ['an option named __proto__ holding an object', () => { const r = raw(chatInput('search')); r.data!.options = JSON.parse('[{"name":"__proto__","type":3,"value":{"query":"armistice"}}]'); return r; }],
  ['the same option twice', () => { const r = raw(chatInput('search')); r.data!.options = [{ name: 'query', type: 3, value: 'a' }, { name: 'query', type: 3, value: 'b' }]; return r; }],
  ['a message menu without resolved', () => { const r = raw(messageMenu('Who said this?', 'armistice')); delete r.data!.resolved; return r; }],
  ['a message menu whose target is not in resolved', () => { const r = raw(messageMenu('Who said this?', 'armistice')); r.data!.target_id = '999'; return r; }],
  ['the menu message content given as a number', () => { const r = raw(messageMenu('Who said this?', 'x')); const m = (r.data!.resolved as { messages: Record<string, { content: unknown }> }).messages; for (const k of Object.keys(m)) m[k]!.content = 42; return r; }],
  ['custom_id given as a number', () => { const r = raw(buttonPress('x')); r.data!.custom_id = 12345; return r; }],
  ['custom_id over 100 characters', () => { const r = raw(buttonPress('x')); r.data!.custom_id = `p:search:1:${'a'.repeat(120)}`; return r; }],
  ['the command name given as a number', () => { const r = raw(chatInput('count')); r.data!.name = 7; return r; }],
  ['a token with a lone surrogate', () => { const r = raw(chatInput('count')); r.token = 'tok_\ud83d'; return r; }],
  ['a token with a slash (would change the webhook route)', () => { const r = raw(chatInput('count')); r.token = 'tok/../../x'; return r; }],
  ['an id that is not a snowflake', () => { const r = raw(chatInput('count')); (r as Record<string, unknown>).id = 12; return r; }],
  ['an unknown interaction type', () => { const r = raw(chatInput('count')); (r as Record<string, unknown>).type = 9; return r; }],
  ['a command name with a lone surrogate', () => { const r = raw(chatInput('count')); r.data!.name = 'count\udc00'; return r; }],
];

/** `/reload` by a member whose permissions field is not a decimal string. */
const MALFORMED_PERMISSIONS: unknown[] = [['32'], 32, null, {}, true, '0x20', '-32', '1e3', ' 32', '32.0', '', 'all', ['8']];
for (const p of MALFORMED_PERMISSIONS) {
  REFUSED.push([`/reload with permissions ${JSON.stringify(p)}`, () => { const r = raw(chatInput('reload', {}, { admin: true })); r.member!.permissions = p; return r; }]);
}

/** What every answer must be. */
function assertAnswer(body: unknown, context: string): void {
  assertNoLoneSurrogates(body, context);
  expect(visibleText(body), context).not.toMatch(GENERIC);
  const type = (body as { type: number }).type;
  if (type === 4 || type === 7) {
    assertWithinDiscordLimits(body);
    assertNoLiveMentions(visibleText(body));
  }
}

const errorLines = () => log.lines.filter((l) => (l.level as number) >= 50);
const linesWith = (msg: string) => log.lines.filter((l) => l.msg === msg);

describe('shapes Discord never sends, through the real HTTP endpoint', () => {
  it.each(REFUSED)('%s → 400, nothing runs, one info line without a stack', async (name, make) => {
    const before = { counted, reloads, requests: fake.requests.length, rejected: linesWith('rejected interaction request').length };
    const r = await post(JSON.stringify(make()));
    expect(r.status, r.text).toBe(400);
    expect(r.text).toBe('bad request');
    expect(counted).toBe(before.counted);
    expect(reloads).toBe(before.reloads);
    expect(fake.requests.length).toBe(before.requests);
    const lines = linesWith('rejected interaction request').slice(before.rejected);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe(30);
    expect(lines[0]!.reason).toBe('invalid');
    expect(lines[0]!.err).toBeUndefined();
    expect(JSON.stringify(lines[0])).not.toContain('tok_');
    expect(name.length).toBeGreaterThan(0);
  });
});

describe('shapes Discord never sends, through the gateway bot', () => {
  it.each(REFUSED)('%s → dropped with one warn line, nothing runs', async (_name, make) => {
    const before = { counted, reloads, dropped: linesWith('dropped malformed interaction').length };
    const shape = make();
    fake.dispatch(shape);
    // A valid interaction sent after it: once it is answered, the shape has been handled too.
    const after = raw(chatInput('search', { query: 'armistice' }));
    fake.dispatch(after);
    await fake.nextCallback(after.id);
    const dropped = linesWith('dropped malformed interaction').slice(before.dropped);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.level).toBe(40);
    expect(dropped[0]!.err).toBeUndefined();
    expect(counted).toBe(before.counted);
    expect(reloads).toBe(before.reloads);
    expect(fake.requests.some((r) => typeof shape.id === 'string' && r.path.includes(`/interactions/${shape.id}/`))).toBe(false);
  });
});

describe('generated malformed shapes through the gateway bot', () => {
  it('150 interactions of every type with broken fields: each dropped or answered safely, no error, the bot keeps answering', async () => {
    const before = { errors: errorLines().length, requests: fake.requests.length };
    const shapes = fc.sample(malformedInteraction, { numRuns: 150, seed: 18 }).map((body) => JSON.parse(body) as Raw);
    for (const shape of shapes) fake.dispatch(shape);
    const after = raw(chatInput('search', { query: 'armistice' }));
    fake.dispatch(after);
    await fake.nextCallback(after.id);
    await sleep(200);
    const ids = new Set(shapes.map((x) => x.id).filter((id) => typeof id === 'string'));
    const answers = fake.requests.slice(before.requests).filter((r) => /\/interactions\/\d+\//.test(r.path) && ids.has(r.path.split('/')[4]!));
    for (const a of answers) assertAnswer(a.body, JSON.stringify(a.body).slice(0, 200));
    expect(errorLines().length).toBe(before.errors);
    console.log(`generated shapes through the gateway: ${shapes.length} sent, ${answers.length} answered, the rest dropped`);
  });
});

/** Shapes that are valid, and odd: answered, with valid text. */
const ANSWERED: Array<[string, () => Raw, RegExp]> = [
  ['/position party: 21 × 😀 (the reply that cut an emoji in half)', () => raw(chatInput('position', { party: '😀'.repeat(21) })), /Unknown party “(😀){19}…”/],
  ['/position party: 25 × 🇰🇷 flags', () => raw(chatInput('position', { party: '🇰🇷'.repeat(25) })), /Unknown party “(🇰🇷){9}…”/],
  ['/search with an extra option named __proto__ (ignored, no prototype set)', () => { const r = raw(chatInput('search', { query: 'armistice' })); (r.data!.options as unknown[]).push(JSON.parse('{"name":"__proto__","type":3,"value":"x"}')); return r; }, /armistice/i],
  ['/who-said with a 300-character emoji phrase', () => raw(chatInput('who-said', { phrase: '👨‍👩‍👧‍👦'.repeat(27) })), /./],
  // Select menus are ours since corrections (the speaker menu); one we never sent is refused like a stale button.
  ['a string select menu we never sent', () => { const r = raw(buttonPress('menu')); r.data = { custom_id: 'menu', component_type: 3, values: ['a'] }; return r; }, /no longer works/],
  ['a modal submit (not supported here)', () => { const r = raw(buttonPress('modal')); r.type = 5; r.data = { custom_id: 'modal', components: [] }; return r; }, /not supported/],
  ['a user context menu (not supported here)', () => { const r = raw(chatInput('x')); r.data = { id: '1', name: 'Profile', type: 2, target_id: '444444444444444444' }; return r; }, /not supported/],
  ['/reload by a member with Manage Server (decimal string)', () => raw(chatInput('reload', {}, { admin: true })), /reloaded/],
];

describe('odd but valid shapes are answered with valid text', () => {
  it.each(ANSWERED)('over HTTP: %s', async (_name, make, expected) => {
    const r = await post(JSON.stringify(make()));
    expect(r.status).toBe(200);
    const body = JSON.parse(r.text) as unknown;
    assertAnswer(body, r.text.slice(0, 200));
    expect(visibleText(body)).not.toContain('\ufffd');
    expect(visibleText(body)).toMatch(expected);
    expect(({} as Record<string, unknown>).query).toBeUndefined();
  });

  it.each(ANSWERED)('through the gateway: %s', async (_name, make, expected) => {
    const shape = make();
    fake.dispatch(shape);
    const body = (await fake.nextCallback(shape.id)).body;
    assertAnswer(body, JSON.stringify(body).slice(0, 200));
    expect(visibleText(body)).not.toContain('\ufffd');
    expect(visibleText(body)).toMatch(expected);
  });
});

describe('replays', () => {
  it('the same signed HTTP request twice: answered once, then 400; the command ran once', async () => {
    const body = JSON.stringify(chatInput('count'));
    const before = counted;
    const first = await post(body);
    const again = await post(body);
    expect(first.status).toBe(200);
    expect(again.status).toBe(400);
    expect(counted).toBe(before + 1);
  });

  it('the same signed HTTP request ten times at once: one 200, nine 400, the command ran once', async () => {
    const body = JSON.stringify(chatInput('count'));
    const before = counted;
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => post(body)))).map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(400)]);
    expect(counted).toBe(before + 1);
  });

  it('the same gateway event twice: one answer, the command ran once', async () => {
    const interaction = raw(chatInput('count'));
    const before = { counted, repeated: linesWith('dropped repeated interaction').length };
    fake.dispatch(interaction);
    fake.dispatch(interaction);
    await fake.nextCallback(interaction.id);
    const after = raw(chatInput('search', { query: 'armistice' }));
    fake.dispatch(after);
    await fake.nextCallback(after.id);
    expect(fake.requests.filter((r) => r.path.includes(`/interactions/${interaction.id}/`))).toHaveLength(1);
    expect(counted).toBe(before.counted + 1);
    expect(linesWith('dropped repeated interaction').length).toBe(before.repeated + 1);
  });

  it('the guard is bounded: the oldest ids are forgotten past the size limit or the time limit', () => {
    let t = 0;
    const guard = createReplayGuard({ maxIds: 3, ttlMs: 1000, now: () => t });
    expect(['a', 'b', 'c'].map((id) => guard.firstTime(id))).toEqual([true, true, true]);
    expect(guard.firstTime('b')).toBe(false);
    expect(guard.firstTime('d')).toBe(true);
    expect(guard.size).toBe(3);
    expect(guard.firstTime('a')).toBe(true); // forgotten: the oldest went first
    t = 5000;
    expect(guard.firstTime('e')).toBe(true);
    expect(guard.size).toBe(1);
    expect(guard.firstTime('d')).toBe(true);
  });
});

describe('log levels', () => {
  it('a client that sends half a body and goes away: one debug line, no stack, nothing at error', async () => {
    const before = { errors: errorLines().length, gone: linesWith('http client went away').length };
    await new Promise<void>((resolve) => {
      const socket = connect(http.port, '127.0.0.1', () => {
        socket.write('POST /interactions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"type":');
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    const deadline = Date.now() + 2000;
    while (linesWith('http client went away').length === before.gone && Date.now() < deadline) await sleep(20);
    const gone = linesWith('http client went away').slice(before.gone);
    expect(gone).toHaveLength(1);
    expect(gone[0]!.level).toBe(20);
    expect(gone[0]!.err).toBeUndefined();
    expect(errorLines().length).toBe(before.errors);
  });

  it('a client too slow to send its body (408): debug lines only, no stack, nothing at error', async () => {
    const before = { errors: errorLines().length, lines: log.lines.length };
    const reply = await new Promise<string>((resolve) => {
      let data = '';
      const socket = connect(http.port, '127.0.0.1', () => {
        socket.write('POST /interactions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"type":');
      });
      socket.on('data', (d) => (data += d.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', () => undefined);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    await sleep(50);
    const added = log.lines.slice(before.lines);
    expect(added.length).toBeGreaterThan(0);
    for (const l of added) {
      expect(l.level).toBeLessThanOrEqual(20);
      expect(JSON.stringify(l)).not.toMatch(/"stack"|\n\s+at /);
    }
    expect(errorLines().length).toBe(before.errors);
  });

  it('a real bug in a command: one error line with its stack, and the user gets a short private message', async () => {
    const before = errorLines().length;
    const r = await post(JSON.stringify(chatInput('explode')));
    expect(r.status).toBe(200);
    const body = JSON.parse(r.text) as { data: { content: string; flags: number } };
    expect(body.data.flags).toBe(64);
    expect(body.data.content).not.toMatch(/kaboom/);
    const added = errorLines().slice(before);
    expect(added).toHaveLength(1);
    expect(JSON.stringify(added[0])).toMatch(/kaboom: a real bug/);
  });

  it('across this whole file, the only error-level lines are the real bug', () => {
    expect(errorLines().map((l) => l.msg)).toEqual(['command handler failed']);
  });
});
