/**
 * The shared library store: PostgreSQL through `pg` with a connection pool, for several processes,
 * shards or machines using one library. Same schema and migrations as SQLite (`migrations.ts`).
 *
 * Concurrency comes from the database itself: an add is one `INSERT … ON CONFLICT DO NOTHING`
 * against the per-server unique constraints (id, canonical URL, content hash), so of two concurrent
 * adds of one URL the second waits for the first to commit and then inserts nothing; it reads and
 * returns the winner. One statement is atomic, so a killed process leaves the article wholly
 * stored or absent. `migrate` holds a transaction-scoped advisory lock, so processes starting
 * together apply each migration once.
 */
import pg from 'pg';
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
import { PostgresQuizStore } from './postgresQuiz';
import type { QuizStore } from './quizStore';
import { SqlCorrectionStore, type CorrectionStore } from './correctionStore';
import { ARTICLE_COLUMNS, articleParams, checkArticle, checkSettings, settingsParams, stamped, toArticle, toSettings, type ArticleRow, type SettingsRow } from './rows';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`. */
  url: string;
  /** Schema instead of `public` (lower-case letters, digits, `_`); `migrate` creates it. */
  schema?: string;
  /** Most connections this process opens. Default 10. */
  poolSize?: number;
  /** How long to wait for a connection before the call fails as unavailable, in ms. Default 5000. */
  connectTimeoutMs?: number;
  /** Longest a query may take before it fails as unavailable, in ms. Default 30000. */
  queryTimeoutMs?: number;
}

// Network failures, SQLSTATE classes 08 (connection), 53 (insufficient resources), 57P0x (server
// shutting down or starting), 57014 (statement timeout), 3D000 (no such database), 28 (login refused).
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);
const SQLSTATE_UNAVAILABLE = /^(08|53|57P0|57014$|3D000$|28)/;
// pg reports a dropped connection or a pool wait timeout with no code, only these messages.
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|Query read timeout/i;

function unavailable(err: unknown): unknown {
  if (err instanceof ArticleIdTakenError || err instanceof LibraryFullError || err instanceof RangeError) return err;
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  if (NETWORK_CODES.has(code) || SQLSTATE_UNAVAILABLE.test(code) || PG_MESSAGES.test(message)) {
    return new LibraryUnavailableError(`The library database (PostgreSQL) is unavailable: ${code || message}`, { cause: err });
  }
  // AggregateError: every address of the host refused (e.g. localhost on ::1 and 127.0.0.1).
  if (err instanceof AggregateError && err.errors.some((x) => unavailable(x) instanceof LibraryUnavailableError)) {
    return new LibraryUnavailableError(`The library database (PostgreSQL) is unavailable: ${message}`, { cause: err });
  }
  return err;
}

const INSERT_ARTICLE = `INSERT INTO library_articles (${ARTICLE_COLUMNS.join(', ')})
  VALUES (${ARTICLE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT DO NOTHING RETURNING seq`;
const FIND_DUPLICATE = `SELECT * FROM library_articles WHERE guild_id = $1 AND (source_url = $2::text OR content_hash = $3)
  ORDER BY CASE WHEN source_url = $2::text THEN 0 ELSE 1 END, seq LIMIT 1`;

/** A `LibraryStore` in PostgreSQL. Connections open lazily, on the first call. */
export class PostgresLibraryStore implements LibraryStore {
  readonly kind = 'postgres';
  private readonly pool: pg.Pool;
  private readonly schema: string | undefined;

  constructor(options: PostgresStoreOptions) {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
      throw new RangeError(`schema must be lower-case letters, digits and _, got ${JSON.stringify(options.schema)}`);
    }
    this.schema = options.schema;
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // pg's default is to wait forever for a connection; a down database must fail the add instead.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      // A server that stops answering on an open connection (network cut without a reset) would
      // otherwise hold the add forever; keep-alive notices a dead peer, the timeout bounds a query.
      keepAlive: true,
      query_timeout: options.queryTimeoutMs ?? 30_000,
      options: options.schema ? `-c search_path=${options.schema}` : undefined,
    });
    // An idle connection that the server drops (restart, failover) emits 'error' on the pool; without
    // a listener that would crash the process. The next query simply opens a new connection.
    this.pool.on('error', () => undefined);
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw unavailable(err);
    }
  }

  /** Runs `fn` in one transaction on one connection. */
  private transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.run(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    });
  }

  migrate(): Promise<void> {
    return this.transaction(async (c) => {
      // One lock per schema: test runs in their own schemas do not wait for each other.
      await c.query('SELECT pg_advisory_xact_lock(7262013, hashtext($1))', [this.schema ?? 'public']);
      if (this.schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await c.query(MIGRATIONS_TABLE);
      const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await c.query(m.postgres);
        await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
      }
    });
  }

  add(article: NewLibraryArticle, limits: { maxArticles?: number } = {}): Promise<AddResult> {
    if (limits.maxArticles !== undefined) return this.addWithin(article, limits.maxArticles);
    return this.run(async () => {
      const a = stamped(article);
      checkArticle(a);
      // A conflicting row can be removed between the insert and the look-up; then insert again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const inserted = await this.pool.query(INSERT_ARTICLE, articleParams(a));
        if (inserted.rowCount === 1) return { added: true, article: a };
        const dup = await this.pool.query<ArticleRow>(FIND_DUPLICATE, [a.guildId, a.sourceUrl, a.contentHash]);
        if (dup.rows[0]) return { added: false, existing: toArticle(dup.rows[0]) };
        const taken = await this.pool.query('SELECT 1 FROM library_articles WHERE guild_id = $1 AND article_id = $2', [a.guildId, a.articleId]);
        if (taken.rowCount) throw new ArticleIdTakenError(a.guildId, a.articleId);
      }
      throw new LibraryUnavailableError('The library database (PostgreSQL) kept changing under a concurrent add; nothing was added.');
    });
  }

  /**
   * `add` under a limit on the server's article count: the count and the insert run in one
   * transaction holding a per-server advisory lock, which every limited add of that server takes,
   * so two concurrent adds at the limit are serialised and the second sees the first's row.
   */
  private addWithin(article: NewLibraryArticle, maxArticles: number): Promise<AddResult> {
    const a = stamped(article);
    checkArticle(a);
    return this.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock(7262014, hashtext($1))', [a.guildId]);
      const dup = await c.query<ArticleRow>(FIND_DUPLICATE, [a.guildId, a.sourceUrl, a.contentHash]);
      if (dup.rows[0]) return { added: false, existing: toArticle(dup.rows[0]) };
      const taken = await c.query('SELECT 1 FROM library_articles WHERE guild_id = $1 AND article_id = $2', [a.guildId, a.articleId]);
      if (taken.rowCount) throw new ArticleIdTakenError(a.guildId, a.articleId);
      const { n } = (await c.query<{ n: string }>('SELECT COUNT(*) AS n FROM library_articles WHERE guild_id = $1', [a.guildId])).rows[0]!;
      if (Number(n) >= maxArticles) throw new LibraryFullError(a.guildId, maxArticles);
      // An unlimited add (seeding, imports) does not take the lock; the unique constraints still hold.
      const inserted = await c.query(INSERT_ARTICLE, articleParams(a));
      if (inserted.rowCount === 1) return { added: true as const, article: a };
      const again = await c.query<ArticleRow>(FIND_DUPLICATE, [a.guildId, a.sourceUrl, a.contentHash]);
      if (again.rows[0]) return { added: false as const, existing: toArticle(again.rows[0]) };
      throw new ArticleIdTakenError(a.guildId, a.articleId);
    });
  }

  remove(guildId: string, articleId: string): Promise<boolean> {
    return this.run(async () => ((await this.pool.query('DELETE FROM library_articles WHERE guild_id = $1 AND article_id = $2', [guildId, articleId])).rowCount ?? 0) > 0);
  }

  list(guildId: string): Promise<StoredLibraryArticle[]> {
    return this.run(async () => (await this.pool.query<ArticleRow>('SELECT * FROM library_articles WHERE guild_id = $1 ORDER BY seq', [guildId])).rows.map(toArticle));
  }

  get(guildId: string, articleId: string): Promise<StoredLibraryArticle | undefined> {
    return this.run(async () => {
      const row = (await this.pool.query<ArticleRow>('SELECT * FROM library_articles WHERE guild_id = $1 AND article_id = $2', [guildId, articleId])).rows[0];
      return row && toArticle(row);
    });
  }

  settings(guildId: string): Promise<LibrarySettings> {
    return this.run(async () => toSettings(guildId, (await this.pool.query<SettingsRow>('SELECT * FROM library_settings WHERE guild_id = $1', [guildId])).rows[0]));
  }

  saveSettings(settings: LibrarySettings): Promise<void> {
    return this.run(async () => {
      checkSettings(settings);
      await this.pool.query(
        `INSERT INTO library_settings (guild_id, manager_role_id, max_articles, max_article_bytes, adds_per_hour, adds_per_user_per_hour)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (guild_id) DO UPDATE SET manager_role_id = excluded.manager_role_id, max_articles = excluded.max_articles,
           max_article_bytes = excluded.max_article_bytes, adds_per_hour = excluded.adds_per_hour,
           adds_per_user_per_hour = excluded.adds_per_user_per_hour`,
        settingsParams(settings),
      );
    });
  }

  recordAdd(guildId: string, userId: string, at: Date): Promise<void> {
    return this.run(async () => {
      await this.pool.query('INSERT INTO library_adds (guild_id, user_id, at_ms) VALUES ($1, $2, $3)', [guildId, userId, at.getTime()]);
    });
  }

  countAdds(guildId: string, userId: string | null, since: Date): Promise<number> {
    return this.run(async () => {
      const r =
        userId === null
          ? await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM library_adds WHERE guild_id = $1 AND at_ms >= $2', [guildId, since.getTime()])
          : await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM library_adds WHERE guild_id = $1 AND user_id = $2 AND at_ms >= $3', [guildId, userId, since.getTime()]);
      return Number(r.rows[0]!.n);
    });
  }

  tryRecordAdd(guildId: string, userId: string, at: Date, limits: AddLimits): Promise<'ok' | 'server' | 'user'> {
    return this.transaction(async (c) => {
      // A per-server advisory lock: attempts of one server are counted and recorded one at a time.
      await c.query('SELECT pg_advisory_xact_lock(7262015, hashtext($1))', [guildId]);
      const since = limits.since.getTime();
      const server = Number((await c.query<{ n: string }>('SELECT COUNT(*) AS n FROM library_adds WHERE guild_id = $1 AND at_ms >= $2', [guildId, since])).rows[0]!.n);
      if (server >= limits.perServer) return 'server';
      const user = Number(
        (await c.query<{ n: string }>('SELECT COUNT(*) AS n FROM library_adds WHERE guild_id = $1 AND user_id = $2 AND at_ms >= $3', [guildId, userId, since])).rows[0]!.n,
      );
      if (user >= limits.perUser) return 'user';
      await c.query('INSERT INTO library_adds (guild_id, user_id, at_ms) VALUES ($1, $2, $3)', [guildId, userId, at.getTime()]);
      return 'ok';
    });
  }

  articleIds(guildId: string): Promise<string[]> {
    return this.run(async () => (await this.pool.query<{ article_id: string }>('SELECT article_id FROM library_articles WHERE guild_id = $1 ORDER BY seq', [guildId])).rows.map((r) => r.article_id));
  }

  serverCacheGet(guildId: string): Promise<ServerCacheEntry | undefined> {
    return this.run(async () => {
      const row = (await this.pool.query<{ cache_key: string; value: Buffer }>('SELECT cache_key, value FROM library_server_cache WHERE guild_id = $1', [guildId])).rows[0];
      return row && { key: row.cache_key, value: row.value };
    });
  }

  serverCachePut(guildId: string, key: string, value: Uint8Array): Promise<void> {
    return this.run(async () => {
      await this.pool.query(
        'INSERT INTO library_server_cache (guild_id, cache_key, value) VALUES ($1, $2, $3) ON CONFLICT (guild_id) DO UPDATE SET cache_key = excluded.cache_key, value = excluded.value',
        [guildId, key, Buffer.from(value.buffer, value.byteOffset, value.byteLength)],
      );
    });
  }

  cacheGet(key: string): Promise<string | undefined> {
    return this.run(async () => (await this.pool.query<{ value: string }>('SELECT value FROM analysis_cache WHERE cache_key = $1', [key])).rows[0]?.value);
  }

  cachePut(key: string, value: string): Promise<void> {
    return this.run(async () => {
      await this.pool.query('INSERT INTO analysis_cache (cache_key, value) VALUES ($1, $2) ON CONFLICT (cache_key) DO UPDATE SET value = excluded.value', [key, value]);
    });
  }

  corrections(): CorrectionStore {
    return new SqlCorrectionStore((text, params) => this.run(async () => (await this.pool.query<Record<string, unknown>>(text, params)).rows), 'postgres');
  }

  /** Drops the schema given at construction with everything in it (test clean-up). */
  dropSchema(): Promise<void> {
    return this.run(async () => {
      if (this.schema) await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
    });
  }

  private quizStore: QuizStore | undefined;

  quiz(): QuizStore {
    return (this.quizStore ??= new PostgresQuizStore({
      query: (text, params) => this.run(() => this.pool.query(text, params)),
      transaction: (fn) => this.transaction(fn),
    }));
  }

  close(): Promise<void> {
    if (this.pool.ended || this.pool.ending) return Promise.resolve();
    return this.pool.end();
  }
}
