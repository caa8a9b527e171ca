/**
 * Interaction responses over Discord's REST API (discord.js `REST`). Interaction callbacks and
 * webhook edits are authorised by the interaction token in the URL, so no bot token is sent.
 */
import { Routes, type REST } from 'discord.js';
import type { Responder } from './dispatch';
import type { InteractionBase } from './input';

/** Responder for follow-up calls: `@original` edits, deletes and follow-up messages. */
export function webhookResponder(rest: REST, interaction: Pick<InteractionBase, 'applicationId' | 'token'>): Omit<Responder, 'callback'> {
  const original = Routes.webhookMessage(interaction.applicationId, interaction.token, '@original');
  return {
    async editOriginal(message) {
      await rest.patch(original, { body: message, auth: false });
    },
    async deleteOriginal() {
      await rest.delete(original, { auth: false });
    },
    async followUp(message) {
      await rest.post(Routes.webhook(interaction.applicationId, interaction.token), { body: message, auth: false });
    },
  };
}

/** Full responder for the gateway: the initial response is a POST to the callback route too. */
export function restResponder(rest: REST, interaction: Pick<InteractionBase, 'applicationId' | 'token' | 'id'>): Responder {
  return {
    ...webhookResponder(rest, interaction),
    async callback(response) {
      await rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false });
    },
  };
}
