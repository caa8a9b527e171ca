/**
 * Servers' own knowledge bases, loaded from the store on a server's first query and evicted
 * least-recently-used when their estimated size passes the memory budget. Each server base holds
 * only that server's articles (its own small index); the shared folder's base is held once, by the
 * caller, and searched beside it. Changing one server's library rebuilds only that server's base.
 */
import type { AnalysisStore } from '../core/analysisStore';
import type { Article } from '../core/article';
import { buildKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledgeBase';
import { encodeServerCache, serverBuildStore, type ServerCacheValue } from './serverCache';

/** One loaded server: its base (null when its library is empty), its articles, and its estimated size. */
export interface ServerBase {
  kb: KnowledgeBase | null;
  articles: Article[];
  /** `rowKey` of each article's stored row, in library order (the server cache's key is made of them). */
  rowKeys: string[];
  /** The article id of each stored row, in library order (what a replica compares with the store). */
  rowIds: string[];
  bytes: number;
  /** When the store last confirmed that this is the server's library (`Date.now()`), for replicas. */
  checkedAt: number;
}

/**
 * Estimated memory of a base built from these articles: text, the index (heap and typed arrays),
 * sentence bounds, analyses, people, and the parts built on first use (parties, /position's stance
 * index, autocomplete lists). `npm run bench:library` measured, for servers of 20 PolNeAR articles
 * (~93k characters) held after a full collection: 1.65 MB of V8 heap per server as loaded, 1.77 MB
 * with every derived part built, and 1.95–2.3 MB of RSS (the more servers come and go, the more
 * partly used heap pages), i.e. 21–25 bytes per character. 28 is used, so the budget
 * (`LIBRARY_MEMORY_MB`) is what the held libraries take in RSS, with a margin; it used to be 60,
 * three times that once the parties were no longer found on load.
 */
export function estimateBytes(articles: readonly Article[]): number {
  let chars = 0;
  for (const a of articles) chars += a.body.length;
  return 64 * 1024 + chars * 28;
}

/** A built server base, and its value for the server cache when anything had to be computed (else null). */
export interface BuiltServerBase {
  base: ServerBase;
  cacheValue: Uint8Array | null;
}

/**
 * Builds a server base from its articles (in library order) through the one builder. Analyses and
 * the index come from `cached` (the server's cached value for exactly these articles) when given,
 * else from the analysis store or the engine.
 */
export async function buildServerBase(
  articles: Article[],
  rowKeys: string[],
  rowIds: string[],
  analyses: AnalysisStore,
  cached: ServerCacheValue | null = null,
): Promise<BuiltServerBase> {
  const base: ServerBase = { kb: null, articles, rowKeys, rowIds, bytes: estimateBytes(articles), checkedAt: Date.now() };
  if (!articles.length) return { base, cacheValue: null };
  const { store, parts } = serverBuildStore(analyses, cached);
  const built = await buildKnowledgeBase(articles, [], { store, eagerChoices: false });
  base.kb = built.kb;
  const fromCache = cached !== null && built.stats.analysesRun === 0 && built.stats.indexFromCache;
  return { base, cacheValue: fromCache || !parts.index ? null : encodeServerCache({ articles, analyses: parts.analyses, index: parts.index }) };
}

/** Least-recently-used servers' bases under a byte budget. */
export class ServerBaseCache {
  private readonly entries = new Map<string, ServerBase>();
  private total = 0;

  constructor(private readonly budgetBytes: number) {}

  /** The base, marked as most recently used. */
  get(guildId: string): ServerBase | undefined {
    const entry = this.entries.get(guildId);
    if (entry) {
      this.entries.delete(guildId);
      this.entries.set(guildId, entry);
    }
    return entry;
  }

  /** Whether a server is loaded, without touching its recency. */
  has(guildId: string): boolean {
    return this.entries.has(guildId);
  }

  /** Puts (or replaces) a base and evicts the least recently used others until under budget. */
  set(guildId: string, base: ServerBase): void {
    this.delete(guildId);
    this.entries.set(guildId, base);
    this.total += base.bytes;
    for (const [id, other] of this.entries) {
      if (this.total <= this.budgetBytes || id === guildId) break;
      this.entries.delete(id);
      this.total -= other.bytes;
    }
  }

  delete(guildId: string): void {
    const had = this.entries.get(guildId);
    if (!had) return;
    this.entries.delete(guildId);
    this.total -= had.bytes;
  }

  /** Loaded servers and their estimated bytes in all. */
  stats(): { servers: number; bytes: number } {
    return { servers: this.entries.size, bytes: this.total };
  }
}
