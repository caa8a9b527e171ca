/** The storage contract on SQLite: a fresh file in a temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibraryStore } from '../../src/storage/open';
import { describeStore } from './libraryStore.contract';

describeStore('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quotebook-store-'));
  return {
    // A nested folder: opening must create it.
    open: () => openLibraryStore({ databaseUrl: `sqlite:${join(dir, 'nested', 'library.sqlite')}` }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
