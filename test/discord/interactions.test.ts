/** The transport-independent interaction logic and the defer/dispatch rules, without a network. */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { APIInteractionResponse } from 'discord.js';
import type { Answer } from '../../src/core/answer';
import type { AnyCommand, CommandDefinition } from '../../src/core/command';
import { UserInputError } from '../../src/core/errors';
import { runCommand } from '../../src/core/run';
import { CUSTOM_ID_MAX, decodePageId, encodePageId } from '../../src/discord/customId';
import { WHO_SAID_MENU } from '../../src/discord/definitions';
import { dispatchInteraction, type Responder } from '../../src/discord/dispatch';
import { fromRawInteraction, type InteractionInput } from '../../src/discord/input';
import { createInteractionCore } from '../../src/discord/interactions';
import { createRateLimiter } from '../../src/discord/rateLimit';
import type { SafeMessage } from '../../src/discord/respond';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { autocomplete, buttonPress, chatInput, messageMenu } from './fakeDiscord';
import { sleep } from './helpers';
import { assertWithinDiscordLimits } from './limits';

const silent = pino({ level: 'silent' });
const kb = {
  articles: [],
  suggest: (_source: string, prefix: string) =>
    [...Array.from({ length: 40 }, (_, i) => ({ name: `${prefix}name ${i} ${'y'.repeat(120)}`, value: `v${i}` })), { name: 'too long', value: 'z'.repeat(101) }],
} as unknown as KnowledgeBase;

const echo: AnyCommand = {
  definition: {
    name: 'echo',
    description: 'echo',
    answers: true,
    options: [
      { name: 'text', type: 'string', description: 't', required: true, maxLength: 80, autocomplete: 'speaker' },
      { name: 'n', type: 'integer', description: 'n', min: 1, max: 5 },
    ],
  },
  handle: (o): Answer => ({
    command: 'echo',
    excerpts: Array.from({ length: 7 }, (_, i) => ({
      text: `${String(o.text)} ${i}`,
      kind: 'direct' as const,
      speaker: null,
      source: 'someone',
      article: { id: 'a', title: 'A' },
      paragraph: i + 1,
      score: 1,
    })),
  }),
};
const adminOnly: AnyCommand = {
  definition: { name: 'reload', description: 'r', adminOnly: true, options: [] },
  handle: (): Answer => ({ command: 'reload', excerpts: [], notice: 'reloaded' }),
};

function core(commands: AnyCommand[] = [echo, adminOnly], rateLimitPerMinute = 100) {
  return createInteractionCore({ getKnowledgeBase: () => kb, commands, logger: silent, rateLimitPerMinute });
}
const input = (raw: unknown) => fromRawInteraction(raw as never) as InteractionInput;
const data = (r: APIInteractionResponse) => (r as { data?: Record<string, unknown> }).data ?? {};

