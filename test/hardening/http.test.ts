/**
 * The HTTP interactions endpoint under abuse: body size limit (413), request timeout (slow
 * clients are cut off), replayed requests (timestamps older than 5 minutes → 401), and a flood of
 * 10,000 badly signed requests from a bounded local load loop with valid signed requests
 * interleaved — which must all still be answered. No response body ever carries a stack trace.
 * Prints requests sent, valid ones answered, and peak RSS.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { Answer } from '../../src/core/answer';
import type { AnyCommand } from '../../src/core/command';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { MAX_BODY_BYTES, runHttp, type HttpHandle } from '../../src/discord/http';
import { chatInput } from '../discord/fakeDiscord';
import { captureLogger } from '../discord/helpers';
import { compileRules } from '../discord/discordRules';
import { assertWithinDiscordLimits } from '../discord/limits';
import { seedKb } from '../helpers';

const FLOOD = Number(process.env.FLOOD_REQUESTS ?? 10_000);
const CONCURRENCY = 32;
const VALID_EVERY = 100;
const REQUEST_TIMEOUT_MS = 600;

const exploding: AnyCommand = {
  definition: { name: 'explode', description: 'Throws', answers: true, options: [] },
  handle(): Answer {
    throw new Error('kaboom internal detail');
  },
};

const keys = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const publicKeyHex = Buffer.from(keys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
let server: HttpHandle;
let kb: KnowledgeBase;
const log = captureLogger();
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
/** Every distinct response body seen, to check none carries a stack trace. */
const bodies = new Set<string>();

interface Reply {
  status: number;
  body: string;
}

function post(body: string | Buffer, headers: Record<string, string>, path = '/interactions', method = 'POST'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        bodies.add(text.slice(0, 2000));
        resolve({ status: res.statusCode ?? 0, body: text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function signed(body: string, opts: { key?: KeyObject; timestamp?: number } = {}): Record<string, string> {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  return { 'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), opts.key ?? keys.privateKey).toString('hex'), 'x-signature-timestamp': timestamp };
}

const validRequest = () => {
  const body = JSON.stringify(chatInput('search', { query: 'armistice' }, { userId: String(100000000000000000n + BigInt(Math.floor(Math.random() * 1e9))) }));
  return post(body, signed(body));
};

beforeAll(async () => {
  // The strict body check compiles Discord's schema on first use (synchronous): not during the flood.
  compileRules();
  kb = await seedKb();
  server = await runHttp({
    config: { publicKey: publicKeyHex, rateLimitPerMinute: 10_000 },
    getKnowledgeBase: () => kb,
    commands: [...commands, exploding],
    logger: log.logger,
    restApi: 'http://127.0.0.1:9/api',
    port: 0,
    host: '127.0.0.1',
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
});

afterAll(async () => {
  agent.destroy();
  await server?.close();
  for (const body of bodies) {
    expect(body).not.toMatch(/\n\s+at\s|\bat .*\.(ts|js):\d+|Error:|kaboom/);
  }
});

describe('body size limit', () => {
  it('413 for a declared length over the limit, before reading it', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const r = await post(big, signed(big.toString()));
    expect(r.status).toBe(413);
  });

  it('413 for a chunked body that grows over the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/interactions', method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 40; i++) req.write(Buffer.alloc(8 * 1024, 0x61));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('a signed interaction just under the limit is answered', async () => {
    const interaction = { ...chatInput('help'), padding: 'x'.repeat(MAX_BODY_BYTES - 4096) };
    const body = JSON.stringify(interaction);
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_BODY_BYTES);
    const r = await post(body, signed(body));
    expect(r.status).toBe(200);
  });
});

describe('request timeout', () => {
  it('a client that sends half a request and stalls is cut off (408), and others are still answered', async () => {
    const started = Date.now();
    const closed = new Promise<{ data: string; ms: number }>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write('POST /interactions HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 500\r\ncontent-type: application/json\r\n\r\n{"type":');
      });
      let data = '';
      socket.on('data', (d: Buffer) => (data += d.toString('utf8')));
      socket.on('close', () => resolve({ data, ms: Date.now() - started }));
      socket.on('error', reject);
      setTimeout(() => {
        socket.destroy();
        reject(new Error('the server kept a stalled request open for 5 s'));
      }, 5000);
    });
    const meanwhile = await validRequest();
    expect(meanwhile.status).toBe(200);
    const { data, ms } = await closed;
    expect(ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + 2000);
    expect(data).toMatch(/^HTTP\/1\.1 408/);
  });

  it('a client that never finishes its headers is cut off too', async () => {
    const ms = await new Promise<number>((resolve, reject) => {
      const started = Date.now();
      const socket = connect(server.port, '127.0.0.1', () => socket.write('POST /interactions HTTP/1.1\r\nhost: 127.0.0.1\r\nx-slow: '));
      socket.on('close', () => resolve(Date.now() - started));
      socket.on('error', reject);
      socket.resume();
      setTimeout(() => {
        socket.destroy();
        reject(new Error('headers never finished, yet the connection stayed open for 5 s'));
      }, 5000);
    });
    expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + 2000);
  });
});

