/**
 * Per-server library fixtures: a real store in a SQLite file of its own, and the real
 * `LibraryService` over it with no network (uploaded files are imported for real; adding by URL
 * fails as a network error would).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFromFile } from '../../src/ingest/web/index';
import { ImportError } from '../../src/ingest/importTypes';
import { CorrectionService } from '../../src/library/corrections';
import { LibraryService, type LibraryServiceDeps } from '../../src/library/service';
import type { Logger } from '../../src/log';
import type { LibraryStore } from '../../src/storage/libraryStore';
import { openLibraryStore } from '../../src/storage/open';

/** A store opened on `file` in a new temporary folder; `close` closes it and removes the folder. */
export interface TempSqliteStore {
  dir: string;
  store: LibraryStore;
  close(): Promise<void>;
}

/**
 * The SQLite counterpart of `postgresTestStore` (test/storage/postgresSchema.ts): `open` opens the
 * file `file` (a relative path, folders made on open) in one fresh temporary folder, as often as a
 * test restarts; `cleanup` removes the folder. The store contracts and replicas run on it.
 */
export function sqliteTestStore(prefix: string, file = 'library.sqlite'): { open(): Promise<LibraryStore>; cleanup(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), `quotebook-${prefix}-`));
  return {
    open: () => openLibraryStore({ databaseUrl: `sqlite:${join(dir, file)}` }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Opens a SQLite library store in a fresh temporary folder named after `prefix`. */
export async function tempSqliteStore(prefix: string, file = 'library.sqlite'): Promise<TempSqliteStore> {
  const dir = mkdtempSync(join(tmpdir(), `quotebook-${prefix}-`));
  const store = await openLibraryStore({ databaseUrl: `sqlite:${join(dir, file)}` });
  return {
    dir,
    store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Budget for loaded server bases in the tests: far above what their few articles take. */
export const TEST_LIBRARY_MEMORY_BYTES = 64 * 1024 * 1024;

/**
 * The real library service on `store` with no network: files go through the real importer, a URL
 * is refused with `ImportError('network')`. `over` replaces any dependency (a clock, `refreshMs`, a logger).
 */
export function offlineLibraryService(store: LibraryStore, shared: LibraryServiceDeps['shared'], over: Partial<LibraryServiceDeps> = {}): LibraryService {
  return new LibraryService({
    store,
    shared,
    importFromUrl: async () => {
      throw new ImportError('network', 'no network in this test');
    },
    importFromFile,
    memoryBudgetBytes: TEST_LIBRARY_MEMORY_BYTES,
    ...over,
  });
}

/** The corrections service of one process: `store`'s corrections and settings over `library`'s bases. */
export function correctionServiceFor(store: LibraryStore, library: LibraryService, logger?: Logger): CorrectionService {
  return new CorrectionService({
    store: store.corrections(),
    settings: (g) => store.settings(g),
    segments: (g) => library.segments(g),
    loadedSegments: (g) => library.loadedSegments(g),
    ...(logger ? { logger } : {}),
  });
}
