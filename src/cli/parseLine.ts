/**
 * Parses a command line as users type it in Discord: `/search query:armistice article:seed`.
 * A value runs until the next `name:` that is one of the command's options, so values may hold
 * spaces and colons. Bare text after the command name goes to its first required text option
 * (`/search armistice`). Matching quotes around a value are removed.
 */
import type { AnyCommand } from '../core/command';
import { UserInputError } from '../core/errors';
import type { RawOptions } from '../core/options';
import { clip } from '../core/clip';

export interface ParsedLine {
  name: string;
  options: RawOptions;
}

export const MAX_LINE_LENGTH = 8000;

export function parseCommandLine(line: string, commands: readonly AnyCommand[]): ParsedLine {
  if (line.length > MAX_LINE_LENGTH) throw new UserInputError(`That line is too long (max ${MAX_LINE_LENGTH} characters).`);
  const trimmed = line.trim();
  const head = /^\/?([^\s/:]+)(?:\s+|$)/u.exec(trimmed);
  if (!head) throw new UserInputError('Type a command such as /search query:armistice (or /help).');
  const name = head[1]!.toLowerCase();
  const command = commands.find((c) => c.definition.name === name);
  if (!command) {
    const names = commands.filter((c) => !c.definition.adminOnly).map((c) => `/${c.definition.name}`);
    throw new UserInputError(`Unknown command “/${clip(name, 32)}”. Try one of: ${names.join(', ')}.`);
  }
  const rest = trimmed.slice(head[0].length);
  const optionNames = command.definition.options.map((o) => o.name);
  const options: RawOptions = {};
  if (!rest) return { name, options };

  const marker = new RegExp(`(^|\\s)(${optionNames.map(escapeRegExp).join('|') || '(?!)'}):`, 'giu');
  const marks = [...rest.matchAll(marker)].map((m) => ({
    name: m[2]!.toLowerCase(),
    at: m.index + m[1]!.length,
    valueAt: m.index + m[0].length,
  }));
  const leading = rest.slice(0, marks[0]?.at ?? rest.length).trim();
  if (leading) {
    const looksLikeOption = /^([\p{L}\p{N}_-]{1,32}):/u.exec(leading);
    if (looksLikeOption) {
      const list = optionNames.join(', ');
      throw new UserInputError(
        `/${name} has no option “${looksLikeOption[1]}”.${list ? ` Options: ${list}.` : ' It takes no options.'}`,
      );
    }
    const target = command.definition.options.find((o) => o.required && o.type === 'string') ??
      command.definition.options.find((o) => o.type === 'string');
    if (!target) throw new UserInputError(`/${name} takes no text; try /${name} alone.`);
    options[target.name] = unquote(leading);
  }
  marks.forEach((m, i) => {
    const value = rest.slice(m.valueAt, marks[i + 1]?.at ?? rest.length).trim();
    if (m.name in options) throw new UserInputError(`“${m.name}” is given twice.`);
    options[m.name] = unquote(value);
  });
  return { name, options };
}

function unquote(value: string): string {
  const m = /^(["'“‘])([\s\S]*)(["'”’])$/u.exec(value);
  if (m && value.length >= 2 && pairs(m[1]!, m[3]!)) return m[2]!;
  return value;
}

function pairs(open: string, close: string): boolean {
  return (open === close && (open === '"' || open === "'")) || (open === '“' && close === '”') || (open === '‘' && close === '’');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
