/** The quiz store's contract on SQLite: a fresh file in a temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibraryStore } from '../../src/storage/open';
import { describeQuizStore } from './quizStore.contract';

describeQuizStore('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quotebook-quiz-store-'));
  return {
    open: () => openLibraryStore({ databaseUrl: `sqlite:${join(dir, 'library.sqlite')}` }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
