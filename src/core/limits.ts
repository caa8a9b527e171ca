/**
 * Discord's limits that shape what every transport gets, written once: autocomplete answers are
 * ranked within them (`search/suggest.ts`), and the Discord code (`src/discord/`) checks and
 * clips to them. In core because the knowledge base obeys them too and may not import Discord code.
 */

/** Autocomplete choices per answer. */
export const MAX_CHOICES = 25;
/** Characters in an autocomplete choice's name or value. */
export const MAX_CHOICE_LENGTH = 100;
/** Options per command (and per interaction payload). */
export const MAX_OPTIONS = 25;
/** Characters in a component's `custom_id`. */
export const CUSTOM_ID_MAX = 100;
/** Characters in a thread name. */
export const THREAD_NAME_MAX = 100;
/** A bot's upload limit per message on a server without boosts (Discord: 10 MiB; the fake's figure too). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Attachments per message. */
export const MAX_FILES = 10;
/**
 * Characters of an excerpt's text a Discord answer card shows at most (render.ts; a page of long
 * excerpts is shrunk below this to fit Discord's 6,000-character total). `/ask` widens an excerpt
 * only while it stays well inside it (askFollow.ts).
 */
export const EXCERPT_QUOTE_CHARS = 1400;
