/**
 * Interaction responses over Discord's REST API (discord.js `REST`). Interaction callbacks and
 * webhook edits are authorised by the interaction token in the URL, so no bot token is sent.
 */
import { Routes, type REST } from 'discord.js';
import type { Responder } from './dispatch';
import type { FileUpload } from './files';
import type { InteractionBase } from './input';

/** discord.js REST files: each becomes a `files[n]` part next to `payload_json`. */
function restFiles(files: readonly FileUpload[] | undefined) {
  return files?.length ? { files: files.map((f) => ({ name: f.name, data: Buffer.from(f.data), ...(f.contentType ? { contentType: f.contentType } : {}) })) } : {};
}

/** Responder for follow-up calls: `@original` edits, deletes and follow-up messages. */
export function webhookResponder(rest: REST, interaction: Pick<InteractionBase, 'applicationId' | 'token'>): Omit<Responder, 'callback'> {
  const original = Routes.webhookMessage(interaction.applicationId, interaction.token, '@original');
  return {
    async editOriginal(message, files) {
      await rest.patch(original, { body: message, ...restFiles(files), auth: false });
    },
    async deleteOriginal() {
      await rest.delete(original, { auth: false });
    },
    async followUp(message, files) {
      await rest.post(Routes.webhook(interaction.applicationId, interaction.token), { body: message, ...restFiles(files), auth: false });
    },
  };
}

/**
 * Full responder for the gateway: the initial response is a POST to the callback route too, and
 * the bot token (set on `rest`) can start a thread on the response and post in it.
 */
export function restResponder(rest: REST, interaction: Pick<InteractionBase, 'applicationId' | 'token' | 'id'>): Responder {
  const webhook = webhookResponder(rest, interaction);
  return {
    ...webhook,
    async callback(response) {
      await rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false });
    },
    async startThread(name) {
      const message = (await rest.get(Routes.webhookMessage(interaction.applicationId, interaction.token, '@original'), { auth: false })) as { id: string; channel_id: string };
      const thread = (await rest.post(Routes.threads(message.channel_id, message.id), { body: { name, auto_archive_duration: 1440 } })) as { id: string };
      return thread.id;
    },
    async postInThread(threadId, message) {
      const posted = (await rest.post(Routes.channelMessages(threadId), { body: message })) as { id?: unknown } | undefined;
      return typeof posted?.id === 'string' ? posted.id : undefined;
    },
    async editInThread(threadId, messageId, message) {
      await rest.patch(Routes.channelMessage(threadId, messageId), { body: message });
    },
  };
}
