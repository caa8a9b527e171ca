/**
 * Library articles' analyses live in the library store (`cacheGet`/`cachePut`), shared by every
 * process and kept across restarts, so an article is analysed once: when it is added. The keys
 * are the builder's own (content + `ANALYSIS_VERSION`, `knowledge/stored.ts`); this module only
 * adapts the store to the builder's `AnalysisStore` and sums up an analysis for the add card.
 */
import type { AnalysisStore } from '../core/analysisStore';
import type { ArticleAnalysis } from '../knowledge/knowledgeBase';
import type { LibraryStore } from '../storage/libraryStore';

/**
 * The library store as the builder's analysis store. A cache that cannot be read or written only
 * costs time (the builder analyses again), so failures are reported and swallowed here.
 */
export function libraryAnalysisStore(store: LibraryStore, onError?: (err: unknown) => void): AnalysisStore {
  return {
    async get(key) {
      try {
        return await store.cacheGet(key);
      } catch (err) {
        onError?.(err);
        return undefined;
      }
    },
    async put(key, value) {
      try {
        await store.cachePut(key, value);
      } catch (err) {
        onError?.(err);
      }
    },
  };
}

/** How many statements name a source, and the most quoted speakers (most first). */
export function quoteSummary(analysis: ArticleAnalysis, top = 5): { quotes: number; topSpeakers: string[] } {
  const counts = new Map<string, number>();
  let quotes = 0;
  for (const s of analysis.statements) {
    if (!s.source && !s.speakerId) continue;
    quotes++;
    if (s.speakerId) counts.set(s.speakerId, (counts.get(s.speakerId) ?? 0) + 1);
  }
  const topSpeakers = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([id]) => analysis.speakerById.get(id)?.name)
    .filter((n): n is string => Boolean(n));
  return { quotes, topSpeakers };
}
