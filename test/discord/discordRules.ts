/**
 * What real Discord accepts, for the strict fake Discords and for checking HTTP-mode response
 * bodies: every request body is validated against Discord's own OpenAPI description (read at run
 * time from `../shared/data/discord-api-spec/openapi.json`) with ajv, plus the documented limits
 * that the schema cannot express (see `docs/discord.md`, "Rules the tests enforce"). A rejection
 * has the shape Discord answers with: `{ code, message, errors }` and an HTTP status.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
/** `../shared/` beside the repository (the worktree or CI clone); DISCORD_API_SPEC overrides. */
export const SPEC_PATH = process.env.DISCORD_API_SPEC ?? resolve(here, '../../../shared/data/discord-api-spec/openapi.json');

/** The request bodies the bot sends, by route. */
export type BodyKind =
  | 'interaction-callback'
  | 'webhook-execute'
  | 'webhook-edit'
  | 'commands-put'
  | 'thread-from-message'
  | 'channel-message'
  | 'channel-message-edit';

/** Which schema (under `components.schemas`, or a path's request body) each kind is checked against. */
const SCHEMA_OF: Record<BodyKind, { path: string; method: string }> = {
  'interaction-callback': { path: '/interactions/{interaction_id}/{interaction_token}/callback', method: 'post' },
  'webhook-execute': { path: '/webhooks/{webhook_id}/{webhook_token}', method: 'post' },
  'webhook-edit': { path: '/webhooks/{webhook_id}/{webhook_token}/messages/@original', method: 'patch' },
  'commands-put': { path: '/applications/{application_id}/commands', method: 'put' },
  'thread-from-message': { path: '/channels/{channel_id}/messages/{message_id}/threads', method: 'post' },
  'channel-message': { path: '/channels/{channel_id}/messages', method: 'post' },
  'channel-message-edit': { path: '/channels/{channel_id}/messages/{message_id}', method: 'patch' },
};

/** Discord's JSON error codes used here (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json). */
export const DISCORD_CODES = {
  unknownChannel: 10003,
  unknownMessage: 10008,
  unknownWebhook: 10015,
  unknownInteraction: 10062,
  requestTooLarge: 40005,
  alreadyAcknowledged: 40060,
  missingPermissions: 50013,
  invalidFormBody: 50035,
} as const;

export interface Rejection {
  status: number;
  body: { code: number; message: string; errors?: Record<string, unknown> };
}

/** One problem in a body: where (a JSON path like `data.embeds.1.url`) and what. */
export interface Problem {
  at: string;
  code: string;
  message: string;
}

/** Limits from Discord's documentation that the schema does not carry. */
export const DOCUMENTED = {
  embedTotal: 6000,
  embedUrl: 2048,
  buttonUrl: 512,
  /** A bot's upload limit per message (default tier). */
  uploadBytes: 10 * 1024 * 1024,
  /** Initial response window. */
  callbackWindowMs: 3000,
} as const;

type Validators = Record<BodyKind, { json: ValidateFunction; multipart: ValidateFunction | undefined }>;
let validators: Validators | undefined;

/**
 * The spec's one known quirk: `default_member_permissions` is an integer there, while the
 * documentation (and discord.js) send a string of digits. Accept both.
 */
function patchQuirks(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) patchQuirks(n);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  const props = obj.properties as Record<string, unknown> | undefined;
  if (props && props.default_member_permissions) {
    props.default_member_permissions = { anyOf: [props.default_member_permissions, { type: 'string', pattern: '^[0-9]+$' }] };
  }
  for (const v of Object.values(obj)) patchQuirks(v);
}

function compile(): Validators {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
    components: unknown;
  };
  patchQuirks(spec.components);
  patchQuirks(spec.paths);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
  for (const f of ['int32', 'int64', 'double', 'nonce']) ajv.addFormat(f, true);
  ajv.addFormat('snowflake', /^[0-9]+$/);
  ajv.addKeyword('x-discord-union');
  ajv.addSchema({ $id: 'discord', components: spec.components });
  const rewrite = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"discord#/components/'));
  const out = {} as Validators;
  for (const [kind, { path, method }] of Object.entries(SCHEMA_OF) as Array<[BodyKind, { path: string; method: string }]>) {
    const content = spec.paths[path]?.[method]?.requestBody?.content;
    if (!content?.['application/json']) throw new Error(`spec has no JSON body for ${method.toUpperCase()} ${path}`);
    const multipart = content['multipart/form-data'];
    out[kind] = {
      json: ajv.compile(rewrite(content['application/json'].schema) as object),
      multipart: multipart ? ajv.compile(rewrite(multipart.schema) as object) : undefined,
    };
  }
  return out;
}

