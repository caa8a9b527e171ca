/**
 * The embedded library store: one SQLite file through `better-sqlite3`, created on first use with
 * no set-up. Several processes (shards, a second bot on the same machine) may share the file:
 *
 * - WAL mode, so readers never wait for the writer and a crash leaves committed data intact;
 *   `synchronous = NORMAL` is durable against a killed process (the WAL is in the OS's hands once a
 *   transaction commits) and loses at most the last transactions on power loss, the usual WAL trade.
 * - Every write is one `BEGIN IMMEDIATE` transaction: it takes the write lock before reading, so
 *   "is this URL already here?" and the insert cannot interleave with another process's add.
 * - A busy timeout: a process waits for another's write instead of failing at once; past it the
 *   call rejects with `LibraryUnavailableError`.
 *
 * `better-sqlite3` is synchronous; each call is short (one small transaction), so it runs inline
 * and the interface's promises just carry its result or error.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  ArticleIdTakenError,
  LibraryFullError,
  LibraryUnavailableError,
  type AddLimits,
  type AddResult,
  type LibrarySettings,
  type LibraryStore,
  type NewLibraryArticle,
  type ServerCacheEntry,
  type StoredLibraryArticle,
} from './libraryStore';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations';
import type { QuizStore } from './quizStore';
import { SqliteQuizStore } from './sqliteQuiz';
import { SqlCorrectionStore, type CorrectionStore } from './correctionStore';
import { ARTICLE_COLUMNS, articleParams, checkArticle, checkSettings, settingsParams, stamped, toArticle, toSettings, type ArticleRow, type SettingsRow } from './rows';

export interface SqliteStoreOptions {
  /** File path, or `:memory:` (one connection only; for tests). */
  path: string;
  /** How long a call waits for another connection's write lock, in ms. Default 5000. */
  busyTimeoutMs?: number;
}

// Errors that mean "the database cannot be used right now", not "this call was wrong".
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|READONLY|FULL|IOERR|CANTOPEN|CORRUPT|NOTADB|PROTOCOL|PERM|AUTH|NOLFS)/;

function unavailable(err: unknown, path: string): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) {
    return new LibraryUnavailableError(`The library database (SQLite ${path}) is unavailable: ${code}`, { cause: err });
  }
  return err;
}

