/**
 * The transport-independent shape of an interaction, and the edge where Discord's JSON becomes
 * it. Both transports hand the raw interaction (the HTTP body, or the gateway's INTERACTION_CREATE
 * payload) to `parseInteraction`: a zod schema per interaction type checks every field the bot
 * uses, and anything that does not fit is refused whole (HTTP 400, gateway: dropped with one warn
 * line) — no handler ever runs on half-parsed data. Everything after that (option mapping,
 * handlers, rendering, mention rules) is shared.
 */
import { PermissionFlagsBits } from 'discord.js';
import { z } from 'zod';
import { clip, isWellFormed } from '../core/clip';
import { CUSTOM_ID_MAX, MAX_OPTIONS } from '../core/limits';
import type { OptionMap } from './customId';

/** Who is asking, and where the answer goes. */
export interface InteractionBase {
  id: string;
  token: string;
  applicationId: string;
  userId: string;
  /** Manage Guild or Administrator in the server where it was used; false in DMs. */
  isAdmin: boolean;
  /** The server it was used in; absent in DMs. */
  guildId?: string;
  /** The member's role ids in that server (absent or empty in DMs). */
  roleIds?: string[];
}

/** A file attached to a command option or to a message, as Discord describes it. */
export interface AttachmentInfo {
  id: string;
  filename: string;
  size: number;
  url: string;
  contentType?: string;
}

export type InteractionInput =
  | { kind: 'ping' }
  | (InteractionBase & { kind: 'command'; command: string; options: OptionMap; attachments?: Record<string, AttachmentInfo> })
  | (InteractionBase & { kind: 'autocomplete'; command: string; focused: { name: string; value: string } })
  /** A button, or a string select (`values`: the options picked). `messageId`: the message it is on. */
  | (InteractionBase & { kind: 'button'; customId: string; values?: string[]; messageId?: string })
  | (InteractionBase & { kind: 'message-menu'; command: string; targetText: string; targetAttachments?: AttachmentInfo[] })
  | (InteractionBase & { kind: 'unsupported'; what: string });

const ADMIN_BITS = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;
/** A permissions bitfield as Discord sends it: a decimal string (no sign, no exponent, no array). */
const PERMISSIONS = /^\d{1,40}$/;

/** Whether a permissions bitfield (decimal string, as Discord sends it) grants admin rights. */
export function isAdminPermissions(permissions: unknown): boolean {
  if (typeof permissions !== 'string' || !PERMISSIONS.test(permissions)) return false;
  return (BigInt(permissions) & ADMIN_BITS) !== 0n;
}

// ---- The schemas: only the fields the bot reads; unknown fields are dropped, not trusted. ----

/** Text as Discord sends it: valid UTF-16 (a lone surrogate cannot come out of Discord's UTF-8 JSON). */
const text = (max: number) => z.string().max(max).refine(isWellFormed, 'must be valid text (no lone surrogate)');
const snowflake = z.string().regex(/^\d{1,20}$/, 'must be a snowflake (decimal string)');
/** Interaction tokens go into webhook URLs: URL-safe characters only. */
const token = z.string().regex(/^[A-Za-z0-9._~+=-]{1,1000}$/, 'must be an interaction token');
const permissions = z.string().regex(PERMISSIONS, 'must be a decimal string');
const user = z.object({ id: snowflake });
const member = z.object({ user, permissions, roles: z.array(snowflake).max(1000).optional() });
/** An attachment: only what is needed to fetch it (the URL is checked again before any fetch). */
const attachment = z.object({
  id: snowflake,
  filename: text(1024).min(1),
  size: z.number().int().nonnegative(),
  url: z.string().max(4000),
  content_type: z.string().max(255).optional(),
});
const attachments = z.record(snowflake, attachment).optional();

/** Discord's option types (ApplicationCommandOptionType). */
const OPT = { subcommand: 1, group: 2, string: 3, integer: 4, boolean: 5, user: 6, channel: 7, role: 8, mentionable: 9, number: 10, attachment: 11 } as const;
const SNOWFLAKE_TYPES: ReadonlySet<number> = new Set([OPT.user, OPT.channel, OPT.role, OPT.mentionable, OPT.attachment]);

