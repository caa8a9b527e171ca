/**
 * Files sent with a message (an exported CSV, a chart PNG): Discord takes them as
 * `multipart/form-data` with the message as `payload_json` and each file as `files[n]`, listed in
 * the message's `attachments` (`{ id: n, filename }`) and referenced from an embed as
 * `attachment://filename`. discord.js REST builds the multipart body; this module names the files
 * safely, checks the size limit and sends them through a `Responder`.
 */
import type { SafeMessage } from './respond';
import { MAX_FILES, MAX_UPLOAD_BYTES } from '../core/limits';

export { MAX_FILES, MAX_UPLOAD_BYTES };

/** One file to upload. */
export interface FileUpload {
  /** Shown to users and used in `attachment://name`; cleaned by `uploadName`. */
  name: string;
  data: Uint8Array;
  contentType?: string;
  /** Alt text (≤ 1024 characters). */
  description?: string;
}

/**
 * What sends a message with files: the `Responder`'s edit and follow-up (declared here, not imported
 * from `./dispatch`, which imports this module's `FileUpload`: no import cycle).
 */
export interface FileSender {
  editOriginal(message: SafeMessage, files?: readonly FileUpload[]): Promise<void>;
  followUp(message: SafeMessage, files?: readonly FileUpload[]): Promise<void>;
}

/** A file name Discord keeps as is: letters, digits, dot, dash, underscore; at most 100 characters. */
export function uploadName(name: string): string {
  const cleaned = name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(-100);
  return cleaned || 'file';
}

/**
 * The message with its `attachments` list for `files`: ids are the `files[n]` indexes, as strings
 * (Discord's OpenAPI description types them as snowflakes).
 */
export function withAttachments(message: SafeMessage, files: readonly FileUpload[]): SafeMessage & { attachments: Array<{ id: string; filename: string; description?: string }> } {
  return {
    ...message,
    attachments: files.map((f, id) => ({ id: String(id), filename: uploadName(f.name), ...(f.description ? { description: f.description.slice(0, 1024) } : {}) })),
  };
}

/** Throws when `files` cannot go in one message (count, total size, duplicate names). */
export function checkUploads(files: readonly FileUpload[]): void {
  if (files.length > MAX_FILES) throw new Error(`at most ${MAX_FILES} files per message (got ${files.length})`);
  const total = files.reduce((n, f) => n + f.data.byteLength, 0);
  if (total > MAX_UPLOAD_BYTES) throw new Error(`files total ${total} bytes, over Discord's ${MAX_UPLOAD_BYTES}-byte limit`);
  const names = files.map((f) => uploadName(f.name));
  if (new Set(names).size !== names.length) throw new Error('two files with the same name');
}

/**
 * `files` grouped into messages Discord accepts, in order: at most `MAX_FILES` each and at most
 * `MAX_UPLOAD_BYTES` together (an export in numbered parts: one message per part when parts are
 * near the limit). A single file over the limit stays alone; `checkUploads` then refuses it.
 */
export function uploadBatches(files: readonly FileUpload[]): FileUpload[][] {
  const batches: FileUpload[][] = [];
  let bytes = 0;
  for (const f of files) {
    const last = batches[batches.length - 1];
    if (last && last.length < MAX_FILES && bytes + f.data.byteLength <= MAX_UPLOAD_BYTES) {
      last.push(f);
      bytes += f.data.byteLength;
    } else {
      batches.push([f]);
      bytes = f.data.byteLength;
    }
  }
  return batches;
}

/**
 * Sends `message` with `files`: as the edit of the original response (after a deferral) or as a
 * follow-up message. The message's embeds may show a file with `attachment://<uploadName(name)>`.
 */
export async function sendWithFiles(
  responder: FileSender,
  message: SafeMessage,
  files: readonly FileUpload[],
  how: 'edit-original' | 'follow-up' = 'follow-up',
): Promise<void> {
  checkUploads(files);
  const body = withAttachments(message, files);
  const named = files.map((f) => ({ ...f, name: uploadName(f.name) }));
  if (how === 'edit-original') await responder.editOriginal(body, named);
  else await responder.followUp(body, named);
}
