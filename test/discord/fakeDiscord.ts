/**
 * A strict fake Discord on 127.0.0.1 (random port) for tests: the REST routes a bot uses
 * (recorded, so tests can assert exact payloads) and a gateway WebSocket (HELLO, IDENTIFY → READY +
 * GUILD_CREATE, heartbeat ACK) through which tests dispatch INTERACTION_CREATE events.
 * It answers like Discord: every body is checked against Discord's OpenAPI description and the
 * documented limits (`discordRules.ts`) → 400 / 50035; a second response to one interaction →
 * 40060; a response more than 3 s after dispatch → 10062; a response type the interaction does
 * not allow → 400. Multipart bodies (`payload_json` + `files[n]`) are parsed and checked too.
 * Channel routes (threads, channel messages) need the bot token. Nothing here talks to discord.com.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { bodyProblems, callbackTypeProblem, compileRules, DISCORD_CODES, discordError, DOCUMENTED, invalidFormBody, type BodyKind, type Rejection } from './discordRules';

/** A file part of a multipart request. */
export interface UploadedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Decoded path without query, e.g. /api/v10/webhooks/1/tok/messages/@original */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** JSON body; for multipart, the parsed `payload_json`. */
  body: unknown;
  /** Files of a multipart body. */
  files?: UploadedFile[];
  /** What the fake answered. */
  status: number;
  /** Discord's error body when the fake refused the request (status ≥ 400). */
  error?: Rejection['body'];
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
  /** Resolves with the first recorded request (past or future) matching `predicate`, accepted or refused. */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** The interaction callback for interaction `id`; rejects when the fake refused it (with Discord's error). */
  nextCallback(id: string, timeoutMs?: number): Promise<RecordedRequest>;
  /** A webhook request (`@original` edit/delete or follow-up) for interaction token `token`; rejects when refused. */
  nextWebhook(token: string, method: string, timeoutMs?: number): Promise<RecordedRequest>;
  /** Every request the fake refused so far. */
  refused(): RecordedRequest[];
  switches: FakeSwitches;
  /** Threads created (from a message) and the messages posted in each. */
  threads: Map<string, { parentId: string; messageId: string; name: string; messages: RecordedRequest[] }>;
  /**
   * Makes the fake know an interaction that reaches the bot another way (HTTP mode), so its
   * webhook calls are accepted; `acknowledged` = the HTTP response body was its first response.
   */
  track(interaction: { id: string; token: string; type: number }, acknowledgedWith?: number): void;
  /** Sends INTERACTION_CREATE to every connected gateway client (and tracks it). */
  dispatch(interaction: Record<string, unknown>): void;
  /** Resolves once a client has identified and received READY + GUILD_CREATE. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** A request body, read whole; undefined when cut off. */
export async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  try {
    for await (const c of req) chunks.push(c as Buffer);
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks);
}

/** JSON text as a value (or the text itself when it is not JSON); undefined when empty. */
function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A request body as JSON (or as text when it is not JSON); undefined when empty or cut off. Shared with the fault-injecting fake. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  return raw ? parseJson(raw.toString('utf8')) : undefined;
}

/**
 * A request body as Discord reads it: JSON, or `multipart/form-data` with `payload_json` (the
 * JSON) and `files[n]` parts. `problem` when the multipart body itself is malformed.
 */
