/**
 * Making untrusted text (article text, user input) inert in Discord markdown, and cutting text to
 * Discord's limits without breaking words or escapes.
 */
import { clip, graphemePrefix } from '../core/clip';

/**
 * Escapes everything Discord markdown would interpret: emphasis, strike, spoilers, code, quotes,
 * headings, lists, masked links (escaping the brackets is enough), and neutralises mentions (`@everyone`, `@here`, `<@123>`,
 * `<#1>`, `<@&1>`) so they render as plain text. `allowed_mentions` stops the ping; this stops
 * the pill and the visual noise.
 */
export function escapeMarkdown(text: string): string {
  // One pass over the characters, so the backslashes we add are never escaped again.
  const escaped = text.replace(/[\\*_~`|>[\]<]/g, (c) => `\\${c}`);
  // Headings and list bullets only mean something at the start of a line.
  const lines = escaped.replace(/^(\s*)([#-])/gm, '$1\\$2');
  // A zero-width space breaks the keyword; Discord shows "@everyone" but cannot parse it.
  return lines.replace(/@(everyone|here)/gi, '@\u200b$1');
}

/**
 * For plain-text places that show backslashes literally (embed footers, button labels): breaks
 * mention syntax with a zero-width space, which Discord displays as nothing but cannot parse.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<([@#])/g, '<\u200b$1');
}

/**
 * Cuts `text` to at most `max` characters, at a word boundary when one is reasonably close,
 * ending with an ellipsis. Text that fits is returned unchanged. Uses the shared Unicode-safe
 * `clip`: never half a surrogate pair, flag or emoji sequence.
 */
export function truncate(text: string, max: number): string {
  // Never leave a dangling escape backslash.
  return clip(text, max, { atWord: true, tidy: (cut) => cut.replace(/\\+$/, (m) => (m.length % 2 === 0 ? m : m.slice(1))) });
}

/**
 * Escapes `raw` and fits the escaped result into `max` characters: truncates the raw text first
 * (so no escape is cut in half), shrinking until the escaped form fits.
 */
export function escapeAndFit(raw: string, max: number, render: (s: string) => string = escapeMarkdown): string {
  let limit = Math.min(raw.length, max);
  for (;;) {
    const out = render(truncate(raw, limit));
    if (out.length <= max || limit <= 1) return out.length <= max ? out : graphemePrefix(out, max);
    // Escaping at most doubles the length; shrink proportionally and retry.
    limit = Math.max(1, Math.min(limit - 1, Math.floor((limit * max) / out.length)));
  }
}
