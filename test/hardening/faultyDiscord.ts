/**
 * A fake Discord that misbehaves on demand, for fault tests: it closes gateway sockets
 * mid-session, stops acknowledging heartbeats, answers interaction callbacks with 500 or 429
 * (`retry-after`) or slowly. It speaks enough of the gateway for discord.js to identify, resume
 * (op 6 → RESUMED) and heartbeat at a short interval. 127.0.0.1 only; random port.
 * Interaction payloads come from `test/discord/fakeDiscord.ts` (`chatInput` …). Like the strict
 * fake, it refuses bodies Discord would refuse (schema and documented limits → 400 / 50035), a
 * second accepted response to one interaction (40060), and a response type the interaction does
 * not allow; `callback()` then fails at once with Discord's error instead of timing out.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { bodyProblems, callbackTypeProblem, compileRules, DISCORD_CODES, discordError, invalidFormBody, type Rejection } from '../discord/discordRules';
import { BOT_USER_ID, CHANNEL_ID, closeFake, fakeGuild as guild, readJson, readyPayload } from '../discord/fakeDiscord';

export type CallbackFault = { status: 500 } | { status: 429; retryAfter: number } | { delayMs: number };

export interface Attempt {
  method: string;
  path: string;
  body: unknown;
  at: number;
  /** What the fake answered (after any delay); 0 until answered or when the client went away first. */
  status: number;
  /** True once the response was fully written. */
  answered: boolean;
  /** Discord's error body when the fake refused the request as Discord would. */
  error?: Rejection['body'];
}

export interface FaultyDiscord {
  api: string;
  attempts: Attempt[];
  /** Sessions started: IDENTIFY → READY, or RESUME → RESUMED. */
  identifies: number;
  resumes: number;
  heartbeats: number;
  connections: number;
  /** When false, heartbeats (op 1) get no ACK (op 11). */
  ackHeartbeats: boolean;
  /** Applied in order to the next interaction callbacks (one fault per request). */
  callbackFaults: CallbackFault[];
  /** Resolves when identifies + resumes reaches `n`. */
  sessions(n: number, timeoutMs?: number): Promise<void>;
  /** The first callback attempt for interaction `id` that the fake answered with `status`. */
  callback(id: string, status?: number, timeoutMs?: number): Promise<Attempt>;
  callbackAttempts(id: string): Attempt[];
  dispatch(interaction: { id: string } & Record<string, unknown>): void;
  /** Closes every gateway socket (`code`), or drops it without a close frame (`terminate`). */
  dropSockets(how: number | 'terminate'): void;
  close(): Promise<void>;
}

export interface FaultyOptions {
  heartbeatMs?: number;
}

