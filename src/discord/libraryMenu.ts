/** "Add to library" on a message: what to add from it — its first link, else its first attached file. */
import type { OptionMap } from './customId';
import type { AttachmentInfo } from './input';

/** The first http(s) link in a message (`<…>` embeds suppressed included), trailing punctuation dropped. */
export function firstLink(text: string): string | undefined {
  const m = /<?(https?:\/\/[^\s<>]+)>?/i.exec(text);
  if (!m) return undefined;
  let url = m[1]!;
  // Sentence punctuation after a link, and a closing bracket without its opening one.
  for (;;) {
    const trimmed = url.replace(/[.,;:!?'"”’]+$/, '');
    const unbalanced = trimmed.endsWith(')') && (trimmed.match(/\(/g)?.length ?? 0) < (trimmed.match(/\)/g)?.length ?? 0);
    const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
    if (next === url) break;
    url = next;
  }
  return url.length <= 2000 ? url : undefined;
}

/** `/library add` options for a message: `url` from its first link, else `file` from its first attachment. */
export function libraryTarget(text: string, attachments: readonly AttachmentInfo[]): { options: OptionMap; attachments: Record<string, AttachmentInfo> } | undefined {
  const url = firstLink(text);
  if (url) return { options: { url }, attachments: {} };
  const file = attachments[0];
  if (file) return { options: { file: file.id }, attachments: { [file.id]: file } };
  return undefined;
}
