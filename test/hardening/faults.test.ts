/**
 * Faults against a misbehaving fake Discord (`faultyDiscord.ts`), with the real gateway bot
 * (discord.js Client) and the real commands: the gateway socket is closed mid-session or dropped,
 * heartbeats stop being acknowledged, the interaction callback returns 500 or 429 with
 * `retry-after`, or answers slowly. The bot resumes or reconnects and retries as discord.js
 * allows, keeps answering, and never crashes. A handler that throws gives an ephemeral error to
 * its user only, while another user's simultaneous interaction is answered. The process itself
 * shuts down cleanly on SIGTERM/SIGINT (gateway and HTTP mode, on a child process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign as edSign } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { Answer } from '../../src/core/answer';
import type { AnyCommand } from '../../src/core/command';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { runGateway, type GatewayHandle } from '../../src/discord/gateway';
import { chatInput } from '../discord/fakeDiscord';
import { captureLogger, sleep } from '../discord/helpers';
import { assertNoLiveMentions, assertWithinDiscordLimits, visibleText } from '../discord/limits';
import { markdownArticle, seedKb, tempKnowledge } from '../helpers';
import { startFaultyDiscord, type FaultyDiscord } from './faultyDiscord';

const OTHER_USER = '555555555555555555';

const exploding: AnyCommand = {
  definition: { name: 'explode', description: 'Throws', answers: true, options: [] },
  handle() {
    throw new Error('kaboom-secret-internal-detail');
  },
};
const rejecting: AnyCommand = {
  definition: { name: 'reject', description: 'Rejects later', answers: true, options: [] },
  async handle(): Promise<Answer> {
    await sleep(50);
    throw new TypeError('cannot read properties of undefined (internal)');
  },
};
const malformed: AnyCommand = {
  definition: { name: 'malformed', description: 'Returns a broken answer', answers: true, options: [] },
  handle: () => ({ command: 'malformed', excerpts: [{ text: 42 }] }) as unknown as Answer,
};

let fake: FaultyDiscord;
let bot: GatewayHandle;
let kb: KnowledgeBase;
const log = captureLogger();

interface Reply {
  type: number;
  data?: { content?: string; flags?: number; embeds?: unknown[] };
}

/** Dispatches and waits for the successful callback. */
async function answer(interaction: ReturnType<typeof chatInput>, timeoutMs = 10_000): Promise<Reply> {
  fake.dispatch(interaction);
  const attempt = await fake.callback(interaction.id, 204, timeoutMs);
  return attempt.body as Reply;
}

async function answersNormally(): Promise<void> {
  const body = await answer(chatInput('search', { query: 'armistice' }));
  expect(body.type).toBe(4);
  expect(body.data?.flags ?? 0).toBe(0);
  assertWithinDiscordLimits(body);
  expect(visibleText(body)).toMatch(/armistice/i);
}

const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => unhandled.push(err);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  kb = await seedKb();
  fake = await startFaultyDiscord({ heartbeatMs: 250 });
  bot = await runGateway({
    config: { discordToken: 'MTAx.fake.token', rateLimitPerMinute: 10_000 },
    getKnowledgeBase: () => kb,
    commands: [...commands, exploding, rejecting, malformed],
    logger: log.logger,
    restApi: fake.api,
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  expect(unhandled).toEqual([]);
});

