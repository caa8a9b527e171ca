/**
 * The transport-independent shape of an interaction. The HTTP endpoint builds it from Discord's
 * raw JSON (`fromRawInteraction`), the gateway from discord.js objects; everything after that —
 * option mapping, handlers, rendering, mention rules — is shared.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionType,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIInteraction,
} from 'discord.js';
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
}

export type InteractionInput =
  | { kind: 'ping' }
  | (InteractionBase & { kind: 'command'; command: string; options: OptionMap })
  | (InteractionBase & { kind: 'autocomplete'; command: string; focused: { name: string; value: string } })
  | (InteractionBase & { kind: 'button'; customId: string })
  | (InteractionBase & { kind: 'message-menu'; command: string; targetText: string })
  | (InteractionBase & { kind: 'unsupported'; what: string });

const ADMIN_BITS = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;

/** Whether a permissions bitfield (decimal string, as Discord sends it) grants admin rights. */
export function isAdminPermissions(permissions: string | undefined): boolean {
  if (!permissions || !/^\d+$/.test(permissions)) return false;
  return (BigInt(permissions) & ADMIN_BITS) !== 0n;
}

function optionMap(options: readonly APIApplicationCommandInteractionDataBasicOption[] | undefined): OptionMap {
  const out: OptionMap = {};
  for (const o of options ?? []) {
    if (o.type === ApplicationCommandOptionType.String || o.type === ApplicationCommandOptionType.Integer || o.type === ApplicationCommandOptionType.Boolean) {
      out[o.name] = o.value;
    } else if (o.type === ApplicationCommandOptionType.Number) {
      out[o.name] = o.value;
    }
  }
  return out;
}

/** Converts Discord's raw interaction JSON (HTTP endpoint) into an `InteractionInput`. */
export function fromRawInteraction(raw: APIInteraction): InteractionInput {
  if (raw.type === InteractionType.Ping) return { kind: 'ping' };
  const base: InteractionBase = {
    id: raw.id,
    token: raw.token,
    applicationId: raw.application_id,
    userId: raw.member?.user.id ?? raw.user?.id ?? 'unknown',
    isAdmin: raw.member ? isAdminPermissions(raw.member.permissions) : false,
    ...(raw.guild_id ? { guildId: raw.guild_id } : {}),
  };
  switch (raw.type) {
    case InteractionType.ApplicationCommand: {
      const data = raw.data;
      if (data.type === ApplicationCommandType.ChatInput) {
        return { ...base, kind: 'command', command: data.name, options: optionMap(data.options as APIApplicationCommandInteractionDataBasicOption[] | undefined) };
      }
      if (data.type === ApplicationCommandType.Message) {
        const message = data.resolved.messages[data.target_id];
        return { ...base, kind: 'message-menu', command: data.name, targetText: message?.content ?? '' };
      }
      return { ...base, kind: 'unsupported', what: `command type ${String(data.type)}` };
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const options = (raw.data.options ?? []) as Array<APIApplicationCommandInteractionDataBasicOption & { focused?: boolean }>;
      const focused = options.find((o) => o.focused);
      return {
        ...base,
        kind: 'autocomplete',
        command: raw.data.name,
        focused: { name: focused?.name ?? '', value: focused && 'value' in focused ? String(focused.value) : '' },
      };
    }
    case InteractionType.MessageComponent:
      return { ...base, kind: 'button', customId: raw.data.custom_id };
    default:
      return { ...base, kind: 'unsupported', what: `interaction type ${String(raw.type)}` };
  }
}