export async function readDiscordBody(req: IncomingMessage): Promise<{ body: unknown; files?: UploadedFile[]; problem?: string }> {
  const raw = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  if (!raw) return { body: undefined };
  if (!type.startsWith('multipart/form-data')) return { body: parseJson(raw.toString('utf8')) };
  let form: FormData;
  try {
    // Node's fetch implementation parses multipart bodies.
    form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  } catch (err) {
    return { body: undefined, files: [], problem: `malformed multipart body: ${(err as Error).message}` };
  }
  const files: UploadedFile[] = [];
  let body: unknown;
  for (const [field, value] of form.entries()) {
    if (field === 'payload_json' && typeof value === 'string') body = parseJson(value);
    else if (typeof value !== 'string') {
      files.push({ field, filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
    } else return { body, files, problem: `unexpected form field ${field}` };
  }
  const bad = files.find((f) => !/^files\[\d+\]$/.test(f.field));
  if (bad) return { body, files, problem: `file field must be files[n], got ${bad.field}` };
  return { body, files };
}

/** File names and `#n` indexes of an upload, as `messageProblems` expects them. */
function uploadedNames(files: UploadedFile[] | undefined): Set<string> | undefined {
  if (!files) return undefined;
  return new Set(files.flatMap((f) => [f.filename, `#${/\d+/.exec(f.field)![0]}`]));
}

interface Tracked {
  type: number;
  token: string;
  dispatchedAt: number;
  /** The response type of the accepted first response, once there is one. */
  acknowledged?: number;
  /** Id of the message `@original` refers to, once it exists. */
  originalId?: string;
}

export interface FakeOptions {
  /** Discord's window for the first response (3 s); shorter in the test that proves the rule. */
  callbackWindowMs?: number;
}

/** Switches a running fake can flip (tests of the bot's fallbacks). */
export interface FakeSwitches {
  /** Answer thread creation with 403 / 50013 Missing Permissions, as Discord does without Create Public Threads. */
  refuseThreads: boolean;
}

/** Starts the fake. */
export async function startFakeDiscord(options: FakeOptions = {}): Promise<FakeDiscord> {
  // Compile Discord's schema before serving, so the first request is not held up by it.
  compileRules();
  const requests: RecordedRequest[] = [];
  const waiters: Array<{ predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }> = [];
  const sockets = new Set<WebSocket>();
  const interactions = new Map<string, Tracked>();
  const byToken = new Map<string, Tracked>();
  const messages = new Map<string, string>(); // message id → channel id
  const threads: FakeDiscord['threads'] = new Map();
  const switches: FakeSwitches = { refuseThreads: false };
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

  function track(interaction: { id: string; token: string; type: number }, acknowledgedWith?: number) {
    const t: Tracked = { type: interaction.type, token: interaction.token, dispatchedAt: Date.now(), ...(acknowledgedWith ? { acknowledged: acknowledgedWith } : {}) };
    interactions.set(interaction.id, t);
    byToken.set(interaction.token, t);
  }

  /** A message the fake now knows (so threads can start from it). */
  function newMessage(body: unknown, channelId = CHANNEL_ID, id = snowflake()) {
    messages.set(id, channelId);
    return { ...fakeMessage(body), id, channel_id: channelId };
  }

  /** Schema + documented limits; undefined when Discord would accept the body. */
  function check(kind: BodyKind, body: unknown, files: UploadedFile[] | undefined, problem: string | undefined): Rejection | undefined {
    if (problem) return invalidFormBody([{ at: '', code: 'MULTIPART_INVALID', message: problem }]);
    if (files) {
      const size = files.reduce((n, f) => n + f.data.length, 0);
      if (size > DOCUMENTED.uploadBytes) return discordError(413, DISCORD_CODES.requestTooLarge, 'Request entity too large');
    }
    const problems = bodyProblems(kind, body ?? {}, uploadedNames(files));
    return problems.length ? invalidFormBody(problems) : undefined;
  }

  /** The answer to one request: status and JSON (undefined → empty body). */
  function route(m: string, path: string, headers: IncomingMessage['headers'], body: unknown, files: UploadedFile[] | undefined, problem: string | undefined): { status: number; data?: unknown } {
    const refuse = (r: Rejection) => ({ status: r.status, data: r.body });
    const authorised = typeof headers.authorization === 'string' && headers.authorization.startsWith('Bot ');
    let match: RegExpExecArray | null;
    if (m === 'GET' && path === '/api/v10/gateway/bot') {
      return {
        status: 200,
        data: { url: `ws://127.0.0.1:${port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } },
      };
    }
    if (m === 'POST' && (match = /^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const t = interactions.get(match[1]!);
      if (!t || t.token !== match[2] || Date.now() - t.dispatchedAt > (options.callbackWindowMs ?? DOCUMENTED.callbackWindowMs)) {
        return refuse(discordError(404, DISCORD_CODES.unknownInteraction, 'Unknown interaction'));
      }
      if (t.acknowledged) return refuse(discordError(400, DISCORD_CODES.alreadyAcknowledged, 'Interaction has already been acknowledged.'));
      const type = (body as { type?: unknown } | undefined)?.type;
      const wrongType = callbackTypeProblem(t.type, type);
      if (wrongType) return refuse(wrongType);
      const invalid = check('interaction-callback', body, files, problem);
      if (invalid) return refuse(invalid);
      t.acknowledged = type as number;
      if (type === 4 || type === 5) t.originalId = newMessage({}).id;
      return { status: 204 };
    }
    if ((match = /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path))) {
      const t = byToken.get(match[2]!);
      if (match[1] !== APP_ID || !t || !t.acknowledged) return refuse(discordError(404, DISCORD_CODES.unknownWebhook, 'Unknown Webhook'));
      if (match[3]) {
        if (m === 'GET') return { status: 200, data: newMessage({}, CHANNEL_ID, t.originalId ??= snowflake()) };
        if (m === 'DELETE') return { status: 204 };
        if (m !== 'PATCH') return { status: 405, data: { message: '405: Method Not Allowed', code: 0 } };
        const invalid = check('webhook-edit', body, files, problem);
        if (invalid) return refuse(invalid);
        return { status: 200, data: newMessage(body, CHANNEL_ID, (t.originalId ??= snowflake())) };
      }
      if (m !== 'POST') return { status: 405, data: { message: '405: Method Not Allowed', code: 0 } };
      const invalid = check('webhook-execute', body, files, problem);
      if (invalid) return refuse(invalid);
      return { status: 200, data: newMessage(body) };
    }
    if (m === 'PUT' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      if (!authorised) return refuse(discordError(401, 0, '401: Unauthorized'));
      const invalid = check('commands-put', body, files, problem);
      if (invalid) return refuse(invalid);
      return { status: 200, data: (Array.isArray(body) ? body : []).map((c: Record<string, unknown>) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() })) };
    }
    if (m === 'POST' && (match = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      if (!authorised) return refuse(discordError(401, 0, '401: Unauthorized'));
      const [, channelId, messageId] = match as unknown as [string, string, string];
      if (messages.get(messageId) !== channelId) return refuse(discordError(404, DISCORD_CODES.unknownMessage, 'Unknown Message'));
      if (switches.refuseThreads) return refuse(discordError(403, DISCORD_CODES.missingPermissions, 'Missing Permissions'));
      const invalid = check('thread-from-message', body, files, problem);
      if (invalid) return refuse(invalid);
      // A thread started from a message takes the message's id (Discord does the same).
      const name = String((body as { name: string }).name);
      threads.set(messageId, { parentId: channelId, messageId, name, messages: [] });
      return {
        status: 201,
        data: { id: messageId, type: 11, guild_id: GUILD_ID, parent_id: channelId, name, owner_id: BOT_USER_ID, message_count: 0, member_count: 1, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false } },
      };
    }
    if (m === 'PATCH' && (match = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
      // Editing one of the bot's messages (a quiz moving on in its thread).
      if (!authorised) return refuse(discordError(401, 0, '401: Unauthorized'));
      const [, channelId, messageId] = match as unknown as [string, string, string];
      if (messages.get(messageId) !== channelId) return refuse(discordError(404, DISCORD_CODES.unknownMessage, 'Unknown Message'));
      const invalid = check('channel-message-edit', body, files, problem);
      if (invalid) return refuse(invalid);
      return { status: 200, data: newMessage(body, channelId, messageId) };
    }
    if (m === 'POST' && (match = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path))) {
      if (!authorised) return refuse(discordError(401, 0, '401: Unauthorized'));
      const channelId = match[1]!;
      if (channelId !== CHANNEL_ID && !threads.has(channelId)) return refuse(discordError(404, DISCORD_CODES.unknownChannel, 'Unknown Channel'));
      const invalid = check('channel-message', body, files, problem);
      if (invalid) return refuse(invalid);
      return { status: 200, data: newMessage(body, channelId) };
    }
    return { status: 404, data: { message: '404: Not Found', code: 0 } };
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname);
      const { body, files, problem } = await readDiscordBody(req);
      const m = req.method ?? 'GET';
      const { status, data } = route(m, path, req.headers, body, files, problem);
      // Record before answering, so a test that awaits the client's call always finds it.
      const recorded: RecordedRequest = { method: m, path, query: url.searchParams, headers: req.headers, body, status };
      if (files) recorded.files = files;
      if (status >= 400) recorded.error = data as Rejection['body'];
      const thread = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path);
      if (thread && status < 400) threads.get(thread[1]!)?.messages.push(recorded);
      record(recorded);
      if (data === undefined) {
        res.writeHead(status);
        res.end();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
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

  /** A request Discord accepted; a refused one fails the test with Discord's own error. */
  const accepted = async (r: Promise<RecordedRequest>): Promise<RecordedRequest> => {
    const request = await r;
    if (request.status >= 400) {
      throw new Error(`fake Discord refused ${request.method} ${request.path} with ${request.status}: ${JSON.stringify(request.error)}\nbody: ${JSON.stringify(request.body).slice(0, 2000)}`);
    }
    return request;
  };

  return {
    api: `http://127.0.0.1:${port}/api`,
    requests,
    waitFor,
    nextCallback: (id, timeoutMs) => accepted(waitFor((r) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${id}/`), timeoutMs)),
    nextWebhook: (token, method, timeoutMs) =>
      accepted(waitFor((r) => r.method === method && r.path.startsWith(`/api/v10/webhooks/${APP_ID}/${token}`), timeoutMs)),
    refused: () => requests.filter((r) => r.status >= 400),
    switches,
    threads,
    track,
    dispatch(interaction) {
      if (typeof interaction.id === 'string' && typeof interaction.token === 'string' && typeof interaction.type === 'number') {
        track(interaction as { id: string; token: string; type: number });
      }
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