describe('gateway faults', () => {
  it('answers normally to begin with', answersNormally);

  it('the socket is closed mid-session (close code 4000) → resumes and keeps answering', async () => {
    const sessions = fake.identifies + fake.resumes;
    fake.dropSockets(4000);
    await fake.sessions(sessions + 1);
    await answersNormally();
  });

  it('the socket is dropped without a close frame → resumes and keeps answering', async () => {
    const sessions = fake.identifies + fake.resumes;
    fake.dropSockets('terminate');
    await fake.sessions(sessions + 1);
    await answersNormally();
  });

  it('heartbeats stop being acknowledged → the zombie connection is replaced, answering goes on', async () => {
    const sessions = fake.identifies + fake.resumes;
    const connections = fake.connections;
    const heartbeats = fake.heartbeats;
    fake.ackHeartbeats = false;
    try {
      await fake.sessions(sessions + 1);
    } finally {
      fake.ackHeartbeats = true;
    }
    expect(fake.heartbeats).toBeGreaterThan(heartbeats);
    expect(fake.connections).toBeGreaterThan(connections);
    await answersNormally();
  });

  it('the callback returns 500 once → discord.js retries, the user gets the answer', async () => {
    fake.callbackFaults.push({ status: 500 });
    const interaction = chatInput('search', { query: 'armistice' });
    const body = await answer(interaction);
    expect(body.type).toBe(4);
    expect(fake.callbackAttempts(interaction.id).map((a) => a.status)).toEqual([500, 204]);
  });

  it('the callback returns 500 on every retry → logged, no crash, the next interaction is answered', async () => {
    fake.callbackFaults.push({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const interaction = chatInput('search', { query: 'armistice' });
    fake.dispatch(interaction);
    await fake.callback(interaction.id, 500);
    const deadline = Date.now() + 10_000;
    while (!log.lines.some((l) => l.msg === 'could not deliver interaction response') && Date.now() < deadline) await sleep(20);
    expect(log.lines.some((l) => l.msg === 'could not deliver interaction response')).toBe(true);
    expect(fake.callbackAttempts(interaction.id).length).toBe(4);
    fake.callbackFaults.length = 0;
    await answersNormally();
  });

  it('the callback returns 429 with retry-after → waits that long, retries, answers', async () => {
    fake.callbackFaults.push({ status: 429, retryAfter: 0.4 });
    const interaction = chatInput('search', { query: 'armistice' });
    const body = await answer(interaction);
    expect(body.type).toBe(4);
    const [limited, ok] = fake.callbackAttempts(interaction.id);
    expect(limited!.status).toBe(429);
    expect(ok!.at - limited!.at).toBeGreaterThanOrEqual(380);
    await answersNormally();
  });

  it('a slow callback (2 s) does not stop the bot: both users are answered', async () => {
    fake.callbackFaults.push({ delayMs: 2000 });
    const slow = chatInput('search', { query: 'armistice' });
    const other = chatInput('search', { query: 'Sullivan' }, { userId: OTHER_USER });
    const started = Date.now();
    fake.dispatch(slow);
    await sleep(50);
    fake.dispatch(other);
    const [a, b] = await Promise.all([fake.callback(slow.id), fake.callback(other.id)]);
    expect((a.body as Reply).type).toBe(4);
    expect((b.body as Reply).type).toBe(4);
    console.log(`slow callback: other user's answer arrived after ${b.at - started} ms`);
    expect(b.at - started).toBeLessThan(5000);
  });

  it.each(['explode', 'reject', 'malformed'])(
    'a handler failure (/%s) is an ephemeral error for that user only; another user at the same time gets the answer',
    async (failing) => {
      const bad = chatInput(failing);
      const good = chatInput('search', { query: 'armistice' }, { userId: OTHER_USER });
      fake.dispatch(bad);
      fake.dispatch(good);
      const [badBody, goodBody] = await Promise.all([fake.callback(bad.id), fake.callback(good.id)]).then((r) => r.map((a) => a.body as Reply));
      expect(badBody!.type).toBe(4);
      expect(badBody!.data?.flags).toBe(64);
      expect(badBody!.data?.content).toMatch(/failed|wrong/i);
      expect(JSON.stringify(badBody)).not.toMatch(/kaboom|internal|TypeError|at .*\.ts/);
      assertWithinDiscordLimits(badBody);
      assertNoLiveMentions(visibleText(badBody));
      expect(goodBody!.type).toBe(4);
      expect(goodBody!.data?.flags ?? 0).toBe(0);
      expect(goodBody!.data?.embeds?.length ?? 0).toBeGreaterThan(0);
    },
  );

  it('after all of this the bot still answers', answersNormally);
});

// ---------------------------------------------------------------------------------------------
// Clean shutdown of the real process, started as `npm start` starts it (node --import tsx
// src/main.ts: the signal reaches the bot itself, not a tsx launcher relaying it).

const ROOT = join(import.meta.dirname, '..', '..');
const TOKEN = 'MTAx.fake.token';
const MARKER = 'zqmarker7741';

interface Child {
  proc: ChildProcess;
  stderr: () => string;
  /** Resolves with the exit code and signal (bounded). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits for a stderr log line whose msg matches. */
  line(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
}

function startBot(args: string[], env: Record<string, string>): Child {
  const knowledge = tempKnowledge({
    'good.md': markdownArticle({ id: 'good-one' }, ['The mayor opened the armistice bridge on Friday, officials said.']),
    'broken.md': '---\ntitle: [unclosed\n---\n\nBody.\n',
  });
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--no-watch', '--no-cache', ...args], {
    cwd: ROOT,
    env: { ...process.env, KNOWLEDGE_DIR: knowledge, LOG_LEVEL: 'info', QUOTEBOOK_CACHE_DIR: join(knowledge, '.cache'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  proc.stdout!.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const parsed = () =>
    stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return {
    proc,
    stderr: () => stderr,
    exited,
    // Start-up on a loaded 2-core CI machine can take many seconds; only a missing line fails.
    async line(msg, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = parsed().find((l) => l.msg === msg);
        if (found) return found;
        if (Date.now() > deadline || proc.exitCode !== null || proc.signalCode !== null) throw new Error(`no "${msg}" log line; stderr:\n${stderr.slice(-2000)}`);
        await sleep(25);
      }
    },
  };
}

/** Waits for exit, killing the child if it hangs (so a failing test never leaves it behind). */
async function exitOf(child: Child, timeoutMs = 10_000) {
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), timeoutMs);
  const result = await child.exited;
  clearTimeout(timer);
  return result;
}

/** What every clean run's log must (not) contain. */
function assertCleanLog(stderr: string): void {
  expect(stderr).toContain('knowledge file skipped');
  expect(stderr).toContain('broken.md');
  expect(stderr).not.toContain(TOKEN);
  expect(stderr).not.toContain(MARKER);
  expect(stderr).not.toMatch(/"level":(50|60)/);
  for (const line of stderr.split('\n').filter(Boolean)) expect(() => JSON.parse(line), line).not.toThrow();
}

describe('clean shutdown of the gateway process', { timeout: 90_000 }, () => {
  let faulty: FaultyDiscord;
  beforeAll(async () => {
    faulty = await startFaultyDiscord();
  });
  afterAll(async () => {
    await faulty?.close();
  });

  it('SIGTERM with an answer in flight: the answer is delivered, the client destroyed, exit 0', async () => {
    const child = startBot([], { DISCORD_TOKEN: TOKEN, DISCORD_API: faulty.api });
    try {
      await child.line('gateway ready');
      // Discord takes 1.5 s to accept the answer; SIGTERM arrives in the middle.
      faulty.callbackFaults.push({ delayMs: 1500 });
      const interaction = chatInput('search', { query: `armistice ${MARKER}` });
      faulty.dispatch(interaction);
      const deadline = Date.now() + 10_000;
      while (faulty.callbackAttempts(interaction.id).length === 0 && Date.now() < deadline) await sleep(10);
      expect(faulty.callbackAttempts(interaction.id)).toHaveLength(1);
      child.proc.kill('SIGTERM');
      // A second signal mid-shutdown (a process manager or launcher repeating it) changes nothing.
      await child.line('shutting down');
      child.proc.kill('SIGTERM');
      await child.line('already shutting down');
      const { code, signal } = await exitOf(child);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      const [attempt] = faulty.callbackAttempts(interaction.id);
      expect(attempt!.answered, 'the in-flight callback completed').toBe(true);
      expect((attempt!.body as Reply).type).toBe(4);
      const stderr = child.stderr();
      expect(stderr).toContain('"msg":"shutting down"');
      expect(stderr.split('\n').some((l) => l.includes('"msg":"interaction"') && l.includes('"outcome":"ok"'))).toBe(true);
      assertCleanLog(stderr);
    } finally {
      child.proc.kill('SIGKILL');
    }
  });

  it('SIGINT when idle: exit 0 promptly', async () => {
    const child = startBot([], { DISCORD_TOKEN: TOKEN, DISCORD_API: faulty.api });
    try {
      await child.line('gateway ready');
      await expectPromptExitOnSigint(child);
    } finally {
      child.proc.kill('SIGKILL');
    }
  });
});

/** SIGINT to an idle bot: it exits 0 within 5 s and leaves a clean log. */
async function expectPromptExitOnSigint(child: Child): Promise<void> {
  const started = Date.now();
  child.proc.kill('SIGINT');
  expect(await exitOf(child)).toEqual({ code: 0, signal: null });
  expect(Date.now() - started).toBeLessThan(5000);
  assertCleanLog(child.stderr());
}

describe('clean shutdown of the HTTP process', { timeout: 90_000 }, () => {
  const keys = generateKeyPairSync('ed25519');
  const publicKey = Buffer.from(keys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  const sign = (body: string) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return { 'x-signature-ed25519': edSign(null, Buffer.from(timestamp + body), keys.privateKey).toString('hex'), 'x-signature-timestamp': timestamp };
  };

  async function listening(child: Child): Promise<number> {
    const line = await child.line('http interactions endpoint listening');
    return Number(line.port);
  }

  it('SIGTERM while a request is arriving: it is still answered, then exit 0', async () => {
    const child = startBot(['--http'], { DISCORD_PUBLIC_KEY: publicKey, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', DISCORD_TOKEN: '' });
    try {
      const port = await listening(child);
      const body = JSON.stringify(chatInput('search', { query: `armistice ${MARKER}` }));
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: '/interactions', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...sign(body) } },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString('utf8')));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        // Half the body now, SIGTERM, the rest a moment later.
        req.write(body.slice(0, 40));
        setTimeout(() => {
          child.proc.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(40)), 300);
        }, 100);
      });
      const r = await response;
      expect(r.status).toBe(200);
      expect((JSON.parse(r.text) as Reply).type).toBe(4);
      expect(await exitOf(child)).toEqual({ code: 0, signal: null });
      assertCleanLog(child.stderr());
    } finally {
      child.proc.kill('SIGKILL');
    }
  });

  it('SIGINT when idle: exit 0 promptly', async () => {
    const child = startBot(['--http'], { DISCORD_PUBLIC_KEY: publicKey, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', DISCORD_TOKEN: '' });
    try {
      await listening(child);
      await expectPromptExitOnSigint(child);
    } finally {
      child.proc.kill('SIGKILL');
    }
  });
});
