/**
 * Reading the file of `/library add file:` (or of a message given to "Add to library"): Discord
 * sends the attachment's URL on its CDN; it is downloaded only from the CDN hosts (a test
 * configuration adds the fake Discord's 127.0.0.1), with a size cap counted while reading and a
 * time limit, so a forged interaction cannot make the bot fetch anything else.
 */
import { UserInputError } from '../core/errors';
import type { ReadFile } from '../core/library';
import type { AttachmentInfo } from './input';

/** Downloads one attachment's bytes (throws `UserInputError` with a member-facing reason). */
export type FetchAttachment = (attachment: AttachmentInfo) => Promise<Uint8Array>;

/** Discord's attachment hosts. */
export const DISCORD_CDN_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'];

export interface AttachmentFetchOptions {
  /** Hosts (`host` or `host:port`) files may come from; default Discord's CDN. */
  hosts?: readonly string[];
  /** Largest file, in bytes (default 5 MB). */
  maxBytes?: number;
  /** Whole download, in ms (default 15 s). */
  timeoutMs?: number;
}

/** A downloader limited to the given hosts, size and time. */
export function attachmentFetcher(options: AttachmentFetchOptions = {}): FetchAttachment {
  const hosts = new Set((options.hosts ?? DISCORD_CDN_HOSTS).map((h) => h.toLowerCase()));
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return async (attachment) => {
    let url: URL;
    try {
      url = new URL(attachment.url);
    } catch {
      throw new UserInputError('That attachment has no usable link.');
    }
    const local = url.hostname === '127.0.0.1' && hosts.has(url.host);
    if (!(url.protocol === 'https:' || (local && url.protocol === 'http:')) || !(hosts.has(url.host) || hosts.has(url.hostname))) {
      throw new UserInputError('That attachment is not on Discord’s file server.');
    }
    if (attachment.size > maxBytes) throw new UserInputError(`That file is too big (${Math.ceil(attachment.size / 1024)} KB; at most ${Math.floor(maxBytes / 1024)} KB).`);
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      throw new UserInputError('The file could not be downloaded from Discord. Try again.');
    }
    if (!response.ok || !response.body) throw new UserInputError(`The file could not be downloaded from Discord (HTTP ${response.status}).`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        total += chunk.length;
        if (total > maxBytes) throw new UserInputError(`That file is too big (more than ${Math.floor(maxBytes / 1024)} KB).`);
        chunks.push(chunk);
      }
    } catch (err) {
      if (err instanceof UserInputError) throw err;
      throw new UserInputError('The file download was interrupted. Try again.');
    } finally {
      // Stop reading at once when the cap was hit (a body bigger than its attachment says).
      await response.body.cancel().catch(() => undefined);
    }
    return Buffer.concat(chunks);
  };
}

/** Reads an attachment option (its value is the attachment's id) from the interaction's attachments. */
export function attachmentReader(attachments: Record<string, AttachmentInfo>, fetchAttachment: FetchAttachment): ReadFile {
  return async (ref) => {
    const attachment = Object.hasOwn(attachments, ref) ? attachments[ref] : undefined;
    if (!attachment) throw new UserInputError('That file is not attached to this command. Attach it again.');
    return { name: attachment.filename, bytes: await fetchAttachment(attachment) };
  };
}
