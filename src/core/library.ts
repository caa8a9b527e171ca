/**
 * What commands and transports see of the per-server library (issue #13): who is asking, and the
 * operations `/library …` runs. The implementation lives in `src/library/` (database, fetching,
 * knowledge bases); transports and commands only know this interface, handed in through
 * `CommandContext.library`. Every refusal a member should read is a `UserInputError`.
 */

/** Who runs a command and where. */
export interface Caller {
  /** The server; null in a DM with the bot. The console acts as one server ("console"). */
  guildId: string | null;
  /** Discord user id ("console" in the console). */
  userId: string;
  /** Manage Server (or Administrator) in that server; the console is its own manager. */
  canManageServer: boolean;
  /** The member's role ids in that server (for a manager role set in `/library settings`). */
  roleIds: readonly string[];
}

/** What a member adds: a link, or a file's name and bytes. */
export type LibrarySource = { kind: 'url'; url: string } | { kind: 'file'; name: string; bytes: Uint8Array };

/** Reads the file an attachment option refers to (a Discord attachment, a path in the console). */
export type ReadFile = (ref: string) => Promise<{ name: string; bytes: Uint8Array }>;

/** The card shown once an article is added. */
export interface AddedArticle {
  articleId: string;
  title: string;
  site?: string;
  published?: string;
  author?: string;
  url?: string;
  paragraphs: number;
  /** Statements attributed to a named person or source. */
  quotes: number;
  /** Most quoted speakers, most first (at most 5). */
  topSpeakers: string[];
  /** The server it was added to (for the Undo button). */
  guildId: string;
}

/** One article of a server's library, for `/library list`. */
export interface LibraryEntry {
  articleId: string;
  title: string;
  site?: string;
  published?: string;
  url?: string;
  file?: string;
  addedBy: string;
  addedAt: string;
  paragraphs: number;
  quotes: number;
}

/** A server's rules, as `/library settings` shows and changes them. */
export interface LibraryRules {
  managerRoleId: string | null;
  maxArticles: number;
  maxArticleBytes: number;
  addsPerHour: number;
  addsPerUserPerHour: number;
}

export interface LibraryAccess {
  /** Fetches/reads, extracts, analyses and stores one article; `progress` gets each step. */
  add(caller: Caller, source: LibrarySource, progress?: (step: string) => void): Promise<AddedArticle>;
  /** `undo`: the Undo button of the add card (the adder or a manager); `remove`: `/library remove`. */
  remove(caller: Caller, articleId: string, how: 'remove' | 'undo'): Promise<{ articleId: string; title: string }>;
  list(caller: Caller): Promise<LibraryEntry[]>;
  /** Reads the rules, or changes some of them (managers only) and returns the result. */
  settings(caller: Caller, changes?: Partial<LibraryRules>): Promise<LibraryRules>;
  /** Autocomplete over a server's library (ids and titles); empty for a DM. */
  suggest(guildId: string | null, prefix: string): Promise<Array<{ name: string; value: string }>>;
}
