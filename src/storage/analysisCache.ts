/**
 * The library store's analysis cache as the builder's `AnalysisStore` (core/analysisStore.ts), so
 * an article analysed once by any process is not analysed again by a restart or another replica.
 */
import type { AnalysisStore } from '../core/analysisStore';
import { LibraryUnavailableError, type LibraryStore } from './libraryStore';

/**
 * A cache may forget entries, so a database that is unavailable reads as a miss and a write to it
 * is dropped: building a server's knowledge base from articles already loaded goes on (slower)
 * instead of failing. Other errors (a bug) still surface.
 */
export function analysisStoreOf(store: Pick<LibraryStore, 'cacheGet' | 'cachePut'>): AnalysisStore {
  return {
    get: (key) =>
      store.cacheGet(key).catch((err: unknown) => {
        if (err instanceof LibraryUnavailableError) return undefined;
        throw err;
      }),
    put: (key, value) =>
      store.cachePut(key, value).catch((err: unknown) => {
        if (!(err instanceof LibraryUnavailableError)) throw err;
      }),
  };
}
