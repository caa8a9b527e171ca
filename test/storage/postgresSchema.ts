/**
 * A library store on the PostgreSQL server named by `TEST_DATABASE_URL`, in a schema of its own
 * that `cleanup` drops, so test files and concurrent runs never see each other's rows. Suites use
 * it only when the variable is set; `postgres.test.ts` makes its absence fail on CI.
 */
import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { openLibraryStore } from '../../src/storage/open';
import { PostgresLibraryStore } from '../../src/storage/postgresStore';

/** The server the PostgreSQL suites run against; undefined locally without one. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** A fresh schema name: the prefix says which suite made it, pid and random bytes keep runs apart. */
export function testSchema(prefix = 'qb_test'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Opens stores in one fresh schema (`open` may be called again, as after a restart) and drops it. */
export function postgresTestStore(url: string, prefix: string) {
  const schema = testSchema(prefix);
  return {
    open: () => openLibraryStore({ databaseUrl: url }, { schema }),
    cleanup: async () => {
      const s = new PostgresLibraryStore({ url, schema });
      await s.dropSchema();
      await s.close();
    },
  };
}

/** A visibly skipped suite for a machine without PostgreSQL (a file with no suite fails the run). */
export function skippedWithoutPostgres(what: string): void {
  describe.skip(`${what} on PostgreSQL (set TEST_DATABASE_URL)`, () => {
    it('runs against a real PostgreSQL server', () => undefined);
  });
}
