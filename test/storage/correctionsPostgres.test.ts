/** The corrections storage contract on the PostgreSQL server named by `TEST_DATABASE_URL` (skipped without it). */
import { PostgresLibraryStore } from '../../src/storage/postgresStore';
import { openLibraryStore } from '../../src/storage/open';
import { describeCorrections } from './correctionStore.contract';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';

const url = process.env.TEST_DATABASE_URL;

if (url) {
  describeCorrections('PostgreSQL', () => {
    const schema = `qb_corr_${process.pid}_${randomBytes(4).toString('hex')}`;
    return {
      open: () => openLibraryStore({ databaseUrl: url }, { schema }),
      cleanup: async () => {
        const s = new PostgresLibraryStore({ url, schema });
        await s.dropSchema();
        await s.close();
      },
    };
  });
} else {
  // Without a server the suite is skipped, visibly (a file with no suite would fail the run);
  // postgres.test.ts makes its absence fail on CI.
  describe.skip('the corrections store on PostgreSQL (set TEST_DATABASE_URL)', () => {
    it('runs against a real PostgreSQL server', () => undefined);
  });
}
