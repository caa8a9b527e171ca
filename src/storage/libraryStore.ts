/**
 * The one storage interface for per-server libraries (issue #13). Two implementations share it and
 * one test suite: an embedded SQLite file (the default, no set-up) and PostgreSQL
 * (`DATABASE_URL=postgres://…`) for several processes sharing one store.
 *
 * A stored article is kept as the Markdown document with front matter that the folder loader
 * reads (`document`), so an article added from Discord goes through exactly the same parsing,
 * analysis and indexing as a file in `knowledge/`.
 */
import type { CorrectionStore } from './correctionStore';

import type { QuizStore } from './quizStore';

/** Who may add and remove articles in a server, and its limits. */
export interface LibrarySettings {
  guildId: string;
  /** A role whose members may add/remove; null: members with Manage Server only. */
  managerRoleId: string | null;
  /** Most articles the server's library may hold. */
  maxArticles: number;
  /** Largest cleaned article document, in bytes. */
  maxArticleBytes: number;
  /** Adds per hour for the whole server. */
  addsPerHour: number;
  /** Adds per hour for one member. */
  addsPerUserPerHour: number;
}

/** What a member adds; the store assigns nothing but `addedAt` when absent. */
export interface NewLibraryArticle {
  /** ISO timestamp; the store uses the current time when absent (seeding and imports pass one). */
  addedAt?: string;
  guildId: string;
  /** Article id, unique within the server and never the id of a shared `knowledge/` article. */
  articleId: string;
  /** Canonical URL (after redirects, `<link rel=canonical>`), or null for a file without one. */
  sourceUrl: string | null;
  /** Attachment file name for `/library add file:`, else null. */
  sourceFile: string | null;
  /** sha256 (hex) of the cleaned body text: a second copy of the same text is a duplicate. */
  contentHash: string;
  /** Markdown with YAML front matter, as `knowledge/*.md` files are written. */
  document: string;
  title: string;
  site: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  published: string | null;
  /** Discord user id of the member who added it ("console" in console mode). */
  addedBy: string;
  paragraphs: number;
  quotes: number;
}

/** Limits a server gets until a manager changes them (`/library settings`). */
export const DEFAULT_LIBRARY_LIMITS = {
  maxArticles: 200,
  // A long feature is ~100 kB of Markdown; 1 MB leaves room without letting one add fill the disk.
  maxArticleBytes: 1_000_000,
  addsPerHour: 30,
  addsPerUserPerHour: 10,
} as const satisfies Omit<LibrarySettings, 'guildId' | 'managerRoleId'>;

export interface StoredLibraryArticle extends NewLibraryArticle {
  /** ISO timestamp. */
  addedAt: string;
}

/** `add` result: the new article, or the one it duplicates (same canonical URL or same text). */
export type AddResult = { added: true; article: StoredLibraryArticle } | { added: false; existing: StoredLibraryArticle };

/**
 * The store cannot be used right now (PostgreSQL down or unreachable, SQLite file locked past the
 * busy timeout, unwritable or full). Every `LibraryStore` method rejects with this for such
 * failures, so the library layer can answer "The library is unavailable right now; nothing was
 * added." and keep answering from what it has loaded. `cause` holds the driver's error.
 */
export class LibraryUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LibraryUnavailableError';
  }
}

/**
 * `add` was given an article id the server already uses for a *different* article (not the same
 * URL or text, which `add` reports as `{ added: false, existing }`). The caller picks another id.
 */
export class ArticleIdTakenError extends Error {
  constructor(
    readonly guildId: string,
    readonly articleId: string,
  ) {
    super(`Article id "${articleId}" is already used in this server's library.`);
    this.name = 'ArticleIdTakenError';
  }
}

/**
 * `add` with `maxArticles` found the server's library full. The count and the insert are one
 * transaction, so two concurrent adds at the limit cannot both pass.
 */
export class LibraryFullError extends Error {
  constructor(
    readonly guildId: string,
    readonly maxArticles: number,
  ) {
    super(`The library of server ${guildId} already holds ${maxArticles} articles.`);
    this.name = 'LibraryFullError';
  }
}

/** Hourly add limits `tryRecordAdd` checks: attempts since `since`, for the server and for one member. */
export interface AddLimits {
  since: Date;
  perServer: number;
  perUser: number;
}

/** One server's built library as `serverCachePut` stored it. */
export interface ServerCacheEntry {
  key: string;
  value: Uint8Array;
}

export interface LibraryStore {
  /** Creates or upgrades the schema; safe to call from several processes at once. */
  migrate(): Promise<void>;
  /**
   * Atomic: the article is wholly stored or absent; two concurrent adds of one URL store one.
   * A duplicate (same canonical URL, else same content hash, in that server) gives
   * `{ added: false, existing }`; an article id taken by a different article throws
   * `ArticleIdTakenError`. With `limits.maxArticles`, a server already holding that many throws
   * `LibraryFullError`, checked in the same transaction as the insert.
   */
  add(article: NewLibraryArticle, limits?: { maxArticles?: number }): Promise<AddResult>;
  /** Whether it existed. */
  remove(guildId: string, articleId: string): Promise<boolean>;
  /** Every article of a server, oldest first. */
  list(guildId: string): Promise<StoredLibraryArticle[]>;
  get(guildId: string, articleId: string): Promise<StoredLibraryArticle | undefined>;
  /** The server's settings, or the defaults (`DEFAULT_LIBRARY_LIMITS`, no manager role) if never saved. */
  settings(guildId: string): Promise<LibrarySettings>;
  saveSettings(settings: LibrarySettings): Promise<void>;
  /** Records one add attempt (for quotas). */
  recordAdd(guildId: string, userId: string, at: Date): Promise<void>;
  /** Adds recorded in the server since `since` (inclusive): all members' when `userId` is null, else that member's. */
  countAdds(guildId: string, userId: string | null, since: Date): Promise<number>;
  /**
   * Records one add attempt only if the server and the member are under their hourly limits, as
   * one transaction (two concurrent attempts at the limit cannot both pass): 'ok' when recorded,
   * else which limit was reached.
   */
  tryRecordAdd(guildId: string, userId: string, at: Date, limits: AddLimits): Promise<'ok' | 'server' | 'user'>;
  /** The server's article ids, oldest first: what a replica compares its loaded library against. */
  articleIds(guildId: string): Promise<string[]>;
  /** The server's built library (`library/serverCache.ts`), whatever key it was stored under. */
  serverCacheGet(guildId: string): Promise<ServerCacheEntry | undefined>;
  /** Replaces the server's built library. */
  serverCachePut(guildId: string, key: string, value: Uint8Array): Promise<void>;
  /** Analysis cache shared by every process: key = content hash + analysis version. */
  cacheGet(key: string): Promise<string | undefined>;
  cachePut(key: string, value: string): Promise<void>;
  /** "Who said it?" games in the same database (`quizStore.ts`). */
  quiz(): QuizStore;
  /** Corrections and answer feedback (`correctionStore.ts`), on the same database. */
  corrections(): CorrectionStore;
  close(): Promise<void>;
}
