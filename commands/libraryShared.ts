/** What the `/library …` subcommands share: the group, and the library plus caller from the context. */
import type { CommandContext } from '../src/core/command';
import { UserInputError } from '../src/core/errors';
import type { Caller, LibraryAccess } from '../src/core/library';

/** `/library` in Discord: one command with a subcommand per module. */
export const libraryGroup = { name: 'library', description: "This server's own articles: add, list, remove, settings" } as const;

/** The library and who is asking, or a short refusal where there is no library (a DM, no database). */
export function libraryOf(ctx: CommandContext): { library: LibraryAccess; caller: Caller } {
  if (!ctx.library || !ctx.caller) throw new UserInputError('The library is not available in this mode.');
  if (ctx.caller.guildId === null) throw new UserInputError('Libraries belong to servers: use /library in a server, not in a DM.');
  return { library: ctx.library, caller: ctx.caller };
}
