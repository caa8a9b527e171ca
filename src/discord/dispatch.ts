/**
 * Delivering an answer within Discord's 3-second window: send it at once when ready, otherwise
 * defer (after `deferAfterMs`) and edit the original response when the answer arrives. Shared
 * by both transports, which only supply a `Responder`. Logs one line per interaction (kind,
 * command, latency, outcome), never message contents or tokens. Never rejects.
 */
import { InteractionResponseType, MessageFlags, type APIInteractionResponse } from 'discord.js';
import type { Logger } from '../log';
import type { InteractionInput } from './input';
import type { InteractionCore } from './interactions';
import { sendWithFiles, uploadBatches, uploadName, type FileUpload } from './files';
import { messageOf, replyResponse, safeMessage, type SafeMessage } from './respond';
import { escapeAndFit, truncate } from './markdown';

/** How a transport talks back to Discord for one interaction. */
export interface Responder {
  /** The initial response (HTTP body, or POST .../callback). */
  callback(response: APIInteractionResponse): Promise<void>;
  /** PATCH webhooks/{app}/{token}/messages/@original (multipart when `files` are given). */
  editOriginal(message: SafeMessage, files?: readonly FileUpload[]): Promise<void>;
  /** DELETE webhooks/{app}/{token}/messages/@original. */
  deleteOriginal(): Promise<void>;
  /** POST webhooks/{app}/{token}: a follow-up message (multipart when `files` are given). */
  followUp(message: SafeMessage, files?: readonly FileUpload[]): Promise<void>;
  /**
   * Starts a public thread on the original response and returns its id (needs the bot token:
   * gateway mode). Absent when the transport cannot, and then answers stay in the channel.
   */
  startThread?(name: string): Promise<string>;
  /** POST channels/{thread}/messages as the bot; the new message's id when Discord gives it. */
  postInThread?(threadId: string, message: SafeMessage): Promise<string | void>;
  /** PATCH channels/{thread}/messages/{id} as the bot (a quiz moving on in its thread). */
  editInThread?(threadId: string, messageId: string, message: SafeMessage): Promise<void>;
}

export interface DispatchOptions {
  logger: Logger;
  /** Defer when the answer is not ready after this long (Discord allows 3 s in total). */
  deferAfterMs?: number;
}

/** Default: well under Discord's 3 s, leaving room for network latency. */
export const DEFER_AFTER_MS = 800;

