/**
 * The per-server library end to end through the fake Discord on PostgreSQL (`TEST_DATABASE_URL`;
 * CI starts a server with `.ci/postgres.sh`), in a schema of its own dropped at the end. Without the
 * variable the suite is skipped locally (`test/storage/postgres.test.ts` fails CI without it).
 */
import { describeLibraryE2e } from './libraryE2e';
import { postgresTestStore, skippedWithoutPostgres, TEST_DATABASE_URL } from '../storage/postgresSchema';

const url = TEST_DATABASE_URL;
if (url) describeLibraryE2e('PostgreSQL', postgresTestStore(url, 'qb_e2e'));
else skippedWithoutPostgres('per-server libraries through the fake Discord');
