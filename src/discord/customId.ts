/**
 * Paging buttons carry the whole request in their `custom_id` (command, option values, page), so
 * a press still works after a restart. Discord allows 100 characters; when the options don't fit,
 * they are parked in a bounded in-memory table instead, and a press after a restart says the
 * results expired rather than running a different (truncated) query.
 */
import { randomBytes } from 'node:crypto';
import type { CommandDefinition } from '../core/command';
import { CUSTOM_ID_MAX } from '../core/limits';

/** Discord's limit on `custom_id`. */
export { CUSTOM_ID_MAX };

export type OptionMap = Record<string, string | number | boolean | undefined>;

/** What a paging button asks for. */
export interface PageRequest {
  command: string;
  options: OptionMap;
  page: number;
}

export type DecodedCustomId =
  | { kind: 'page'; request: PageRequest }
  | { kind: 'expired' }
  | { kind: 'unknown' };

const INLINE = 'p';
const PARKED = 'k';
const PARKED_MAX = 2000;

/** Requests too long to inline, oldest first (a Map iterates in insertion order). */
const parked = new Map<string, Omit<PageRequest, 'page'>>();
/** Request fingerprint → key, so Prev and Next of one message share one entry. */
const keyOf = new Map<string, string>();

function escapeValue(v: string): string {
  return v.replace(/[%|]/g, (c) => (c === '%' ? '%25' : '%7C'));
}

function encodeValues(definition: CommandDefinition, options: OptionMap): string {
  const values = definition.options.map((o) => {
    const v = options[o.name];
    if (v === undefined) return '';
    if (o.type === 'boolean') return v ? '1' : '0';
    return escapeValue(String(v));
  });
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  return values.join('|');
}

function decodeValues(definition: CommandDefinition, encoded: string): OptionMap {
  const parts = encoded === '' ? [] : encoded.split('|');
  const options: OptionMap = {};
  definition.options.forEach((o, i) => {
    const raw = parts[i];
    if (raw === undefined || raw === '') return;
    const text = decodeURIComponent(raw);
    if (o.type === 'boolean') options[o.name] = text === '1';
    else if (o.type === 'integer') options[o.name] = Number.parseInt(text, 10);
    else options[o.name] = text;
  });
  return options;
}

/** Builds the `custom_id` for a button that shows `page` of the answer to `command` + `options`. */
export function encodePageId(definition: CommandDefinition, options: OptionMap, page: number): string {
  const inline = `${INLINE}:${definition.name}:${page}:${encodeValues(definition, options)}`;
  if (inline.length <= CUSTOM_ID_MAX) return inline;
  const request = { command: definition.name, options };
  const fingerprint = JSON.stringify(request);
  let key = keyOf.get(fingerprint);
  if (!key) {
    key = randomBytes(9).toString('base64url');
    parked.set(key, request);
    keyOf.set(fingerprint, key);
    if (parked.size > PARKED_MAX) {
      const oldest = parked.keys().next().value as string;
      keyOf.delete(JSON.stringify(parked.get(oldest)));
      parked.delete(oldest);
    }
  }
  return `${PARKED}:${key}:${page}`;
}

/** Reads a `custom_id` made by `encodePageId`; `commands` resolves option order by name. */
export function decodePageId(customId: string, findDefinition: (name: string) => CommandDefinition | undefined): DecodedCustomId {
  const [tag, a, b, ...rest] = customId.split(':');
  try {
    if (tag === INLINE && a !== undefined && b !== undefined) {
      const definition = findDefinition(a);
      const page = Number.parseInt(b, 10);
      if (!definition || !Number.isSafeInteger(page) || page < 0) return { kind: 'unknown' };
      return { kind: 'page', request: { command: a, page, options: decodeValues(definition, rest.join(':')) } };
    }
    if (tag === PARKED && a !== undefined && b !== undefined) {
      const request = parked.get(a);
      const page = Number.parseInt(b, 10);
      if (!request) return { kind: 'expired' };
      if (!Number.isSafeInteger(page) || page < 0) return { kind: 'unknown' };
      return { kind: 'page', request: { ...request, page } };
    }
  } catch {
    // A malformed percent escape: someone crafted the id by hand.
  }
  return { kind: 'unknown' };
}

const UNDO = 'u';

/** The Undo button of an add card: names the article; the server is the one the button is pressed in. */
export function encodeUndoId(articleId: string): string {
  return `${UNDO}:${articleId}`.slice(0, CUSTOM_ID_MAX);
}

/** The article an Undo button names, or undefined for any other `custom_id`. */
export function decodeUndoId(customId: string): string | undefined {
  const m = /^u:([a-z0-9][a-z0-9-]{0,63})$/.exec(customId);
  return m?.[1];
}

const QUIZ = /^q:([A-Za-z0-9_-]{8,32}):([1-4])$/;

/** A quiz answer button: the round and the choice (1–4). The server is the one it is pressed in. */
export function encodeQuizId(roundId: string, choice: number): string {
  return `q:${roundId}:${choice}`.slice(0, CUSTOM_ID_MAX);
}

/**
 * The round and 0-based choice a quiz button names; `forged` for a `q:` id that no button of ours
 * has (the round may still be unknown or over: the quiz says so); undefined for other ids.
 */
export function decodeQuizId(customId: string): { roundId: string; choice: number } | 'forged' | undefined {
  if (!customId.startsWith('q:')) return undefined;
  const m = QUIZ.exec(customId);
  return m ? { roundId: m[1]!, choice: Number(m[2]) - 1 } : 'forged';
}
