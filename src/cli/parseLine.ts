/**
 * Parses a command line as users type it in Discord: `/search query:armistice article:seed`.
 * A value runs until the next `name:` that is one of the command's options, so values may hold
 * spaces and colons. Bare text after the command name goes to its first required text option
 * (`/search armistice`). Matching quotes around a value are removed.
 */
import type { AnyCommand } from '../core/command';
import { UserInputError } from '../core/errors';
import { noSuchOption, type RawOptions } from '../core/options';
import { unknownCommand } from '../core/run';

export interface ParsedLine {
  name: string;
  options: RawOptions;
}

export const MAX_LINE_LENGTH = 8000;

export function parseCommandLine(line: string, commands: readonly AnyCommand[]): ParsedLine {
  if (line.length > MAX_LINE_LENGTH) throw new UserInputError(`That line is too long (max ${MAX_LINE_LENGTH} characters).`);
  const trimmed = line.trim();
  let head = /^\/?([^\s/:]+)(?:\s+|$)/u.exec(trimmed);
  if (!head) throw new UserInputError('Type a command such as /search query:armistice (or /help).');
  let name = head[1]!.toLowerCase();
  // A subcommand: `/library add url:…` names the command "library add".
  const group = commands.filter((c) => c.definition.group?.name === name);
  if (group.length) {
    const sub = /^\/?[^\s/:]+\s+([^\s/:]+)(?:\s+|$)/u.exec(trimmed);
    const full = sub ? `${name} ${sub[1]!.toLowerCase()}` : '';
    if (!group.some((c) => c.definition.name === full)) {
      const subs = group.map((c) => `/${c.definition.name}`).join(', ');
      throw new UserInputError(`/${name} needs one of: ${subs}.`);
    }
    head = sub;
    name = full;
  }
  const command = commands.find((c) => c.definition.name === name);
  if (!command) {
    const hint = suggestion(trimmed, commands);
    if (hint) throw new UserInputError(`${hint} (/help lists every command.)`);
    throw unknownCommand(commands, name);
  }
  const rest = trimmed.slice(head![0].length);
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
    if (looksLikeOption) throw noSuchOption(command.definition, looksLikeOption[1]!);
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

/**
 * A hint for a line that is not a command: words that spell one (`who said …` → `/who-said
 * phrase:…`), or, for plain text typed without a slash, the commands that take plain text.
 */
function suggestion(line: string, commands: readonly AnyCommand[]): string | undefined {
  const slash = line.startsWith('/');
  const words = line.replace(/^\//, '').split(/\s+/u);
  for (const n of [3, 2]) {
    const name = words.slice(0, n).join('-').toLowerCase();
    const command = commands.find((c) => c.definition.name === name);
    if (!command) continue;
    const rest = words.slice(n).join(' ');
    const target = command.definition.options.find((o) => o.required && o.type === 'string');
    const example = `/${name}${rest ? ` ${target ? `${target.name}:` : ''}${rest}` : ''}`;
    return `“${words.slice(0, n).join(' ').slice(0, 40)}” is not a command; did you mean ${example.length > 120 ? `${example.slice(0, 119)}…` : example}?`;
  }
  if (slash) return undefined;
  const has = (n: string) => commands.some((c) => c.definition.name === n);
  const short = line.length > 60 ? `${line.slice(0, 59)}…` : line;
  const tries = [has('ask') ? `/ask question:${short}` : '', has('search') ? `/search query:${short}` : ''].filter(Boolean);
  return `Commands start with “/”${tries.length ? `: try ${tries.join(' or ')}` : ''}.`;
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
