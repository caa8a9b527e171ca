/**
 * The HTTP interactions endpoint with real Ed25519 signatures (a key pair made in the test):
 * valid requests are answered by the shared logic, anything unsigned or tampered gets 401 and
 * never reaches a handler; slow answers are deferred and followed up through the fake's webhook.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { Answer } from '../../src/core/answer';
import type { AnyCommand } from '../../src/core/command';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { runHttp, type HttpHandle } from '../../src/discord/http';
import { callbackProblems } from './discordRules';
import { APP_ID, chatInput, startFakeDiscord, type FakeDiscord } from './fakeDiscord';
import { captureLogger, sleep } from './helpers';
import { assertNoLiveMentions, assertWithinDiscordLimits, visibleText } from './limits';

let calls = 0;
const counting: AnyCommand = {
  definition: { name: 'count', description: 'Counts calls', answers: true, options: [] },
  handle(): Answer {
    calls += 1;
    return { command: 'count', excerpts: [], notice: `call ${calls}` };
  },
};
const slow: AnyCommand = {
  definition: { name: 'slow', description: 'Slow', answers: true, options: [] },
  async handle(): Promise<Answer> {
    await sleep(1100);
    return { command: 'slow', excerpts: [], notice: 'slow answer @everyone' };
  },
};

let fake: FakeDiscord;
let server: HttpHandle;
let kb: KnowledgeBase;
const keys = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const log = captureLogger();

function rawPublicKeyHex(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('hex');
}

interface Reply {
  status: number;
  body: string;
  json?: { type: number; data?: Record<string, unknown> };
}

function post(path: string, body: string | Buffer, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Reply['json'];
        try {
          json = JSON.parse(text) as Reply['json'];
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, body: text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function signed(body: string, opts: { key?: KeyObject; timestamp?: number } = {}): Record<string, string> {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), opts.key ?? keys.privateKey).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

/**
 * Posts an interaction; the HTTP answer is its first response, so it is checked here the way the
 * strict fake checks callbacks, and the fake is told of the interaction so its webhook calls
 * (deferred edits, follow-ups) are accepted.
 */
const send = async (payload: { id?: string; token?: string; type?: number } & Record<string, unknown>, headers?: Record<string, string>) => {
  const body = JSON.stringify(payload);
  const reply = await post('/interactions', body, headers ?? signed(body));
  if (reply.status === 200 && reply.json && typeof payload.type === 'number') {
    expect(callbackProblems(payload.type, reply.json), 'what Discord would refuse in the HTTP answer').toEqual([]);
    if (payload.id && payload.token) fake.track({ id: payload.id, token: payload.token, type: payload.type }, reply.json.type);
  }
  return reply;
};

beforeAll(async () => {
  fake = await startFakeDiscord();
  kb = await loadKnowledgeBase('knowledge');
  server = await runHttp({
    config: { publicKey: rawPublicKeyHex(keys.publicKey), rateLimitPerMinute: 1000 },
    getKnowledgeBase: () => kb,
    commands: [...commands, counting, slow],
    logger: log.logger,
    restApi: fake.api,
    port: 0,
    host: '127.0.0.1',
  });
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('HTTP interactions endpoint', () => {
  it('answers PING with PONG', async () => {
    const r = await send({ type: 1, id: '1', application_id: APP_ID, token: 't', version: 1 });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ type: 1 });
  });

  it('answers a signed /search with the armistice paragraph', async () => {
    const r = await send(chatInput('search', { query: 'armistice' }));
    expect(r.status).toBe(200);
    expect(r.json?.type).toBe(4);
    assertWithinDiscordLimits(r.json);
    expect(visibleText(r.json)).toMatch(/\*\*armistice\*\* agreement/i);
  });

  it('neutralises mentions and sets allowed_mentions', async () => {
    const r = await send(chatInput('search', { query: '@here <@123> armistice' }));
    expect(r.json?.data?.allowed_mentions).toEqual({ parse: [] });
    assertNoLiveMentions(visibleText(r.json));
  });

  it('thread:true over HTTP (no bot token to start threads): the usual paged answer in the channel', async () => {
    const r = await send(chatInput('search', { query: 'said', thread: true }));
    expect(r.json?.type).toBe(4);
    assertWithinDiscordLimits(r.json);
    expect(visibleText(r.json)).toMatch(/page 1\//);
    expect(fake.threads.size).toBe(0);
  });

  it('GET /healthz → 200', async () => {
    const r = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: '/healthz' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(r).toBe(200);
  });

  describe('rejects with 401 and runs nothing', () => {
    const cases: Array<[string, () => Promise<Reply>]> = [
      [
        'tampered body',
        () => {
          const body = JSON.stringify(chatInput('count'));
          return post('/interactions', body.replace('"count"', '"count" '), signed(body));
        },
      ],
      ['wrong key', () => { const body = JSON.stringify(chatInput('count')); return post('/interactions', body, signed(body, { key: other.privateKey })); }],
      ['missing headers', () => post('/interactions', JSON.stringify(chatInput('count')), {})],
      ['missing signature', () => { const body = JSON.stringify(chatInput('count')); return post('/interactions', body, { 'x-signature-timestamp': signed(body)['x-signature-timestamp']! }); }],
      ['short signature', () => { const body = JSON.stringify(chatInput('count')); return post('/interactions', body, { ...signed(body), 'x-signature-ed25519': 'abcd' }); }],
      ['stale timestamp', () => { const body = JSON.stringify(chatInput('count')); return post('/interactions', body, signed(body, { timestamp: Math.floor(Date.now() / 1000) - 301 })); }],
      ['future timestamp', () => { const body = JSON.stringify(chatInput('count')); return post('/interactions', body, signed(body, { timestamp: Math.floor(Date.now() / 1000) + 600 })); }],
      ['signed PING with another key', () => { const body = JSON.stringify({ type: 1 }); return post('/interactions', body, signed(body, { key: other.privateKey })); }],
    ];
    it.each(cases)('%s', async (_name, attempt) => {
      const before = calls;
      const callbacksBefore = fake.requests.length;
      const r = await attempt();
      expect(r.status).toBe(401);
      expect(r.body).not.toMatch(/at .*\.ts/);
      await sleep(20);
      expect(calls).toBe(before);
      expect(fake.requests.length).toBe(callbacksBefore);
    });
  });

  it('the counting command does run when signed correctly', async () => {
    const before = calls;
    const r = await send(chatInput('count'));
    expect(r.json?.type).toBe(4);
    expect(calls).toBe(before + 1);
  });

  it('rejects oversized bodies with 413', async () => {
    const big = JSON.stringify({ type: 2, pad: 'x'.repeat(300 * 1024) });
    const r = await post('/interactions', big, signed(big));
    expect(r.status).toBe(413);
  });

  it('rejects oversized chunked bodies (no content-length) with 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/interactions', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 40; i++) req.write('x'.repeat(8 * 1024));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('signed but not JSON → 400 without a stack trace', async () => {
    const body = '{not json';
    const r = await post('/interactions', body, signed(body));
    expect(r.status).toBe(400);
    expect(r.body).not.toMatch(/SyntaxError|at /);
  });

  it('defers a slow command (type 5) and PATCHes @original through the fake', async () => {
    const interaction = chatInput('slow', { hide: true });
    const r = await send(interaction);
    expect(r.json).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.nextWebhook(interaction.token, 'PATCH', 5000);
    expect(edit.path).toBe(`/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original`);
    assertWithinDiscordLimits(edit.body);
    expect(visibleText(edit.body)).toContain('slow answer');
    assertNoLiveMentions(visibleText(edit.body));
  });
});