/**
 * One option of a command; a subcommand carries its own options one level down (groups of
 * subcommands are not used). The value must have the type the option type says. While typing
 * (autocomplete, `focused`), Discord sends the partial value of a number option as text.
 */
const basicOption = z.object({
  name: text(32).min(1),
  type: z.number().int().min(1).max(11),
  value: z.union([text(6000), z.number().finite(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
});
const option = basicOption
  .extend({ options: z.array(basicOption).max(MAX_OPTIONS).optional() })
  .superRefine((o, ctx) => {
    const v = o.value;
    const typing = o.focused === true && (typeof v === 'string' || typeof v === 'number');
    const ok =
      o.type === OPT.subcommand || o.type === OPT.group
        ? v === undefined
        : typing ||
          (o.type === OPT.string && typeof v === 'string') ||
          (o.type === OPT.integer && Number.isSafeInteger(v)) ||
          (o.type === OPT.number && typeof v === 'number') ||
          (o.type === OPT.boolean && typeof v === 'boolean') ||
          (SNOWFLAKE_TYPES.has(o.type) && typeof v === 'string' && /^\d{1,20}$/.test(v));
    if (!ok) ctx.addIssue({ code: 'custom', message: `value does not fit option type ${o.type}`, path: ['value'] });
  });
const options = z
  .array(option)
  .max(MAX_OPTIONS)
  .refine((list) => new Set(list.map((o) => o.name)).size === list.length, 'option names must be distinct');

const base = {
  id: snowflake,
  application_id: snowflake,
  token,
  member: member.optional(),
  user: user.optional(),
  /** The server it was used in; absent in DMs. */
  guild_id: snowflake.optional(),
};
const commandName = text(32).min(1);

const chatInput = z.object({ type: z.literal(1), name: commandName, options: options.optional(), resolved: z.object({ attachments }).optional() });
const userMenu = z.object({ type: z.literal(2), name: commandName, target_id: snowflake });
const messageMenu = z.object({
  type: z.literal(3),
  name: commandName,
  target_id: snowflake,
  resolved: z.object({ messages: z.record(snowflake, z.object({ content: text(4000), attachments: z.array(attachment).max(10).optional() })) }),
});
const entryPoint = z.object({ type: z.literal(4), name: commandName });

const InteractionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(1) }),
  z.object({ ...base, type: z.literal(2), data: z.discriminatedUnion('type', [chatInput, userMenu, messageMenu, entryPoint]) }),
  z.object({
    ...base,
    type: z.literal(3),
    data: z.object({ custom_id: text(CUSTOM_ID_MAX).min(1), component_type: z.number().int(), values: z.array(text(100)).max(25).optional() }),
    message: z.object({ id: snowflake }).optional(),
  }),
  z.object({
    ...base,
    type: z.literal(4),
    data: z.object({
      name: commandName,
      options: options.refine((list) => focusedOf(list).length === 1, 'exactly one option must be focused'),
    }),
  }),
  z.object({ ...base, type: z.literal(5), data: z.object({ custom_id: text(CUSTOM_ID_MAX).min(1) }) }),
]);
type Parsed = z.infer<typeof InteractionSchema>;

/** What `parseInteraction` says: the input, or why the interaction was refused (no user text in it). */
export type ParseResult = { ok: true; input: InteractionInput } | { ok: false; problem: string };

/** A short description of the first problem: where and what, never the offending value. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid interaction';
  const where = issue.path.map((p) => clip(String(p), 24)).join('.') || '(root)';
  return `${where}: ${clip(issue.message, 120)}`;
}

/** The options a command's values are in: the subcommand's when there is one. */
function leafOptions(list: ReadonlyArray<z.infer<typeof option>> | undefined): ReadonlyArray<z.infer<typeof basicOption>> {
  const sub = list?.length === 1 && list[0]!.type === OPT.subcommand ? list[0]! : undefined;
  return sub ? (sub.options ?? []) : (list ?? []);
}

/** "library add" for a subcommand, else the command's name. */
function fullName(name: string, list: ReadonlyArray<z.infer<typeof option>> | undefined): string {
  const sub = list?.length === 1 && list[0]!.type === OPT.subcommand ? list[0]! : undefined;
  return sub ? `${name} ${sub.name}` : name;
}

