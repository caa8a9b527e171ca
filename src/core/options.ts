/**
 * Checks and cleans option values against a command's definition, the same way for every
 * transport. Whatever a user types is hostile until proven otherwise: control and zero-width
 * characters are removed, white space is folded, lengths and types are enforced.
 */
import type { CommandDefinition, CommandOption } from './command';
import { UserInputError } from './errors';
import { clip as clipText } from './clip';

/** Longest file reference (an attachment id, or a path typed in the console). */
export const MAX_FILE_REF = 1000;

export type RawOptions = Record<string, unknown>;
export type CleanOptions = Record<string, string | number | boolean | undefined>;

// C0/C1 controls, zero-width and bidi formatting characters, BOM, and lone surrogates.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes invisible characters, folds white space, trims. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').replace(INVISIBLE, '').trim();
}

/** The one "no such option" error, listing the options the command has. */
export function noSuchOption(def: CommandDefinition, name: string): UserInputError {
  const list = def.options.map((o) => o.name).join(', ');
  return new UserInputError(`/${def.name} has no option “${clip(name, 32)}”.${list ? ` Options: ${list}.` : ' It takes no options.'}`);
}

/**
 * Checks raw option values (strings from a command line, JSON values, Discord's typed values)
 * against the definition and returns them cleaned and typed; the first problem is thrown as a
 * `UserInputError` whose message every transport shows as is. Empty text counts as absent.
 */
export function validateOptions(def: CommandDefinition, raw: RawOptions): CleanOptions {
  const out: CleanOptions = {};
  const known = new Map(def.options.map((o) => [o.name, o]));
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) throw noSuchOption(def, name);
  }
  for (const opt of def.options) {
    const value = raw[opt.name];
    const clean = value === undefined || value === null ? undefined : cleanValue(def, opt, value);
    if (clean === undefined || clean === '') {
      if (opt.required) throw new UserInputError(`/${def.name} needs “${opt.name}”: ${opt.description}`);
      continue;
    }
    out[opt.name] = clean;
  }
  return out;
}

function cleanValue(def: CommandDefinition, opt: CommandOption, value: unknown): string | number | boolean {
  switch (opt.type) {
    case 'string': {
      if (typeof value !== 'string' && typeof value !== 'number') throw new UserInputError(`“${opt.name}” must be text.`);
      const text = cleanText(String(value));
      if (text.length > opt.maxLength) {
        throw new UserInputError(`“${opt.name}” is too long (${text.length} characters; at most ${opt.maxLength}).`);
      }
      if (opt.minLength && text.length > 0 && text.length < opt.minLength) {
        throw new UserInputError(`“${opt.name}” is too short (at least ${opt.minLength} characters).`);
      }
      return text;
    }
    case 'integer': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isInteger(n)) throw new UserInputError(`“${opt.name}” must be a whole number.`);
      if ((opt.min !== undefined && n < opt.min) || (opt.max !== undefined && n > opt.max)) {
        throw new UserInputError(`“${opt.name}” must be between ${opt.min ?? '-∞'} and ${opt.max ?? '∞'}.`);
      }
      return n;
    }
    case 'attachment': {
      // A reference (attachment id, or a path in the console), read later through ctx.readFile.
      if (typeof value !== 'string') throw new UserInputError(`“${opt.name}” must be a file.`);
      const ref = cleanText(value);
      if (ref.length > MAX_FILE_REF) throw new UserInputError(`“${opt.name}” is too long (at most ${MAX_FILE_REF} characters).`);
      return ref;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const s = String(value).trim().toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(s)) return true;
      if (['false', 'no', '0', 'off'].includes(s)) return false;
      throw new UserInputError(`“${opt.name}” must be true or false (for /${def.name}).`);
    }
  }
}

function clip(s: string, n: number): string {
  return clipText(cleanText(s), n);
}