/**
 * Compiles the validators now (about 1–3 s, synchronous). Tests that serve requests from the same
 * process under a deadline call it first, so the first check does not stall their server.
 */
export function compileRules(): void {
  validators ??= compile();
}

/** Schema problems of `body` sent as `kind` (JSON, or the payload_json of a multipart body). */
export function schemaProblems(kind: BodyKind, body: unknown, multipart = false): Problem[] {
  validators ??= compile();
  const v = multipart ? (validators[kind].multipart ?? validators[kind].json) : validators[kind].json;
  if (v(body)) return [];
  return relevant(v.errors ?? []).map((e) => ({
    at: e.instancePath.split('/').filter(Boolean).join('.'),
    code: `SCHEMA_${e.keyword.toUpperCase()}`,
    message: e.message ?? e.keyword,
  }));
}

/**
 * ajv reports every branch of a failed `anyOf`/`oneOf` ("must be null" …). Keep the deepest
 * errors, which name the field that is actually wrong.
 */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const leaf = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && !(e.keyword === 'type' && e.params.type === 'null'));
  const deepest = Math.max(0, ...leaf.map((e) => e.instancePath.split('/').length));
  const kept = leaf.filter((e) => e.instancePath.split('/').length === deepest);
  return kept.length ? kept : errors;
}

interface Embed {
  title?: string;
  description?: string;
  url?: string;
  footer?: { text?: string; icon_url?: string };
  author?: { name?: string; url?: string; icon_url?: string };
  image?: { url?: string };
  thumbnail?: { url?: string };
  fields?: Array<{ name?: string; value?: string }>;
}
interface Component {
  type?: number;
  custom_id?: string;
  url?: string;
  components?: Component[];
}
interface MessageBody {
  embeds?: Embed[] | null;
  components?: Component[] | null;
  attachments?: Array<{ id?: string | number; filename?: string }> | null;
}

/** The length Discord counts for a URL: the string as it arrives after percent-encoding. */
export function sentUrlLength(url: string): number {
  let encoded = url.length;
  try {
    encoded = new URL(url).href.length;
  } catch {
    // Not a URL at all: the schema's `uri` format reports it.
  }
  return Math.max(url.length, encoded);
}

/** Characters Discord counts towards the 6000-character total of a message's embeds. */
export function embedCharacters(e: Embed): number {
  return (
    (e.title ?? '').length +
    (e.description ?? '').length +
    (e.footer?.text ?? '').length +
    (e.author?.name ?? '').length +
    (e.fields ?? []).reduce((n, f) => n + (f.name ?? '').length + (f.value ?? '').length, 0)
  );
}

/**
 * Documented rules the schema cannot express, for one message body (`at` prefixes paths, e.g.
 * `data.` inside an interaction response). `uploaded` = file names sent with the body.
 */
