/** The quiz store's contract on a real PostgreSQL (`TEST_DATABASE_URL`; CI sets it), in a schema of its own. */
import { postgresTestStore, skippedWithoutPostgres, TEST_DATABASE_URL } from './postgresSchema';
import { describeQuizStore } from './quizStore.contract';

const url = TEST_DATABASE_URL;
if (url) describeQuizStore('PostgreSQL', () => postgresTestStore(url, 'qb_quiz'));
else skippedWithoutPostgres('the quiz store');
