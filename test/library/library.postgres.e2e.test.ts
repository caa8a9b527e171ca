/**
 * The per-server library end to end through the fake Discord on PostgreSQL (`TEST_DATABASE_URL`;
 * CI starts a server with `.ci/postgres.sh`), in a schema of its own dropped at the end. Without the
 * variable the suite is skipped locally (`test/storage/postgres.test.ts` fails CI without it).
 */
import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { PostgresLibraryStore } from '../../src/storage/postgresStore';
import { openLibraryStore } from '../../src/storage/open';
import { describeLibraryE2e } from './libraryE2e';

const url = process.env.TEST_DATABASE_URL;

if (url) {
  const schema = `qb_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  describeLibraryE2e('PostgreSQL', {
    open: () => openLibraryStore({ databaseUrl: url }, { schema }),
    cleanup: async () => {
      const s = new PostgresLibraryStore({ url, schema });
      await s.dropSchema();
      await s.close();
    },
  });
} else {
  describe.skip('per-server libraries through the fake Discord (PostgreSQL: set TEST_DATABASE_URL)', () => {
    it('needs TEST_DATABASE_URL', () => undefined);
  });
}
