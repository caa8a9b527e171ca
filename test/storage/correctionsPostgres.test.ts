/** The corrections storage contract on the PostgreSQL server named by `TEST_DATABASE_URL` (skipped without it). */
import { PostgresLibraryStore } from '../../src/storage/postgresStore';
import { openLibraryStore } from '../../src/storage/open';
import { describeCorrections } from './correctionStore.contract';
import { randomBytes } from 'node:crypto';

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
}