/** A `LibraryStore` in one SQLite file. Opening creates the file and its folder if needed. */
export class SqliteLibraryStore implements LibraryStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly path: string;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(options: SqliteStoreOptions) {
    this.path = options.path;
    try {
      if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
      this.db = new Database(options.path, { timeout: options.busyTimeoutMs ?? 5000 });
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
    } catch (err) {
      // Whatever stops the file from opening (missing permission, a file where the folder should
      // be, not a database) leaves the library unusable, not the program broken.
      throw new LibraryUnavailableError(`The library database (SQLite ${options.path}) cannot be opened: ${(err as Error).message}`, { cause: err });
    }
  }

  /** A prepared statement, prepared once (after `migrate`, when the tables exist). */
  private sql(text: string): Database.Statement {
    let s = this.statements.get(text);
    if (!s) {
      s = this.db.prepare(text);
      this.statements.set(text, s);
    }
    return s;
  }

  /** Runs `fn`, turning driver errors that mean "unusable now" into `LibraryUnavailableError`. */
  private run<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(unavailable(err, this.path));
    }
  }

  migrate(): Promise<void> {
    return this.run(() => {
      this.db
        .transaction(() => {
          this.db.exec(MIGRATIONS_TABLE);
          const done = new Set(this.db.prepare('SELECT version FROM schema_migrations').all().map((r) => (r as { version: number }).version));
          for (const m of MIGRATIONS) {
            if (done.has(m.version)) continue;
            this.db.exec(m.sqlite);
            this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
          }
        })
        .immediate();
    });
  }

  add(article: NewLibraryArticle, limits: { maxArticles?: number } = {}): Promise<AddResult> {
    return this.run(() => {
      const a = stamped(article);
      checkArticle(a);
      return this.db
        .transaction((): AddResult => {
          const existing = this.sql(
              `SELECT * FROM library_articles WHERE guild_id = ? AND (source_url = ? OR content_hash = ?)
               ORDER BY CASE WHEN source_url = ? THEN 0 ELSE 1 END, seq LIMIT 1`,
            )
            .get(a.guildId, a.sourceUrl, a.contentHash, a.sourceUrl) as ArticleRow | undefined;
          if (existing) return { added: false, existing: toArticle(existing) };
          if (this.sql('SELECT 1 FROM library_articles WHERE guild_id = ? AND article_id = ?').get(a.guildId, a.articleId)) {
            throw new ArticleIdTakenError(a.guildId, a.articleId);
          }
          // Inside the write transaction: another add cannot slip in between this count and the insert.
          if (limits.maxArticles !== undefined) {
            const { n } = this.sql('SELECT COUNT(*) AS n FROM library_articles WHERE guild_id = ?').get(a.guildId) as { n: number };
            if (n >= limits.maxArticles) throw new LibraryFullError(a.guildId, limits.maxArticles);
          }
          this.sql(`INSERT INTO library_articles (${ARTICLE_COLUMNS.join(', ')}) VALUES (${ARTICLE_COLUMNS.map(() => '?').join(', ')})`)
            .run(...articleParams(a));
          return { added: true, article: a };
        })
        .immediate();
    });
  }

  remove(guildId: string, articleId: string): Promise<boolean> {
    return this.run(() => this.sql('DELETE FROM library_articles WHERE guild_id = ? AND article_id = ?').run(guildId, articleId).changes > 0);
  }

  list(guildId: string): Promise<StoredLibraryArticle[]> {
    return this.run(() => (this.sql('SELECT * FROM library_articles WHERE guild_id = ? ORDER BY seq').all(guildId) as ArticleRow[]).map(toArticle));
  }

  get(guildId: string, articleId: string): Promise<StoredLibraryArticle | undefined> {
    return this.run(() => {
      const row = this.sql('SELECT * FROM library_articles WHERE guild_id = ? AND article_id = ?').get(guildId, articleId) as ArticleRow | undefined;
      return row && toArticle(row);
    });
  }

  settings(guildId: string): Promise<LibrarySettings> {
    return this.run(() => toSettings(guildId, this.sql('SELECT * FROM library_settings WHERE guild_id = ?').get(guildId) as SettingsRow | undefined));
  }

  saveSettings(settings: LibrarySettings): Promise<void> {
    return this.run(() => {
      checkSettings(settings);
      this.sql(
          `INSERT INTO library_settings (guild_id, manager_role_id, max_articles, max_article_bytes, adds_per_hour, adds_per_user_per_hour)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (guild_id) DO UPDATE SET manager_role_id = excluded.manager_role_id, max_articles = excluded.max_articles,
             max_article_bytes = excluded.max_article_bytes, adds_per_hour = excluded.adds_per_hour,
             adds_per_user_per_hour = excluded.adds_per_user_per_hour`,
        )
        .run(...settingsParams(settings));
    });
  }

  recordAdd(guildId: string, userId: string, at: Date): Promise<void> {
    return this.run(() => {
      this.sql('INSERT INTO library_adds (guild_id, user_id, at_ms) VALUES (?, ?, ?)').run(guildId, userId, at.getTime());
    });
  }

  countAdds(guildId: string, userId: string | null, since: Date): Promise<number> {
    return this.run(() => {
      const row = (
        userId === null
          ? this.sql('SELECT COUNT(*) AS n FROM library_adds WHERE guild_id = ? AND at_ms >= ?').get(guildId, since.getTime())
          : this.sql('SELECT COUNT(*) AS n FROM library_adds WHERE guild_id = ? AND user_id = ? AND at_ms >= ?').get(guildId, userId, since.getTime())
      ) as { n: number };
      return row.n;
    });
  }

  tryRecordAdd(guildId: string, userId: string, at: Date, limits: AddLimits): Promise<'ok' | 'server' | 'user'> {
    return this.run(() =>
      this.db
        .transaction((): 'ok' | 'server' | 'user' => {
          const since = limits.since.getTime();
          const server = (this.sql('SELECT COUNT(*) AS n FROM library_adds WHERE guild_id = ? AND at_ms >= ?').get(guildId, since) as { n: number }).n;
          if (server >= limits.perServer) return 'server';
          const user = (this.sql('SELECT COUNT(*) AS n FROM library_adds WHERE guild_id = ? AND user_id = ? AND at_ms >= ?').get(guildId, userId, since) as { n: number }).n;
          if (user >= limits.perUser) return 'user';
          this.sql('INSERT INTO library_adds (guild_id, user_id, at_ms) VALUES (?, ?, ?)').run(guildId, userId, at.getTime());
          return 'ok';
        })
        .immediate(),
    );
  }

  articleIds(guildId: string): Promise<string[]> {
    return this.run(() => (this.sql('SELECT article_id FROM library_articles WHERE guild_id = ? ORDER BY seq').all(guildId) as Array<{ article_id: string }>).map((r) => r.article_id));
  }

  serverCacheGet(guildId: string): Promise<ServerCacheEntry | undefined> {
    return this.run(() => {
      const row = this.sql('SELECT cache_key, value FROM library_server_cache WHERE guild_id = ?').get(guildId) as { cache_key: string; value: Buffer } | undefined;
      return row && { key: row.cache_key, value: row.value };
    });
  }

  serverCachePut(guildId: string, key: string, value: Uint8Array): Promise<void> {
    return this.run(() => {
      this.sql(
        'INSERT INTO library_server_cache (guild_id, cache_key, value) VALUES (?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET cache_key = excluded.cache_key, value = excluded.value',
      ).run(guildId, key, value);
    });
  }

  cacheGet(key: string): Promise<string | undefined> {
    return this.run(() => (this.sql('SELECT value FROM analysis_cache WHERE cache_key = ?').get(key) as { value: string } | undefined)?.value);
  }

  cachePut(key: string, value: string): Promise<void> {
    return this.run(() => {
      this.sql('INSERT INTO analysis_cache (cache_key, value) VALUES (?, ?) ON CONFLICT (cache_key) DO UPDATE SET value = excluded.value').run(key, value);
    });
  }

  private quizStore: QuizStore | undefined;

  quiz(): QuizStore {
    return (this.quizStore ??= new SqliteQuizStore(this.db, (fn) => this.run(fn)));
  }

  corrections(): CorrectionStore {
    return new SqlCorrectionStore(
      (text, params) =>
        this.run(() => {
          const s = this.sql(text);
          if (s.reader) return s.all(...params) as Array<Record<string, unknown>>;
          s.run(...params);
          return [];
        }),
      'sqlite',
    );
  }

  close(): Promise<void> {
    return this.run(() => {
      if (this.db.open) this.db.close();
    });
  }
}
