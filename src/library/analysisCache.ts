/**
 * Analyses of library articles, cached in the store (shared by every process and kept across
 * restarts), so an article is analysed once: when it is added. The key is what the analysis
 * depends on: the body, the byline and the dateline, and `ANALYSIS_VERSION`.
 */
import type { Article } from '../core/article';
import type { Speaker, Statement } from '../analysis/types';
import { ANALYSIS_VERSION } from '../knowledge/analysisVersion';
import { analyseArticle, type ArticleAnalysis } from '../knowledge/knowledgeBase';
import type { LibraryStore } from '../storage/libraryStore';
import { sha256 } from './document';

/** The cache key of an article's analysis. */
export function analysisKey(article: Article): string {
  return `a${ANALYSIS_VERSION}:${sha256(`${article.body}\u0000${article.author ?? ''}\u0000${article.dateline ?? ''}`)}`;
}

/** The cached analysis, or a fresh one (then stored). A cache that cannot be read or written only costs time. */
export async function analysisOf(store: LibraryStore, article: Article, onError?: (err: unknown) => void): Promise<ArticleAnalysis> {
  const key = analysisKey(article);
  try {
    const cached = await store.cacheGet(key);
    if (cached) {
      const { statements, speakers } = JSON.parse(cached) as { statements: Statement[]; speakers: Speaker[] };
      return { article, statements, speakers, speakerById: new Map(speakers.map((s) => [s.id, s])) };
    }
  } catch (err) {
    onError?.(err);
  }
  const fresh = analyseArticle(article);
  try {
    await store.cachePut(key, JSON.stringify({ statements: fresh.statements, speakers: fresh.speakers }));
  } catch (err) {
    onError?.(err);
  }
  return fresh;
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
