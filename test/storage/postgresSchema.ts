/**
 * A library store on the PostgreSQL server named by `TEST_DATABASE_URL`, in a schema of its own
 * that `cleanup` drops, so test files and concurrent runs never see each other's rows. Suites use
 * it only when the variable is set; `postgres.test.ts` makes its absence fail on CI.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
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

/**
 * Without a server the PostgreSQL suite cannot run; in its place one test checks that this is not
 * CI, where `.ci/run` always starts PostgreSQL (a file with no suite at all would fail the run).
 */
export function skippedWithoutPostgres(what: string): void {
  describe(`${what} on PostgreSQL`, () => {
    it('runs only where TEST_DATABASE_URL names a server, which CI always sets', () => {
      expect(process.env.CI, 'CI must run this suite on a real PostgreSQL: .ci/run sets TEST_DATABASE_URL').toBeFalsy();
    });
  });
}
