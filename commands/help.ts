import { defineCommand, type CommandDefinition } from '../src/core/command';
import { commands } from './index';

/** One line per command: `/name option:<…> [optional:<…>] — description`. */
export function usageLine(def: CommandDefinition): string {
  const opts = def.options.map((o) => (o.required ? `${o.name}:<${o.type === 'string' ? 'text' : o.type}>` : `[${o.name}:…]`));
  return [`/${def.name}`, ...opts].join(' ') + ` — ${def.description}`;
}

export default defineCommand({
  definition: {
    name: 'help',
    description: 'What Quotebook can do and how to ask.',
    answers: true,
    options: [],
  },
  handle: (_options, { isAdmin }) => ({
    command: 'help',
    excerpts: [],
    notice: [
      'Quotebook answers questions about the loaded news articles with exact, attributed excerpts.',
      ...commands.filter((c) => !c.definition.adminOnly).map((c) => usageLine(c.definition)),
      // Server managers (and the console, where you are the admin) also see what only they can run.
      ...(isAdmin ? commands.filter((c) => c.definition.adminOnly).map((c) => `${usageLine(c.definition)} (server managers)`) : []),
    ].join('\n'),
  }),
});
