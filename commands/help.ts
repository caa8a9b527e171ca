import { defineCommand, type AnyCommand, type CommandDefinition } from '../src/core/command';

/** One line per command: `/name option:<…> [optional:<…>] — description`. */
export function usageLine(def: CommandDefinition): string {
  const opts = def.options.map((o) => (o.required ? `${o.name}:<${o.type === 'string' ? 'text' : o.type}>` : `[${o.name}:…]`));
  return [`/${def.name}`, ...opts].join(' ') + ` — ${def.description}`;
}

/**
 * `/help` lists the commands it is given. It takes the list as a function instead of importing
 * `./index` (which imports this module): no import cycle, and the list is read when asked.
 */
export function helpCommand(listed: () => readonly AnyCommand[]) {
  return defineCommand({
    definition: {
      name: 'help',
      description: 'What Quotebook can do and how to ask.',
      answers: true,
      options: [],
    },
    handle: (_options, { isAdmin }) => {
      const commands = listed();
      return {
        command: 'help',
        excerpts: [],
        notice: [
          'Quotebook answers questions about the loaded news articles with exact, attributed excerpts.',
          ...commands.filter((c) => !c.definition.adminOnly).map((c) => usageLine(c.definition)),
          // Server managers (and the console, where you are the admin) also see what only they can run.
          ...(isAdmin ? commands.filter((c) => c.definition.adminOnly).map((c) => `${usageLine(c.definition)} (server managers)`) : []),
        ].join('\n'),
      };
    },
  });
}
