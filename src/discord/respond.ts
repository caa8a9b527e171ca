/**
 * The only way this codebase builds Discord message payloads and interaction responses. Every
 * message goes through `safeMessage`, which always sets `allowed_mentions: { parse: [] }`, so no
 * answer can ping anyone whatever text it quotes.
 */
import {
  InteractionResponseType,
  MessageFlags,
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteractionResponse,
} from 'discord.js';

/** Message fields we produce (a subset of Discord's message create/edit body). */
export interface MessageData {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<APIActionRowComponent<APIComponentInMessageActionRow>>;
  flags?: number;
}

/** A message body that cannot mention anyone. */
export type SafeMessage = MessageData & { allowed_mentions: { parse: [] } };

/** Adds the no-mentions rule (overwriting anything else) to a message body. */
export function safeMessage(data: MessageData): SafeMessage {
  return { ...data, allowed_mentions: { parse: [] } };
}

/** Type 4: a new reply; `ephemeral` → only the caller sees it. */
export function replyResponse(data: MessageData, ephemeral: boolean): APIInteractionResponse {
  const flags = (data.flags ?? 0) | (ephemeral ? MessageFlags.Ephemeral : 0);
  return { type: InteractionResponseType.ChannelMessageWithSource, data: safeMessage({ ...data, ...(flags ? { flags } : {}) }) };
}

/** Type 7: replace the message the pressed button belongs to. */
export function updateResponse(data: MessageData): APIInteractionResponse {
  return { type: InteractionResponseType.UpdateMessage, data: safeMessage(data) };
}

/** Type 5 (reply later) or 6 (update later): buys 15 minutes for slow work. */
export function deferResponse(kind: 'reply' | 'update', ephemeral: boolean): APIInteractionResponse {
  if (kind === 'update') return { type: InteractionResponseType.DeferredMessageUpdate };
  return {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    ...(ephemeral ? { data: { flags: MessageFlags.Ephemeral } } : {}),
  };
}

/** Type 8: autocomplete choices. */
export function autocompleteResponse(choices: APIApplicationCommandOptionChoice[]): APIInteractionResponse {
  return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } };
}

/** Type 1: answer to Discord's PING on the HTTP endpoint. */
export function pongResponse(): APIInteractionResponse {
  return { type: InteractionResponseType.Pong };
}

/** A short message only the caller sees (errors, rate limits, bad input). */
export function ephemeralText(content: string): APIInteractionResponse {
  return replyResponse({ content }, true);
}

/** The message body inside a response, for editing `@original` after a deferral. */
export function messageOf(response: APIInteractionResponse): SafeMessage | undefined {
  if (response.type === InteractionResponseType.ChannelMessageWithSource || response.type === InteractionResponseType.UpdateMessage) {
    // Our responses are built by the functions above, so their data is a MessageData.
    return safeMessage((response.data ?? {}) as MessageData);
  }
  return undefined;
}
