/** The corrections storage contract on SQLite: a fresh file in a temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibraryStore } from '../../src/storage/open';
import { describeCorrections } from './correctionStore.contract';

describeCorrections('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quotebook-corrections-'));
  return {
    open: () => openLibraryStore({ databaseUrl: `sqlite:${join(dir, 'library.sqlite')}` }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