/** Resolves after `ms` unless cancelled; cancelling clears the timer so no handle is left open. */
function delay(ms: number): { promise: Promise<'timeout'>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Answers one interaction through `responder`. Never rejects. */
export async function dispatchInteraction(
  input: InteractionInput,
  core: InteractionCore,
  responder: Responder,
  options: DispatchOptions,
): Promise<void> {
  const started = performance.now();
  const deferral = core.deferralFor(input);
  let deferred = false;
  let deferring: Promise<void> | undefined;
  /** Sends the deferral once, whoever needs it first (the timer, or a progress step). */
  const ensureDeferred = (): Promise<void> => {
    deferred = true;
    return (deferring ??= responder.callback(deferral!));
  };
  // Progress steps edit the deferred reply, one after another; a failed edit only costs that step.
  let steps: Promise<void> = Promise.resolve();
  const progress = (text: string): void => {
    steps = steps
      .then(async () => {
        await ensureDeferred();
        await responder.editOriginal(safeMessage({ content: truncate(`⏳ ${text}`, 2000) }));
      })
      .catch((err: unknown) => options.logger.warn({ err: errorSummary(err), command: core.label(input) }, 'could not show progress'));
  };
  if (deferral && core.defersAtOnce(input)) await ensureDeferred().catch(() => undefined);
  const work = core.answer(input, deferral ? { progress } : {});
  let outcome: string = 'error';
  try {
    let result: Awaited<typeof work> | undefined = deferral ? undefined : await work;
    if (deferral && !deferred) {
      // Count from arrival: a handler's synchronous part has already used some of the window.
      const timer = delay(Math.max(0, (options.deferAfterMs ?? DEFER_AFTER_MS) - (performance.now() - started)));
      const first = await Promise.race([work, timer.promise]);
      timer.cancel();
      if (first === 'timeout') {
        await ensureDeferred();
      } else {
        result = first;
      }
    }
    result ??= await work;
    outcome = result.outcome;
    await steps;
    if (deferring) await deferring;
    const message = result.files?.length && deferral ? messageOf(result.response) : undefined;
    if (message) {
      // Files go with an edit of the original response (multipart), so defer first if not yet.
      if (!deferred) await ensureDeferred();
      const { flags, ...rest } = message;
      // More than one message can carry (an export in parts): the first batch with the answer,
      // each further batch as a follow-up saying which files it holds (private if the answer is).
      const batches = uploadBatches(result.files!);
      await sendWithFiles(responder, rest, batches[0]!, 'edit-original');
      let sent = batches[0]!.length;
      for (const batch of batches.slice(1)) {
        const range = batch.length === 1 ? `File ${sent + 1}` : `Files ${sent + 1}–${sent + batch.length}`;
        const content = `${range} of ${result.files!.length}: ${batch.map((f) => uploadName(f.name)).join(', ')}`;
        await sendWithFiles(responder, safeMessage({ content: escapeAndFit(content, 2000), ...(flags ? { flags } : {}) }), batch, 'follow-up');
        sent += batch.length;
      }
    } else {
      // A long answer asked for in a thread: a short reply in the channel, the pages in a thread on it.
      const thread = result.thread && responder.startThread && responder.postInThread ? result.thread : undefined;
      const first = thread ? replyResponse(thread.intro, false) : result.response;
      if (!deferred) await responder.callback(first);
      else await finishDeferred(deferral!, first, result.outcome === 'ok', responder);
      for (const message of result.followUps ?? []) await responder.followUp(message);
      if (!thread) result.keep?.(responder);
      if (thread) {
        try {
          const threadId = await responder.startThread!(thread.name);
          const ids: Array<string | void> = [];
          for (const message of thread.messages) ids.push(await responder.postInThread!(threadId, message));
          // A quiz in a thread: its message there is the one later rounds edit.
          const first = ids[0];
          if (result.keep && first && responder.editInThread) result.keep({ editOriginal: (m) => responder.editInThread!(threadId, first, m) });
        } catch (err) {
          // No permission to start threads, a DM-like channel, …: the answer goes where it would have.
          options.logger.warn({ err: errorSummary(err), command: core.label(input) }, 'could not post the answer in a thread');
          const { flags: _flags, ...page } = messageOf(result.response) ?? safeMessage({});
          await responder.editOriginal(page);
          result.keep?.(responder);
        }
      }
    }
  } catch (err) {
    outcome = 'send_failed';
    options.logger.warn({ err: errorSummary(err), command: core.label(input) }, 'could not deliver interaction response');
  }
  options.logger.info(
    { interaction: input.kind, command: core.label(input), ms: Math.round(performance.now() - started), outcome, deferred },
    'interaction',
  );
}

/** After a deferral: edit the placeholder, or swap a public placeholder for a private error. */
async function finishDeferred(
  deferral: APIInteractionResponse,
  response: APIInteractionResponse,
  ok: boolean,
  responder: Responder,
): Promise<void> {
  const message = messageOf(response) ?? safeMessage({ content: 'Sorry, something went wrong.' });
  const deferredEphemeral =
    deferral.type === InteractionResponseType.DeferredChannelMessageWithSource && ((deferral.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  if (deferral.type === InteractionResponseType.DeferredMessageUpdate && response.type === InteractionResponseType.ChannelMessageWithSource) {
    // A button whose answer is a private reply (a quiz press): the pressed message stays as it was.
    await responder.followUp(message);
    return;
  }
  if (ok) {
    // Flags cannot change on edit; the deferral already fixed ephemeral or not.
    const { flags: _flags, ...rest } = message;
    await responder.editOriginal(rest);
    return;
  }
  if (deferral.type === InteractionResponseType.DeferredChannelMessageWithSource && !deferredEphemeral) {
    // Errors are private: drop the public "thinking…" placeholder and tell only the caller.
    await responder.deleteOriginal();
    await responder.followUp(safeMessage({ ...message, flags: MessageFlags.Ephemeral }));
    return;
  }
  if (deferral.type === InteractionResponseType.DeferredMessageUpdate) {
    // Keep the paged message as it was; the error goes to the presser only.
    await responder.followUp(safeMessage({ ...message, flags: MessageFlags.Ephemeral }));
    return;
  }
  const { flags: _flags, ...rest } = message;
  await responder.editOriginal(rest);
}

/** Error details fit for a log line: never request bodies (they contain interaction tokens). */
function errorSummary(err: unknown): Record<string, unknown> {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; message?: unknown; status?: unknown; code?: unknown; method?: unknown };
    return { name: e.name, message: e.message, status: e.status, code: e.code, method: e.method };
  }
  return { message: String(err) };
}
