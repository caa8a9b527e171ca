/**
 * Where the knowledge-base builder keeps work worth not redoing: parsed articles, analyses and the
 * paragraph index, each under a key made from the content it was computed from and the analysis
 * version (`knowledge/analysisVersion.ts`) — never from where or how the code runs. A value can
 * therefore never be stale: a changed input is a different key.
 *
 * Implementations: the disk cache in `.cache/` (`knowledge/diskStore.ts`), and a per-server
 * library's database (`cacheGet`/`cachePut` of `storage/libraryStore.ts`). A store may forget any
 * entry at any time; the builder then recomputes it.
 */
export interface AnalysisStore {
  /** The value stored under `key`, or undefined. */
  get(key: string): Promise<string | undefined>;
  put(key: string, value: string): Promise<void>;
  /**
   * Binary values (the paragraph index, tens of megabytes at scale). Optional: a store without
   * them has the index rebuilt on every build, which is cheap for a small library.
   */
  getBytes?(key: string): Promise<Uint8Array | undefined>;
  putBytes?(key: string, bytes: Uint8Array): Promise<void>;
}
