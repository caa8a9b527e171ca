/**
 * `openLibraryStore(config)`: the one place that turns `DATABASE_URL` into a store. Each driver is
 * imported only when chosen, so a bot on the SQLite default never loads `pg` and the other way round.
 */
import type { BaseConfig } from '../config';
import type { LibraryStore } from './libraryStore';

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/**
 * `sqlite:<path>` (relative to the working directory; `sqlite:///abs/path` and `sqlite::memory:`
 * work too) or `postgres://…` / `postgresql://…`. Throws `RangeError` for anything else.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  const m = /^sqlite:(?:\/\/)?(.+)$/.exec(url);
  if (m) return { kind: 'sqlite', path: m[1]! };
  throw new RangeError('DATABASE_URL must be sqlite:<path> or postgres://user:password@host:port/database');
}

export interface OpenOptions {
  /** PostgreSQL schema to use instead of `public` (created by `migrate`); tests give each run its own. */
  schema?: string;
  /** SQLite busy timeout in ms (default 5000). */
  busyTimeoutMs?: number;
}

/**
 * Opens the store `config.databaseUrl` names and applies pending migrations, so the caller gets a
 * ready store. Rejects with `LibraryUnavailableError` when the database cannot be reached.
 */
export async function openLibraryStore(config: Pick<BaseConfig, 'databaseUrl'>, options: OpenOptions = {}): Promise<LibraryStore> {
  const target = parseDatabaseUrl(config.databaseUrl);
  let store: LibraryStore;
  if (target.kind === 'sqlite') {
    const { SqliteLibraryStore } = await import('./sqliteStore');
    store = new SqliteLibraryStore({ path: target.path, busyTimeoutMs: options.busyTimeoutMs });
  } else {
    const { PostgresLibraryStore } = await import('./postgresStore');
    store = new PostgresLibraryStore({ url: target.url, schema: options.schema });
  }
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
