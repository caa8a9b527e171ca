/** Adapts discord.js interaction objects (gateway mode) to the shared `InteractionInput`. */
import { PermissionFlagsBits, type Interaction } from 'discord.js';
import type { OptionMap } from './customId';
import type { InteractionBase, InteractionInput } from './input';

/** Converts a discord.js interaction into the transport-independent input. */
export function fromDiscordJs(interaction: Interaction): InteractionInput {
  const base: InteractionBase = {
    id: interaction.id,
    token: interaction.token,
    applicationId: interaction.applicationId,
    userId: interaction.user.id,
    isAdmin: interaction.inGuild()
      ? (interaction.memberPermissions?.any([PermissionFlagsBits.ManageGuild, PermissionFlagsBits.Administrator]) ?? false)
      : false,
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
  };
  if (interaction.isChatInputCommand()) {
    const options: OptionMap = {};
    for (const o of interaction.options.data) {
      if (typeof o.value === 'string' || typeof o.value === 'number' || typeof o.value === 'boolean') options[o.name] = o.value;
    }
    return { ...base, kind: 'command', command: interaction.commandName, options };
  }
  if (interaction.isMessageContextMenuCommand()) {
    return { ...base, kind: 'message-menu', command: interaction.commandName, targetText: interaction.targetMessage.content };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    return { ...base, kind: 'autocomplete', command: interaction.commandName, focused: { name: focused.name, value: String(focused.value) } };
  }
  if (interaction.isButton()) return { ...base, kind: 'button', customId: interaction.customId };
  return { ...base, kind: 'unsupported', what: `interaction type ${String(interaction.type)}` };
}
