/** The corrections storage contract on the PostgreSQL server named by `TEST_DATABASE_URL` (skipped without it). */
import { describeCorrections } from './correctionStore.contract';
import { postgresTestStore, skippedWithoutPostgres, TEST_DATABASE_URL } from './postgresSchema';

const url = TEST_DATABASE_URL;
if (url) describeCorrections('PostgreSQL', () => postgresTestStore(url, 'qb_corr'));
else skippedWithoutPostgres('the corrections store');