describe('replayed requests', () => {
  it.each([
    ['5 minutes and 1 second old', -301],
    ['an hour old', -3600],
    ['a day old', -86_400],
    ['10 minutes in the future', 600],
  ])('a correctly signed request %s → 401, nothing runs', async (_what, offset) => {
    const body = JSON.stringify(chatInput('search', { query: 'armistice' }));
    const r = await post(body, signed(body, { timestamp: Math.floor(Date.now() / 1000) + offset }));
    expect(r.status).toBe(401);
  });

  it('the same request signed 4 minutes ago is still accepted (clock skew within 5 minutes)', async () => {
    const body = JSON.stringify(chatInput('search', { query: 'armistice' }));
    const r = await post(body, signed(body, { timestamp: Math.floor(Date.now() / 1000) - 240 }));
    expect(r.status).toBe(200);
  });
});

describe('errors never show internals', () => {
  it('a handler that throws: ephemeral generic message, no stack trace', async () => {
    const body = JSON.stringify(chatInput('explode'));
    const r = await post(body, signed(body));
    expect(r.status).toBe(200);
    const json = JSON.parse(r.body) as { data: { flags: number; content: string } };
    expect(json.data.flags).toBe(64);
    expect(r.body).not.toMatch(/kaboom|Error|at /);
  });

  it.each([
    ['GET', '/interactions', 405],
    ['POST', '/nope', 404],
    ['PUT', '/interactions', 405],
    ['POST', '/interactions?x=%ZZ', 401], // a bad query string does not matter: the signature is missing
  ])('%s %s → %i with a short status text', async (method, path, status) => {
    const r = await post('', {}, path, method);
    expect(r.status).toBe(status);
    expect(r.body.length).toBeLessThan(100);
  });

  it('signed garbage (not JSON, JSON without a type, a JSON array) → 400', async () => {
    for (const body of ['{"type":', '{}', '[1,2,3]', 'null', '"string"']) {
      const r = await post(body, signed(body));
      expect(r.status, body).toBe(400);
    }
  });
});

describe('a flood of badly signed requests', () => {
  it(`${FLOOD} bad requests with valid ones interleaved: every valid one is answered`, async () => {
    const validBody = JSON.stringify(chatInput('count-me-not'));
    const badKinds: Array<() => [string | Buffer, Record<string, string>]> = [
      () => [validBody, { 'x-signature-ed25519': randomBytes(64).toString('hex'), 'x-signature-timestamp': String(Math.floor(Date.now() / 1000)) }],
      () => [validBody, signed(validBody, { key: other.privateKey })],
      () => [validBody, {}],
      () => [validBody, { 'x-signature-ed25519': 'zz', 'x-signature-timestamp': 'now' }],
      () => [validBody, signed(validBody, { timestamp: Math.floor(Date.now() / 1000) - 3600 })],
      () => [randomBytes(512), { 'x-signature-ed25519': randomBytes(64).toString('hex'), 'x-signature-timestamp': String(Math.floor(Date.now() / 1000)) }],
      () => {
        const s = signed(validBody);
        return [validBody.replace('count', 'c0unt'), s];
      },
    ];
    let rssPeak = process.memoryUsage().rss;
    const rssStart = rssPeak;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 25);
    let sent = 0;
    let bad = 0;
    let badRejected = 0;
    let valid = 0;
    let validAnswered = 0;
    const statuses = new Map<number, number>();
    const validLatencies: number[] = [];
    const started = Date.now();
    let next = 0;
    const total = FLOOD + Math.floor(FLOOD / VALID_EVERY);
    async function worker(): Promise<void> {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        sent += 1;
        if (i % (VALID_EVERY + 1) === VALID_EVERY) {
          valid += 1;
          const t = performance.now();
          const r = await validRequest();
          validLatencies.push(performance.now() - t);
          const json = r.status === 200 ? (JSON.parse(r.body) as { type: number }) : undefined;
          if (json?.type === 4) {
            assertWithinDiscordLimits(json);
            validAnswered += 1;
          }
        } else {
          bad += 1;
          const [body, headers] = badKinds[i % badKinds.length]!();
          const r = await post(body, headers);
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status === 401) badRejected += 1;
        }
      }
    }
    try {
      // Bounded by its count: a fixed number of requests, CONCURRENCY at a time. No wall-clock
      // deadline (a loaded CI machine is slow, not wrong); a hang fails at the test's timeout.
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      next = Number.MAX_SAFE_INTEGER;
      clearInterval(sampler);
    }
    const seconds = (Date.now() - started) / 1000;
    validLatencies.sort((a, b) => a - b);
    console.log(
      [
        `flood: ${sent} requests sent in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s, concurrency ${CONCURRENCY})`,
        `  badly signed: ${bad}, rejected 401: ${badRejected} (statuses ${JSON.stringify(Object.fromEntries(statuses))})`,
        `  valid signed: ${valid}, answered: ${validAnswered}; latency median ${validLatencies[Math.floor(validLatencies.length / 2)]?.toFixed(1)} ms, max ${validLatencies.at(-1)?.toFixed(1)} ms`,
        `  RSS: start ${(rssStart / 1048576).toFixed(0)} MB, peak ${(rssPeak / 1048576).toFixed(0)} MB`,
      ].join('\n'),
    );
    expect(bad).toBe(FLOOD);
    expect(badRejected).toBe(FLOOD);
    expect(validAnswered).toBe(valid);
    expect(valid).toBe(Math.floor(FLOOD / VALID_EVERY));
    // Memory stays bounded: the flood must not grow the process by hundreds of MB.
    expect(rssPeak - rssStart).toBeLessThan(200 * 1048576);
    // And it keeps answering afterwards.
    expect((await validRequest()).status).toBe(200);
  }, 180_000);
});