export function messageProblems(message: MessageBody, at = '', uploaded?: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const embeds = Array.isArray(message.embeds) ? message.embeds : [];
  const total = embeds.reduce((n, e) => n + embedCharacters(e ?? {}), 0);
  if (total > DOCUMENTED.embedTotal) {
    problems.push({ at: `${at}embeds`, code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${DOCUMENTED.embedTotal} (${total})` });
  }
  const seen = new Map<string, number>();
  embeds.forEach((e, i) => {
    const urls: Array<[string, string | undefined, number]> = [
      ['url', e?.url, DOCUMENTED.embedUrl],
      ['author.url', e?.author?.url, DOCUMENTED.embedUrl],
      ['author.icon_url', e?.author?.icon_url, DOCUMENTED.embedUrl],
      ['footer.icon_url', e?.footer?.icon_url, DOCUMENTED.embedUrl],
      ['image.url', e?.image?.url, DOCUMENTED.embedUrl],
      ['thumbnail.url', e?.thumbnail?.url, DOCUMENTED.embedUrl],
    ];
    for (const [name, url, max] of urls) {
      if (typeof url !== 'string') continue;
      const length = sentUrlLength(url);
      if (length > max) problems.push({ at: `${at}embeds.${i}.${name}`, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length (${length} as sent).` });
      if (url.startsWith('attachment://') && uploaded && !uploaded.has(url.slice('attachment://'.length))) {
        problems.push({ at: `${at}embeds.${i}.${name}`, code: 'ATTACHMENT_NOT_FOUND', message: `No file named ${url.slice(13)} in this upload.` });
      }
    }
    if (typeof e?.url === 'string') {
      const first = seen.get(e.url);
      if (first !== undefined) {
        problems.push({
          at: `${at}embeds.${i}.url`,
          code: 'EMBED_URL_DUPLICATE',
          message: `Same url as embed ${first}: Discord merges embeds sharing a url and shows only the first one's text (fake-only rejection).`,
        });
      } else seen.set(e.url, i);
    }
  });
  const ids = new Map<string, string>();
  const walk = (components: Component[] | null | undefined, path: string) => {
    (components ?? []).forEach((c, i) => {
      const here = `${path}.${i}`;
      if (typeof c?.custom_id === 'string') {
        const first = ids.get(c.custom_id);
        if (first) problems.push({ at: `${here}.custom_id`, code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: `Component custom id cannot be duplicated (also at ${first})` });
        else ids.set(c.custom_id, here);
      }
      if (c?.type === 2 && typeof c.url === 'string') {
        const length = sentUrlLength(c.url);
        if (length > DOCUMENTED.buttonUrl) problems.push({ at: `${here}.url`, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${DOCUMENTED.buttonUrl} or fewer in length (${length} as sent).` });
      }
      walk(c?.components, `${here}.components`);
    });
  };
  walk(message.components, `${at}components`);
  if (uploaded) {
    for (const [i, a] of (message.attachments ?? []).entries()) {
      if (a && a.id !== undefined && !uploaded.has(`#${String(a.id)}`)) {
        problems.push({ at: `${at}attachments.${i}.id`, code: 'ATTACHMENT_NOT_FOUND', message: `No files[${String(a.id)}] part in this upload.` });
      }
    }
  }
  return problems;
}

/** Every problem of a body of `kind`: the schema, then the documented limits of the message inside. */
export function bodyProblems(kind: BodyKind, body: unknown, uploaded?: ReadonlySet<string>): Problem[] {
  const problems = schemaProblems(kind, body, uploaded !== undefined);
  if (body && typeof body === 'object') {
    if (kind === 'interaction-callback') {
      const r = body as { type?: number; data?: MessageBody };
      if ((r.type === 4 || r.type === 7) && r.data && typeof r.data === 'object') problems.push(...messageProblems(r.data, 'data.', uploaded));
    } else if (kind === 'webhook-execute' || kind === 'webhook-edit' || kind === 'channel-message' || kind === 'channel-message-edit') {
      problems.push(...messageProblems(body as MessageBody, '', uploaded));
    }
  }
  return problems;
}

/** Discord's 400 "Invalid Form Body": problems nested by path under `errors`, each with `_errors`. */
export function invalidFormBody(problems: Problem[]): Rejection {
  const errors: Record<string, unknown> = {};
  for (const p of problems) {
    let node = errors;
    for (const key of p.at ? p.at.split('.') : []) node = (node[key] ??= {}) as Record<string, unknown>;
    ((node._errors ??= []) as Array<{ code: string; message: string }>).push({ code: p.code, message: p.message });
  }
  return { status: 400, body: { code: DISCORD_CODES.invalidFormBody, message: 'Invalid Form Body', errors } };
}

/** The Discord error for an HTTP status and code (no field errors). */
export function discordError(status: number, code: number, message: string): Rejection {
  return { status, body: { code, message } };
}

/** Interaction types (as dispatched) and the response types Discord allows for each. */
export const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  1: [1], // PING → PONG
  2: [4, 5, 9, 12], // application command: message, deferred message, modal, launch activity
  3: [4, 5, 6, 7, 9, 12], // message component: also (deferred) update of the message it is on
  4: [8], // autocomplete: choices only
  5: [4, 5, 6, 7], // modal submit
};

/** A rejection when `responseType` is not allowed for an interaction of `interactionType`. */
export function callbackTypeProblem(interactionType: number, responseType: unknown): Rejection | undefined {
  const allowed = ALLOWED_CALLBACKS[interactionType];
  if (!allowed || (typeof responseType === 'number' && allowed.includes(responseType))) return undefined;
  return invalidFormBody([
    { at: 'type', code: 'INTERACTION_CALLBACK_TYPE_INVALID', message: `Response type ${String(responseType)} is not valid for interaction type ${interactionType} (allowed: ${allowed.join(', ')}).` },
  ]);
}

/**
 * Everything Discord would refuse in `response` as the first answer to an interaction of
 * `interactionType` (for HTTP mode, where the answer is the HTTP body and never reaches a fake).
 */
export function callbackProblems(interactionType: number, response: unknown): Problem[] {
  const wrongType = callbackTypeProblem(interactionType, (response as { type?: unknown } | undefined)?.type);
  const problems = wrongType ? [{ at: 'type', code: 'INTERACTION_CALLBACK_TYPE_INVALID', message: wrongType.body.message }] : [];
  return [...problems, ...bodyProblems('interaction-callback', response)];
}