describe('interaction core', () => {
  it('validates options like Discord does (bad input → ephemeral, handler not run)', async () => {
    const c = core();
    for (const options of [{}, { text: 'x'.repeat(81) }, { text: 'ok', n: 9 }, { text: true }, { text: 'ok', extra: 'x' }]) {
      const r = await c.answer(input(chatInput('echo', options as never)));
      expect(r.outcome).toBe('bad_input');
      expect(data(r.response).flags).toBe(64);
      assertWithinDiscordLimits(r.response);
    }
  });

  it('has one command path: the same checks and messages as runCommand (console, JSON mode)', async () => {
    const c = core();
    const cases: Array<[string, Record<string, string | number | boolean>, boolean]> = [
      ['echo', {}, false],
      ['echo', { text: 'x'.repeat(81) }, false],
      ['echo', { text: 'ok', n: 9 }, false],
      ['echo', { text: 'ok', n: 0 }, false],
      ['echo', { text: true }, false],
      ['echo', { text: 'ok', nope: 1 }, false],
      ['reload', {}, false],
      ['frobnicate', {}, false],
    ];
    for (const [name, options, isAdmin] of cases) {
      const expected = await runCommand([echo, adminOnly], name, options, { kb, isAdmin }).then(
        () => 'no error',
        (err: unknown) => (err instanceof UserInputError ? err.message : 'other error'),
      );
      expect(expected).not.toMatch(/error$/);
      const r = await c.answer(input(chatInput(name, options, { admin: isAdmin })));
      expect(data(r.response).content, `/${name} ${JSON.stringify(options)}`).toBe(expected);
    }
    // Discord-only options are not the command's: `hide` and `thread` pass the check.
    expect((await c.answer(input(chatInput('echo', { text: 'ok', hide: true, thread: false })))).outcome).toBe('ok');
  });

  it('refuses admin-only commands to non-admins, runs them for admins', async () => {
    const c = core();
    expect((await c.answer(input(chatInput('reload')))).outcome).toBe('forbidden');
    expect((await c.answer(input(chatInput('reload', {}, { dm: true, admin: true })))).outcome).toBe('forbidden');
    expect((await c.answer(input(chatInput('reload', {}, { admin: true })))).outcome).toBe('ok');
  });

  it('rate limits per user with a friendly ephemeral message', async () => {
    const c = core([echo], 2);
    const ask = (userId: string) => c.answer(input(chatInput('echo', { text: 'hi' }, { userId })));
    expect((await ask('1')).outcome).toBe('ok');
    expect((await ask('1')).outcome).toBe('ok');
    const limited = await ask('1');
    expect(limited.outcome).toBe('rate_limited');
    expect(data(limited.response)).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(String(data(limited.response).content)).toMatch(/try again in \d+ s/i);
    expect((await ask('2')).outcome).toBe('ok');
  });

  it('token bucket refills over time', () => {
    let t = 0;
    const limiter = createRateLimiter(60, () => t);
    for (let i = 0; i < 60; i++) expect(limiter.take('u')).toBe(0);
    expect(limiter.take('u')).toBeGreaterThan(0);
    t += 1000;
    expect(limiter.take('u')).toBe(0);
  });

  it('token bucket refills at its rate per minute, not per second (controlled clock)', () => {
    let t = 1_000_000;
    const limiter = createRateLimiter(6, () => t); // one token every 10 s
    for (let i = 0; i < 6; i++) expect(limiter.take('u')).toBe(0);
    expect(limiter.take('u')).toBe(10_000); // the next token is 10 s away
    t += 5_000;
    expect(limiter.take('u')).toBe(5_000); // half way there: nothing yet
    t += 4_999;
    expect(limiter.take('u')).toBe(1);
    t += 1;
    expect(limiter.take('u')).toBe(0); // exactly one token after 10 s …
    expect(limiter.take('u')).toBe(10_000); // … and only one
    t += 60_000;
    for (let i = 0; i < 6; i++) expect(limiter.take('u')).toBe(0); // a minute refills the burst, and no more
    expect(limiter.take('u')).toBe(10_000);
    expect(limiter.take('other user')).toBe(0); // buckets are per user
  });

  it('autocomplete: ≤ 25 choices, names cut to 100, over-long values dropped', async () => {
    const r = await core().answer(input(autocomplete('echo', 'text', 'ab')));
    const choices = data(r.response).choices as Array<{ name: string; value: string }>;
    expect(choices).toHaveLength(25);
    for (const ch of choices) {
      expect(ch.name.length).toBeLessThanOrEqual(100);
      expect(ch.value.length).toBeLessThanOrEqual(100);
    }
    expect((await core().answer(input(autocomplete('echo', 'n', '1')))).response).toMatchObject({ type: 8, data: { choices: [] } });
  });

  it('paging round-trips through custom_id and survives a new core (restart)', async () => {
    const first = await core().answer(input(chatInput('echo', { text: 'hello|world:%', n: 2 })));
    const rows = data(first.response).components as Array<{ components: Array<{ custom_id?: string; disabled?: boolean }> }>;
    const next = rows[0]!.components.at(-1)!.custom_id!;
    const afterRestart = await core().answer(input(buttonPress(next)));
    expect(afterRestart.response.type).toBe(7);
    expect(String(data(afterRestart.response).content)).toContain('page 2/3');
    const embeds = data(afterRestart.response).embeds as Array<{ description: string }>;
    expect(embeds[0]!.description).toContain('hello\\|world:% 3');
  });

  it('custom_id: inline when it fits, parked (then "expired" after restart) when not', () => {
    const def = echo.definition as CommandDefinition;
    const short = encodePageId(def, { text: 'armistice', n: 3 }, 4);
    expect(decodePageId(short, () => def)).toEqual({ kind: 'page', request: { command: 'echo', page: 4, options: { text: 'armistice', n: 3 } } });
    const long = encodePageId(def, { text: 'x'.repeat(80) }, 1);
    expect(long.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    // Prev and Next of one message point at the same parked request.
    expect(encodePageId(def, { text: 'x'.repeat(80) }, 2).split(':')[1]).toBe(long.split(':')[1]);
    expect(decodePageId(long, () => def)).toMatchObject({ kind: 'page', request: { page: 1, options: { text: 'x'.repeat(80) } } });
    expect(decodePageId('k:unknownkey:1', () => def)).toEqual({ kind: 'expired' });
    expect(decodePageId('p:echo:1:%E0%A4%A', () => def)).toEqual({ kind: 'unknown' });
    expect(decodePageId('garbage', () => def)).toEqual({ kind: 'unknown' });
  });

  it('"Who said this?" fails gracefully when /who-said is not registered', async () => {
    const r = await core().answer(input(messageMenu(WHO_SAID_MENU, 'some words')));
    expect(r.outcome).toBe('unavailable');
    expect(data(r.response).flags).toBe(64);
  });

  it('"Who said this?" refuses a message without text', async () => {
    const whoSaid: AnyCommand = {
      definition: { name: 'who-said', description: 'w', answers: true, options: [{ name: 'phrase', type: 'string', description: 'p', required: true, maxLength: 20 }] },
      handle: (o) => ({ command: 'who-said', excerpts: [], notice: `got ${String(o.phrase)}` }),
    };
    const c = core([whoSaid]);
    expect((await c.answer(input(messageMenu(WHO_SAID_MENU, '   ')))).outcome).toBe('bad_input');
    const r = await c.answer(input(messageMenu(WHO_SAID_MENU, 'one two three four five six seven')));
    expect(String(data(r.response).content)).toContain('got one two three four');
    expect(String(data(r.response).content)).not.toContain('…');
  });
});

describe('dispatchInteraction', () => {
  function recorder() {
    const calls: Array<[string, unknown]> = [];
    const responder: Responder = {
      callback: async (r) => void calls.push(['callback', r]),
      editOriginal: async (m: SafeMessage) => void calls.push(['edit', m]),
      deleteOriginal: async () => void calls.push(['delete', undefined]),
      followUp: async (m: SafeMessage) => void calls.push(['followUp', m]),
    };
    return { calls, responder };
  }
  const slowFail: AnyCommand = {
    definition: { name: 'slowfail', description: 's', answers: true, options: [] },
    async handle() {
      await sleep(60);
      throw new Error('late failure');
    },
  };

  it('a slow failure after a public deferral becomes a private follow-up', async () => {
    const { calls, responder } = recorder();
    await dispatchInteraction(input(chatInput('slowfail')), core([slowFail]), responder, { logger: silent, deferAfterMs: 10 });
    expect(calls.map((c) => c[0])).toEqual(['callback', 'delete', 'followUp']);
    expect(calls[0]![1]).toEqual({ type: 5 });
    expect(calls[2]![1]).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
  });

  it('a slow page turn defers as an update (type 6) and edits the message', async () => {
    const slowEcho: AnyCommand = { ...echo, handle: async (o, ctx) => (await sleep(60), echo.handle(o, ctx)) };
    const id = encodePageId(echo.definition, { text: 'hi' }, 1);
    const { calls, responder } = recorder();
    await dispatchInteraction(input(buttonPress(id)), core([slowEcho]), responder, { logger: silent, deferAfterMs: 10 });
    expect(calls.map((c) => c[0])).toEqual(['callback', 'edit']);
    expect(calls[0]![1]).toEqual({ type: 6 });
    assertWithinDiscordLimits(calls[1]![1]);
  });

  it('a failed send is logged, never thrown', async () => {
    const responder: Responder = {
      callback: async () => {
        throw new Error('Unknown interaction');
      },
      editOriginal: async () => {},
      deleteOriginal: async () => {},
      followUp: async () => {},
    };
    await expect(dispatchInteraction(input(chatInput('echo', { text: 'x' })), core(), responder, { logger: silent })).resolves.toBeUndefined();
  });
});
