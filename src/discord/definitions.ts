/**
 * Discord application-command JSON generated from the `commands/` modules, so a new command
 * module shows up in Discord by being listed in `commands/index.ts` and re-running deploy.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { AnyCommand, CommandDefinition, CommandOption } from '../core/command';

/** Name of the option appended to every answering command: reply only the caller sees. */
export const HIDE_OPTION = 'hide';
/** Name of the option appended to every answering command: a long answer goes to a new thread. */
export const THREAD_OPTION = 'thread';
/** Name of the message context-menu command (shown in the message's Apps menu). */
export const WHO_SAID_MENU = 'Who said this?';
/** The slash command the context menu runs, and the option it fills with the message text. */
export const WHO_SAID_COMMAND = 'who-said';
export const WHO_SAID_OPTION = 'phrase';
/** The message context-menu command that adds a message's link or attachment to the server's library. */
export const ADD_TO_LIBRARY_MENU = 'Add to library';
/** The command the "Add to library" menu runs, and its options. */
export const LIBRARY_ADD_COMMAND = 'library add';

function optionJson(option: CommandOption): APIApplicationCommandBasicOption {
  const base = { name: option.name, description: option.description, required: option.required ?? false };
  switch (option.type) {
    case 'string':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        max_length: option.maxLength,
        ...(option.minLength !== undefined ? { min_length: option.minLength } : {}),
        ...(option.autocomplete ? { autocomplete: true } : {}),
      };
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(option.min !== undefined ? { min_value: option.min } : {}),
        ...(option.max !== undefined ? { max_value: option.max } : {}),
      };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'attachment':
      return { ...base, type: ApplicationCommandOptionType.Attachment };
  }
}

/** Where commands may be used: servers and DMs with the bot; admin commands only in servers. */
function reach(definition: Pick<CommandDefinition, 'adminOnly'>) {
  return {
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: definition.adminOnly ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM],
  };
}

/** The Discord JSON for one slash command. */
export function slashCommandJson(definition: CommandDefinition): RESTPostAPIApplicationCommandsJSONBody {
  const options = definition.options.map(optionJson);
  // Discord requires required options before optional ones; keep the module's order otherwise.
  options.sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
  if (definition.answers && !definition.options.some((o) => o.name === HIDE_OPTION)) {
    options.push({
      type: ApplicationCommandOptionType.Boolean,
      name: HIDE_OPTION,
      description: 'Only you see the answer',
      required: false,
    });
  }
  if (definition.answers && !definition.options.some((o) => o.name === THREAD_OPTION)) {
    options.push({
      type: ApplicationCommandOptionType.Boolean,
      name: THREAD_OPTION,
      description: 'Post a long answer in a new thread instead of the channel',
      required: false,
    });
  }
  return {
    type: ApplicationCommandType.ChatInput,
    name: definition.name,
    description: definition.description,
    options,
    ...(definition.adminOnly ? { default_member_permissions: PermissionFlagsBits.ManageGuild.toString() } : {}),
    ...reach(definition),
  };
}

/** The message context-menu command that runs `/who-said` on a message's text. */
export function whoSaidMenuJson(): RESTPostAPIApplicationCommandsJSONBody {
  return { type: ApplicationCommandType.Message, name: WHO_SAID_MENU, ...reach({}) };
}

/** The message context-menu command that adds a message's link or attachment to the server's library (servers only). */
export function addToLibraryMenuJson(): RESTPostAPIApplicationCommandsJSONBody {
  return { type: ApplicationCommandType.Message, name: ADD_TO_LIBRARY_MENU, ...reach({ adminOnly: true }) };
}

/** The subcommand's own name: "library add" → "add". */
function subcommandName(definition: CommandDefinition): string {
  return definition.name.slice(definition.name.lastIndexOf(' ') + 1);
}

/**
 * One `/group` command with a subcommand per module of the group (`/library add`, `/library list`…).
 * A group is usable in servers only: a library belongs to a server.
 */
export function groupCommandJson(group: { name: string; description: string }, members: readonly CommandDefinition[]): RESTPostAPIApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    name: group.name,
    description: group.description,
    options: members.map((d) => {
      const json = slashCommandJson({ ...d, name: subcommandName(d) }) as { options?: APIApplicationCommandBasicOption[] };
      return { type: ApplicationCommandOptionType.Subcommand, name: subcommandName(d), description: d.description, options: json.options ?? [] };
    }),
    ...reach({ adminOnly: true }),
  };
}

/** Everything to register: one slash command per module (a group's modules as subcommands of one), plus the message menus. */
export function buildCommandDefinitions(commands: readonly AnyCommand[]): RESTPostAPIApplicationCommandsJSONBody[] {
  const out: RESTPostAPIApplicationCommandsJSONBody[] = [];
  const groups = new Set<string>();
  for (const { definition } of commands) {
    if (!definition.group) {
      out.push(slashCommandJson(definition));
      continue;
    }
    if (groups.has(definition.group.name)) continue;
    groups.add(definition.group.name);
    const group = definition.group;
    out.push(groupCommandJson(group, commands.map((c) => c.definition).filter((d) => d.group?.name === group.name)));
  }
  out.push(whoSaidMenuJson());
  if (commands.some((c) => c.definition.name === LIBRARY_ADD_COMMAND)) out.push(addToLibraryMenuJson());
  return out;
}
