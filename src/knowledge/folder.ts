/**
 * A knowledge folder as a source for the one builder, with the disk cache (`diskStore.ts`) as its
 * store: unchanged files are not re-parsed, unchanged bodies not re-analysed, an unchanged article
 * list not re-indexed. Unusable files are reported as problems (the other articles load).
 */
import { readKnowledgeFolder } from '../ingest/folder';
import { loadPartyOverrides } from '../parties/overrides';
import { loadPeopleOverrides } from './peopleOverrides';
import { cacheCodeVersion, cachePaths, DiskStore } from './diskStore';
import { buildKnowledgeBase, type KnowledgeBase } from './knowledgeBase';

export interface FolderLoadOptions {
  /** Where cache files live (default `$QUOTEBOOK_CACHE_DIR` or `.cache`). */
  cacheDir?: string;
  /** Neither read nor write the cache (`--no-cache`). */
  noCache?: boolean;
  /** Read the cache but don't write it back. */
  readOnly?: boolean;
  /** Progress lines for long builds (default: stderr when more than 200 articles need analysis). */
  progress?: (line: string) => void;
  /** Yield to the event loop at least this often during long work (background reloads). */
  yieldEveryMs?: number;
  /** The analysis version the keys include (default `ANALYSIS_VERSION`; tests vary it). */
  analysisVersion?: number;
}

export interface FolderLoadStats {
  files: number;
  articlesFromCache: number;
  articlesParsed: number;
  analysesFromCache: number;
  analysesRun: number;
  indexFromCache: boolean;
  ms: { read: number; parse: number; analyse: number; index: number; write: number; total: number };
}

export interface FolderLoad {
  kb: KnowledgeBase;
  stats: FolderLoadStats;
}

/** Loads the knowledge folder `dir` through the cache, and writes the cache back unless told not to. */
export async function loadKnowledgeFolder(dir: string, options: FolderLoadOptions = {}): Promise<FolderLoad> {
  const t0 = performance.now();
  const version = cacheCodeVersion(options.analysisVersion);
  let lastYield = t0;
  const pause =
    options.yieldEveryMs === undefined
      ? undefined
      : async () => {
          if (performance.now() - lastYield < options.yieldEveryMs!) return;
          await new Promise<void>((r) => setImmediate(r));
          lastYield = performance.now();
        };
  const [store, parties, people] = await Promise.all([
    options.noCache ? undefined : DiskStore.open(cachePaths(dir, options.cacheDir), version),
    loadPartyOverrides(dir),
    loadPeopleOverrides(dir),
  ]);
  const tRead = performance.now();
  const read = await readKnowledgeFolder(dir, { ...(store ? { store } : {}), version, ...(pause ? { pause } : {}) });
  const tParse = performance.now();
  const { kb, stats } = await buildKnowledgeBase(read.articles, [...read.problems, ...parties.problems, ...people.problems], {
    ...(store ? { store } : {}),
    partyOverrides: parties.overrides,
    bodyHashes: read.bodyHashes,
    peopleOverrides: people.overrides,
    ...(options.analysisVersion !== undefined ? { analysisVersion: options.analysisVersion } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
    ...(pause ? { pause } : {}),
  });
  const tBuilt = performance.now();
  if (store && !options.readOnly && store.dirty) {
    try {
      await store.flush();
    } catch (err) {
      (options.progress ?? ((l: string) => process.stderr.write(`${l}\n`)))(
        `knowledge cache not written: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  const tWrite = performance.now();
  return {
    kb,
    stats: {
      files: read.files,
      articlesFromCache: read.articlesFromCache,
      articlesParsed: read.articlesParsed,
      ...stats,
      ms: { read: tRead - t0, parse: tParse - tRead, ...stats.ms, write: tWrite - tBuilt, total: tWrite - t0 },
    },
  };
}
