/** The per-server library end to end through the fake Discord on the default store, a SQLite file (see `libraryE2e.ts`). */
import { join } from 'node:path';
import { openLibraryStore } from '../../src/storage/open';
import { describeLibraryE2e } from './libraryE2e';

describeLibraryE2e('SQLite', {
  open: (dir) => openLibraryStore({ databaseUrl: `sqlite:${join(dir, 'library.sqlite')}` }),
  cleanup: async () => undefined,
});
