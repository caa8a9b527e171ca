/**
 * A fake Discord on 127.0.0.1 (random port) for tests: the REST routes a bot uses (recorded, so
 * tests can assert exact payloads) and a gateway WebSocket (HELLO, IDENTIFY → READY +
 * GUILD_CREATE, heartbeat ACK) through which tests dispatch INTERACTION_CREATE events.
 * Nothing here ever talks to discord.com.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Decoded path without query, e.g. /api/v10/webhooks/1/tok/messages/@original */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export const APP_ID = '111111111111111111';
export const GUILD_ID = '222222222222222222';
export const CHANNEL_ID = '333333333333333333';
export const BOT_USER_ID = APP_ID;
export const USER_ID = '444444444444444444';

let snowflakeCounter = 0n;
/** Unique, increasing snowflake-like ids. */
export function snowflake(): string {
  snowflakeCounter += 1n;
  return ((BigInt(Date.now() - 1420070400000) << 22n) + snowflakeCounter).toString();
}

export interface FakeDiscord {
  /** REST base for clients (`rest.api`), e.g. http://127.0.0.1:1234/api */
  api: string;
  requests: RecordedRequest[];
  /** Resolves with the first recorded request (past or future) matching `predicate`. */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** The interaction callback for interaction `id`. */
  nextCallback(id: string, timeoutMs?: number): Promise<RecordedRequest>;
  /** A webhook request (`@original` edit/delete or follow-up) for interaction token `token`. */
  nextWebhook(token: string, method: string, timeoutMs?: number): Promise<RecordedRequest>;
  /** Sends INTERACTION_CREATE to every connected gateway client. */
  dispatch(interaction: Record<string, unknown>): void;
  /** Resolves once a client has identified and received READY + GUILD_CREATE. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** A request body as JSON (or as text when it is not JSON); undefined when empty or cut off. Shared with the fault-injecting fake. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  try {
    for await (const c of req) chunks.push(c as Buffer);
  } catch {
    return undefined;
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Starts the fake. */
export async function startFakeDiscord(): Promise<FakeDiscord> {
  const requests: RecordedRequest[] = [];
  const waiters: Array<{ predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }> = [];
  const sockets = new Set<WebSocket>();
  let readyResolve!: () => void;
  const readyPromise = new Promise<void>((r) => (readyResolve = r));
  let port = 0;

  function record(r: RecordedRequest) {
    requests.push(r);
    for (const w of [...waiters]) {
      if (w.predicate(r)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(r);
      }
    }
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname);
      const body = await readJson(req);
      const json = (status: number, data?: unknown) => {
        if (data === undefined) {
          res.writeHead(status);
          res.end();
          return;
        }
        const text = JSON.stringify(data);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(text);
      };
      const m = req.method ?? 'GET';
      // Record before answering, so a test that awaits the client's call always finds it.
      record({ method: m, path, query: url.searchParams, headers: req.headers, body });
      let handled = true;
      if (m === 'GET' && path === '/api/v10/gateway/bot') {
        json(200, {
          url: `ws://127.0.0.1:${port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        });
      } else if (m === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
        json(204);
      } else if (/^\/api\/v10\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) {
        if (m === 'DELETE') json(204);
        else if (m === 'PATCH' || m === 'GET') json(200, fakeMessage(body));
        else handled = false;
      } else if (m === 'POST' && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(path)) {
        json(200, fakeMessage(body));
      } else if (m === 'PUT' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
        json(200, (Array.isArray(body) ? body : []).map((c: Record<string, unknown>) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() })));
      } else {
        handled = false;
      }
      if (!handled) json(404, { message: '404: Not Found', code: 0 });
    })();
  });

  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    let seq = 0;
    const send = (payload: Record<string, unknown>) => ws.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: 41250 } });
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (msg.op === 1) send({ op: 11 });
      if (msg.op === 2) {
        send({ op: 0, t: 'READY', s: ++seq, d: readyPayload(randomBytes(8).toString('hex'), port) });
        send({ op: 0, t: 'GUILD_CREATE', s: ++seq, d: fakeGuild() });
        (ws as WebSocket & { seq?: () => number }).seq = () => ++seq;
        readyResolve();
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  function waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = requests.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (r: RecordedRequest) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.push(waiter);
    });
  }

  return {
    api: `http://127.0.0.1:${port}/api`,
    requests,
    waitFor,
    nextCallback: (id, timeoutMs) => waitFor((r) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${id}/`), timeoutMs),
    nextWebhook: (token, method, timeoutMs) =>
      waitFor((r) => r.method === method && r.path.startsWith(`/api/v10/webhooks/${APP_ID}/${token}`), timeoutMs),
    dispatch(interaction) {
      for (const ws of sockets) {
        const seq = (ws as WebSocket & { seq?: () => number }).seq?.() ?? 0;
        ws.send(JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: seq, d: interaction }));
      }
    },
    ready: () => readyPromise,
    close: () => closeFake(server, wss, sockets),
  };
}

/** Stops a fake: drops every socket and connection, then resolves once the server is closed. */
export function closeFake(server: Server, wss: WebSocketServer, sockets: Iterable<WebSocket>): Promise<void> {
  return new Promise<void>((resolve) => {
    for (const ws of sockets) ws.terminate();
    wss.close();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The READY payload for a session on this fake (shared with the fault-injecting fake). */
export function readyPayload(sessionId: string, port: number) {
  return {
    v: 10,
    user: { id: BOT_USER_ID, username: 'quotebook', discriminator: '0', avatar: null, bot: true, global_name: null },
    guilds: [{ id: GUILD_ID, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: `ws://127.0.0.1:${port}`,
    shard: [0, 1],
    application: { id: APP_ID, flags: 0 },
  };
}

/** The GUILD_CREATE payload of the one test guild (shared with the fault-injecting fake). */
export function fakeGuild() {
  return {
    id: GUILD_ID,
    name: 'Test Server',
    icon: null,
    owner_id: USER_ID,
    unavailable: false,
    member_count: 2,
    large: false,
    features: [],
    roles: [{ id: GUILD_ID, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    channels: [{ id: CHANNEL_ID, type: 0, name: 'general', position: 0, guild_id: GUILD_ID, permission_overwrites: [] }],
    members: [],
    emojis: [],
    stickers: [],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    joined_at: new Date().toISOString(),
  };
}

function fakeMessage(body: unknown) {
  return {
    id: snowflake(),
    channel_id: CHANNEL_ID,
    author: { id: BOT_USER_ID, username: 'quotebook', discriminator: '0', avatar: null, bot: true, global_name: null },
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    ...(typeof body === 'object' && body ? body : {}),
  };
}

const ADMIN_PERMISSIONS = (1n << 5n).toString(); // Manage Guild

interface Where {
  /** Default: in the test guild. `dm` → a DM with the bot. */
  dm?: boolean;
  admin?: boolean;
  userId?: string;
}

function envelope(type: number, data: Record<string, unknown>, where: Where = {}, extra: Record<string, unknown> = {}) {
  const user = { id: where.userId ?? USER_ID, username: 'tester', discriminator: '0', avatar: null, global_name: 'Tester' };
  const id = snowflake();
  const token = `tok_${randomBytes(12).toString('hex')}`;
  const place = where.dm
    ? { user, channel: { id: CHANNEL_ID, type: 1 }, channel_id: CHANNEL_ID, context: 1 }
    : {
        guild_id: GUILD_ID,
        guild_locale: 'en-US',
        channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' },
        channel_id: CHANNEL_ID,
        member: { user, roles: [], permissions: where.admin ? ADMIN_PERMISSIONS : '0', joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
        context: 0,
      };
  return {
    id,
    token,
    application_id: APP_ID,
    type,
    version: 1,
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    ...place,
    data,
    ...extra,
  };
}

const OPTION_TYPE = { string: 3, number: 4, boolean: 5 } as const;
function typeOf(v: unknown): number {
  return typeof v === 'boolean' ? OPTION_TYPE.boolean : typeof v === 'number' ? OPTION_TYPE.number : OPTION_TYPE.string;
}

/** A slash command interaction with the given option values. */
export function chatInput(name: string, options: Record<string, string | number | boolean> = {}, where?: Where) {
  return envelope(
    2,
    { id: snowflake(), name, type: 1, options: Object.entries(options).map(([n, value]) => ({ name: n, type: typeOf(value), value })) },
    where,
  );
}

/** An autocomplete interaction; `focused` names the option being typed. */
export function autocomplete(name: string, focused: string, value: string, where?: Where) {
  return envelope(4, { id: snowflake(), name, type: 1, options: [{ name: focused, type: 3, value, focused: true }] }, where);
}

/** A button press on a message the bot sent. */
export function buttonPress(customId: string, where?: Where) {
  return envelope(3, { custom_id: customId, component_type: 2 }, where, {
    message: fakeMessage({ components: [] }),
  });
}

/** The "Who said this?" style message context-menu command on a message with `content`. */
export function messageMenu(name: string, content: string, where?: Where) {
  const target = fakeMessage({ content, author: { id: USER_ID, username: 'tester', discriminator: '0', avatar: null, global_name: 'Tester' } });
  return envelope(2, { id: snowflake(), name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } }, where);
}