export async function startFaultyDiscord(options: FaultyOptions = {}): Promise<FaultyDiscord> {
  compileRules();
  const attempts: Attempt[] = [];
  const sockets = new Set<WebSocket>();
  const listeners = new Set<() => void>();
  let port = 0;
  let seq = 0;
  const sessionIds = new Set<string>();
  /** Interaction id → type, and the ids whose callback was accepted. */
  const interactionTypes = new Map<string, number>();
  const acknowledged = new Set<string>();
  const notify = () => {
    for (const l of [...listeners]) l();
  };

  const fake: FaultyDiscord = {
    api: '',
    attempts,
    identifies: 0,
    resumes: 0,
    heartbeats: 0,
    connections: 0,
    ackHeartbeats: true,
    callbackFaults: [],
    sessions: (n, timeoutMs = 10_000) => until(() => fake.identifies + fake.resumes >= n, timeoutMs, `${n} gateway sessions`).then(() => undefined),
    callback: (id, status = 204, timeoutMs = 10_000) =>
      until(() => attempts.find((a) => a.path.startsWith(`/api/v10/interactions/${id}/`) && a.answered && (a.status === status || a.error)), timeoutMs, `callback ${status} for ${id}`).then((a) => {
        if (a.status !== status) throw new Error(`faulty Discord refused the callback for ${id} with ${a.status}: ${JSON.stringify(a.error)}\nbody: ${JSON.stringify(a.body).slice(0, 2000)}`);
        return a;
      }),
    callbackAttempts: (id) => attempts.filter((a) => a.path.startsWith(`/api/v10/interactions/${id}/`)),
    dispatch(interaction) {
      if (typeof interaction.type === 'number') interactionTypes.set(interaction.id, interaction.type);
      for (const ws of sockets) ws.send(JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: ++seq, d: interaction }));
    },
    dropSockets(how) {
      for (const ws of sockets) {
        if (how === 'terminate') ws.terminate();
        else ws.close(how);
      }
    },
    close: () => closeFake(server, wss, sockets),
  };

  /** Polls `check` on every fake event and every 20 ms, bounded by `timeoutMs`. */
  function until<T>(check: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const run = () => {
        const v = check();
        if (v) {
          cleanup();
          resolve(v as T);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`faulty Discord: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const poll = setInterval(run, 20);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        listeners.delete(run);
      };
      listeners.add(run);
      run();
    });
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname);
      const body = await readJson(req);
      const method = req.method ?? 'GET';
      const attempt: Attempt = { method, path, body, at: Date.now(), status: 0, answered: false };
      attempts.push(attempt);
      const reply = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
        if (status >= 400 && data && typeof data === 'object' && 'code' in data && (data as { code: number }).code !== 0) attempt.error = data as Rejection['body'];
        if (res.destroyed) return;
        const text = data === undefined ? '' : JSON.stringify(data);
        res.writeHead(status, { ...(data === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
        res.end(text, () => {
          attempt.status = status;
          attempt.answered = true;
          notify();
        });
      };
      notify();
      if (method === 'GET' && path === '/api/v10/gateway/bot') {
        reply(200, { url: `ws://127.0.0.1:${port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
      } else if (method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
        const id = path.split('/')[4]!;
        const refusal = refuseCallback(id, body);
        if (refusal) {
          reply(refusal.status, refusal.body);
          return;
        }
        const fault = fake.callbackFaults.shift();
        if (!fault || 'delayMs' in fault) acknowledged.add(id);
        if (fault && 'delayMs' in fault) {
          await new Promise((r) => setTimeout(r, fault.delayMs));
          reply(204);
        } else if (fault?.status === 500) {
          reply(500, { message: 'Internal Server Error', code: 0 });
        } else if (fault?.status === 429) {
          reply(429, { message: 'You are being rate limited.', retry_after: fault.retryAfter, global: false }, { 'retry-after': String(fault.retryAfter), 'x-ratelimit-scope': 'user' });
        } else {
          reply(204);
        }
      } else if (/^\/api\/v10\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.test(path)) {
        const problems = method === 'PATCH' || method === 'POST' ? bodyProblems(method === 'PATCH' ? 'webhook-edit' : 'webhook-execute', body ?? {}) : [];
        if (problems.length) {
          const refusal = invalidFormBody(problems);
          reply(refusal.status, refusal.body);
        } else if (method === 'DELETE') reply(204);
        else reply(200, { id: '1', channel_id: CHANNEL_ID, content: '', embeds: [], attachments: [], mentions: [], mention_roles: [], pinned: false, tts: false, type: 0, timestamp: new Date().toISOString(), edited_timestamp: null, mention_everyone: false, author: { id: BOT_USER_ID, username: 'quotebook', discriminator: '0', avatar: null } });
      } else {
        reply(404, { message: '404: Not Found', code: 0 });
      }
    })();
  });

  /** What Discord would refuse in a first response: a second one, a wrong type, an invalid body. */
  function refuseCallback(id: string, body: unknown): Rejection | undefined {
    if (acknowledged.has(id)) return discordError(400, DISCORD_CODES.alreadyAcknowledged, 'Interaction has already been acknowledged.');
    const type = interactionTypes.get(id);
    const wrongType = type === undefined ? undefined : callbackTypeProblem(type, (body as { type?: unknown } | undefined)?.type);
    if (wrongType) return wrongType;
    const problems = bodyProblems('interaction-callback', body ?? {});
    return problems.length ? invalidFormBody(problems) : undefined;
  }

  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    fake.connections += 1;
    sockets.add(ws);
    const send = (payload: Record<string, unknown>) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
    };
    send({ op: 10, d: { heartbeat_interval: options.heartbeatMs ?? 41_250 } });
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => sockets.delete(ws));
    ws.on('message', (raw) => {
      let msg: { op: number; d: Record<string, unknown> | null };
      try {
        msg = JSON.parse(String(raw)) as typeof msg;
      } catch {
        return;
      }
      if (msg.op === 1) {
        fake.heartbeats += 1;
        if (fake.ackHeartbeats) send({ op: 11 });
      } else if (msg.op === 2) {
        const sessionId = randomBytes(8).toString('hex');
        sessionIds.add(sessionId);
        send({ op: 0, t: 'READY', s: ++seq, d: readyPayload(sessionId, port) });
        send({ op: 0, t: 'GUILD_CREATE', s: ++seq, d: guild() });
        fake.identifies += 1;
        notify();
      } else if (msg.op === 6) {
        if (sessionIds.has(String(msg.d?.session_id))) {
          send({ op: 0, t: 'RESUMED', s: ++seq, d: {} });
          fake.resumes += 1;
        } else {
          send({ op: 9, d: false });
        }
        notify();
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  fake.api = `http://127.0.0.1:${port}/api`;
  return fake;
}
