/**
 * Logging: levels come from configuration; every interaction gives exactly one structured line
 * (command, latency, outcome); bot tokens, interaction tokens, private keys and message contents
 * never reach the log — not on success, not on bad input, not when a handler throws, not when
 * Discord refuses the answer. Captured by giving the transports a pino logger over a stream.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { Answer } from '../../src/core/answer';
import type { AnyCommand } from '../../src/core/command';
import { ConfigError, loadConfig } from '../../src/config';
import { WHO_SAID_MENU } from '../../src/discord/definitions';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { createLogger } from '../../src/log';
import { runGateway, type GatewayHandle } from '../../src/discord/gateway';
import { runHttp, type HttpHandle } from '../../src/discord/http';
import { autocomplete, chatInput, messageMenu } from '../discord/fakeDiscord';
import { captureLogger, sleep } from '../discord/helpers';
import { seedKb } from '../helpers';
import { startFaultyDiscord, type FaultyDiscord } from './faultyDiscord';

const ROOT = join(import.meta.dirname, '..', '..');
const BOT_TOKEN = 'MTAxMjM0NTY3ODkw.Z2hvc3Q.SeCrEtToKeNpArTnOtToBeLoGgEd';
const MARKER = 'qqmarker5519';

const echoingFailure: AnyCommand = {
  definition: { name: 'fail', description: 'Fails', answers: true, options: [{ name: 'text', type: 'string', description: 't', maxLength: 100 }] },
  handle(): Answer {
    throw new Error('handler failed for an internal reason');
  },
};

describe('log levels come from configuration', () => {
  it('LOG_LEVEL is validated and used', () => {
    expect(loadConfig({ LOG_LEVEL: 'debug' }, 'console').logLevel).toBe('debug');
    expect(loadConfig({}, 'console').logLevel).toBe('info');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' }, 'console')).toThrow(ConfigError);
    expect(createLogger('warn').isLevelEnabled('info')).toBe(false);
    expect(createLogger('warn').isLevelEnabled('warn')).toBe(true);
    expect(createLogger('debug').isLevelEnabled('debug')).toBe(true);
    expect(createLogger('silent').isLevelEnabled('fatal')).toBe(false);
  });

  it('the process logger redacts token fields, whatever object carries them', () => {
    const script = `import { createLogger } from './src/log.ts';
const log = createLogger('info');
log.info({ token: '${BOT_TOKEN}', config: { token: '${BOT_TOKEN}' }, headers: { authorization: 'Bot ${BOT_TOKEN}' }, privateKey: '${BOT_TOKEN}' }, 'with secrets');`;
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--eval', script], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toContain('with secrets');
    expect(r.stderr).toContain('[redacted]');
    expect(r.stderr).not.toContain('SeCrEt');
  });
});

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await seedKb();
});

describe('gateway: one line per interaction, no secrets, no contents', () => {
  let fake: FaultyDiscord;
  let bot: GatewayHandle;
  const log = captureLogger();
  beforeAll(async () => {
    fake = await startFaultyDiscord();
    bot = await runGateway({
      config: { discordToken: BOT_TOKEN, rateLimitPerMinute: 10_000 },
      getKnowledgeBase: () => kb,
      commands: [...commands, echoingFailure],
      logger: log.logger,
      restApi: fake.api,
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('logs command, latency and outcome for each, and never the token or what users typed', async () => {
    const interactions = [
      chatInput('search', { query: `armistice ${MARKER}` }),
      chatInput('who-said', { phrase: `fundamentally aligned ${MARKER}` }),
      chatInput('search', { query: `\u200b ${MARKER} @everyone` }),
      chatInput('quotes', { speaker: `${MARKER}` }),
      chatInput('fail', { text: MARKER }),
      messageMenu(WHO_SAID_MENU, `Someone wrote ${MARKER} in a message`),
      autocomplete('search', 'article', MARKER),
    ];
    const logged = async (n: number) => {
      const deadline = Date.now() + 15_000;
      while (log.lines.filter((l) => l.msg === 'interaction').length < n && Date.now() < deadline) await sleep(20);
    };
    for (const i of interactions) fake.dispatch(i);
    await logged(interactions.length);
    // Discord refuses one answer outright (500 on every retry): the failure is logged, safely.
    fake.callbackFaults.push({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const refused = chatInput('search', { query: `armistice ${MARKER}` });
    interactions.push(refused);
    fake.dispatch(refused);
    await logged(interactions.length);
    await sleep(50);
    const lines = log.lines.filter((l) => l.msg === 'interaction');
    expect(lines).toHaveLength(interactions.length);
    for (const l of lines) {
      expect(typeof l.command).toBe('string');
      expect(typeof l.ms).toBe('number');
      expect(typeof l.outcome).toBe('string');
      expect(l.level).toBe(30);
    }
    const outcomes = lines.map((l) => l.outcome);
    expect(outcomes).toContain('ok');
    expect(outcomes).toContain('error');
    expect(outcomes).toContain('send_failed');
    expect(log.lines.some((l) => l.msg === 'command handler failed')).toBe(true);
    const all = log.raw.join('\n');
    expect(all).not.toContain(MARKER);
    expect(all).not.toContain('SeCrEt');
    for (const i of interactions) expect(all).not.toContain(i.token);
  });
});

describe('HTTP: one line per interaction, no secrets, no contents', () => {
  const keys = generateKeyPairSync('ed25519');
  const privatePem = keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  let server: HttpHandle;
  const log = captureLogger();
  beforeAll(async () => {
    server = await runHttp({
      config: { publicKey: Buffer.from(keys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex'), rateLimitPerMinute: 10_000 },
      getKnowledgeBase: () => kb,
      commands: [...commands, echoingFailure],
      logger: log.logger,
      restApi: 'http://127.0.0.1:9/api',
      port: 0,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  function post(body: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/interactions', method: 'POST', headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  const signed = (body: string) => {
    const ts = String(Math.floor(Date.now() / 1000));
    return { 'x-signature-ed25519': sign(null, Buffer.from(ts + body), keys.privateKey).toString('hex'), 'x-signature-timestamp': ts };
  };

  it('valid, failing and rejected requests: per-interaction lines only for the valid ones, nothing secret', async () => {
    const good = [chatInput('search', { query: `armistice ${MARKER}` }), chatInput('fail', { text: MARKER }), messageMenu(WHO_SAID_MENU, `${MARKER} said`)];
    for (const i of good) {
      const body = JSON.stringify(i);
      expect(await post(body, signed(body))).toBe(200);
    }
    const forged = JSON.stringify(chatInput('search', { query: MARKER }));
    const badSignature = 'ab'.repeat(64);
    expect(await post(forged, { 'x-signature-ed25519': badSignature, 'x-signature-timestamp': String(Math.floor(Date.now() / 1000)) })).toBe(401);
    await sleep(20);
    const lines = log.lines.filter((l) => l.msg === 'interaction');
    expect(lines).toHaveLength(good.length);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['command', 'deferred', 'interaction', 'level', 'ms', 'msg', 'outcome', 'time']);
    expect(log.lines.filter((l) => l.msg === 'rejected interaction request')).toHaveLength(1);
    const all = log.raw.join('\n');
    expect(all).not.toContain(MARKER);
    expect(all).not.toContain(badSignature);
    expect(all).not.toContain(privatePem.split('\n')[1]!);
    for (const i of good) expect(all).not.toContain(i.token);
  });
});
