/** The quiz store's contract on SQLite: a fresh file in a temporary folder. */
import { sqliteTestStore } from '../support/library';
import { describeQuizStore } from './quizStore.contract';

describeQuizStore('SQLite', () => sqliteTestStore('quiz-store'));