function focusedOf(list: ReadonlyArray<z.infer<typeof option>>): Array<z.infer<typeof basicOption>> {
  return leafOptions(list).filter((o) => o.focused);
}

function attachmentInfo(a: z.infer<typeof attachment>): AttachmentInfo {
  return { id: a.id, filename: a.filename, size: a.size, url: a.url, ...(a.content_type ? { contentType: a.content_type } : {}) };
}

/** Values of basic options by name, in a map without a prototype (an option may be called `__proto__`). */
function optionMap(list: ReadonlyArray<z.infer<typeof option>> | undefined): OptionMap {
  const out: OptionMap = Object.create(null) as OptionMap;
  for (const o of leafOptions(list)) {
    if (o.type === OPT.string || o.type === OPT.integer || o.type === OPT.number || o.type === OPT.boolean || o.type === OPT.attachment) out[o.name] = o.value;
  }
  return out;
}

function toInput(raw: Exclude<Parsed, { type: 1 }>): InteractionInput | string {
  const who = raw.member?.user ?? raw.user;
  if (!who) return 'member.user or user: required';
  const base: InteractionBase = {
    id: raw.id,
    token: raw.token,
    applicationId: raw.application_id,
    userId: who.id,
    isAdmin: raw.member ? isAdminPermissions(raw.member.permissions) : false,
    ...(raw.guild_id ? { guildId: raw.guild_id } : {}),
    roleIds: raw.member?.roles ?? [],
  };
  switch (raw.type) {
    case 2: {
      const data = raw.data;
      if (data.type === 1) {
        const files: Record<string, AttachmentInfo> = Object.create(null) as Record<string, AttachmentInfo>;
        for (const [id, a] of Object.entries(data.resolved?.attachments ?? {})) files[id] = attachmentInfo(a);
        return { ...base, kind: 'command', command: fullName(data.name, data.options), options: optionMap(data.options), attachments: files };
      }
      if (data.type === 3) {
        const messages = data.resolved.messages;
        if (!Object.hasOwn(messages, data.target_id)) return 'data.resolved.messages: the target message is missing';
        const target = messages[data.target_id]!;
        return { ...base, kind: 'message-menu', command: data.name, targetText: target.content, targetAttachments: (target.attachments ?? []).map(attachmentInfo) };
      }
      return { ...base, kind: 'unsupported', what: `command type ${data.type}` };
    }
    case 3: {
      const message = raw.message ? { messageId: raw.message.id } : {};
      // 2: a button; 3: a string select (the "Wrong speaker?" speaker menu).
      if (raw.data.component_type === 3) return { ...base, kind: 'button', customId: raw.data.custom_id, values: raw.data.values ?? [], ...message };
      if (raw.data.component_type !== 2) return { ...base, kind: 'unsupported', what: `component type ${raw.data.component_type}` };
      return { ...base, kind: 'button', customId: raw.data.custom_id, ...message };
    }
    case 4: {
      const focused = focusedOf(raw.data.options)[0]!;
      return { ...base, kind: 'autocomplete', command: fullName(raw.data.name, raw.data.options), focused: { name: focused.name, value: String(focused.value ?? '') } };
    }
    case 5:
      return { ...base, kind: 'unsupported', what: 'modal submit' };
  }
}

/**
 * Checks Discord's raw interaction JSON (HTTP body or gateway payload) and converts it into an
 * `InteractionInput`; anything that does not fit is refused with a short reason.
 */
export function parseInteraction(raw: unknown): ParseResult {
  const parsed = InteractionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: describe(parsed.error) };
  if (parsed.data.type === 1) return { ok: true, input: { kind: 'ping' } };
  const input = toInput(parsed.data);
  return typeof input === 'string' ? { ok: false, problem: input } : { ok: true, input };
}

/** Thrown by `fromRawInteraction` for an interaction that does not fit the schema. */
export class InvalidInteraction extends Error {
  constructor(problem: string) {
    super(`invalid interaction: ${problem}`);
    this.name = 'InvalidInteraction';
  }
}

/** `parseInteraction` for callers that hold a known-good interaction (tests, tools): throws when it is not. */
export function fromRawInteraction(raw: unknown): InteractionInput {
  const result = parseInteraction(raw);
  if (!result.ok) throw new InvalidInteraction(result.problem);
  return result.input;
}
