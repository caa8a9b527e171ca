/** The quiz store's contract on a real PostgreSQL (`TEST_DATABASE_URL`; CI sets it), in a schema of its own. */
import { randomBytes } from 'node:crypto';
import { PostgresLibraryStore } from '../../src/storage/postgresStore';
import { openLibraryStore } from '../../src/storage/open';
import { describeQuizStore } from './quizStore.contract';

const url = process.env.TEST_DATABASE_URL;

// Not imported from postgres.test.ts: importing a test file would run its suite here too.
const testSchema = () => `qb_quiz_${process.pid}_${randomBytes(4).toString('hex')}`;

if (url) {
  describeQuizStore('PostgreSQL', () => {
    const schema = testSchema();
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
