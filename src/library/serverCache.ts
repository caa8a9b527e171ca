/**
 * A server's built library kept in the store (`library_server_cache`, one row per server), so a
 * cold server's first query reads one value instead of parsing every document, reading every
 * analysis and indexing again (issue #13: first query of a cold server p99 ≤ 100 ms).
 *
 * The value holds the parsed articles (compact JSON, `ingest/articleJson.ts`), their analyses as
 * stored in the analysis cache, and the paragraph index bytes (`search/indexFile.ts`). Its key is a
 * hash of the analysis version and every stored field `articleFromRow` reads, in library order, so
 * any add or remove (by this process or a replica) or a new engine version changes the key and the
 * value is rebuilt and replaced. A value that cannot be read is a miss: the server is built from its
 * documents as before.
 */
import { createHash } from 'node:crypto';
import type { AnalysisStore } from '../core/analysisStore';
import type { Article } from '../core/article';
import { articleFrom, serialArticle, type SerialArticle } from '../ingest/articleJson';
import { cacheCodeVersion } from '../knowledge/diskStore';
import type { NewLibraryArticle } from '../storage/libraryStore';

/** The stored fields an `Article` is made from (`articleFromRow`). */
export type ArticleRowFields = Pick<NewLibraryArticle, 'articleId' | 'document' | 'title' | 'site' | 'author' | 'published' | 'sourceUrl' | 'sourceFile'>;

/** The hash of one row's fields: a server's cache key is made of these, in library order. */
export function rowKey(row: ArticleRowFields): string {
  const h = createHash('sha256');
  for (const v of [row.articleId, row.title, row.site, row.author, row.published, row.sourceUrl, row.sourceFile, row.document]) {
    // Length-prefixed, so no two different rows hash the same fields the same way.
    const s = v ?? '\u0000null';
    h.update(`${s.length}:`).update(s);
  }
  return h.digest('hex').slice(0, 32);
}

/** The cache key of a server whose rows have these `rowKey`s, at this analysis version. */
export function serverCacheKey(rowKeys: readonly string[], analysisVersion?: number): string {
  return createHash('sha256').update(JSON.stringify([cacheCodeVersion(analysisVersion), rowKeys])).digest('hex').slice(0, 40);
}

/** What a server's cached value holds. */
export interface ServerCacheValue {
  articles: Article[];
  /** Analysis cache key → the analysis JSON, for exactly these articles. */
  analyses: Map<string, string>;
  /** The paragraph index bytes (`encodeIndexSnapshot`) for exactly these articles. */
  index: Uint8Array;
}

interface Header {
  articles: SerialArticle[];
  analyses: Array<[string, string]>;
}

/** The value as bytes: a 4-byte little-endian header length, a JSON header, then the index bytes. */
export function encodeServerCache(v: ServerCacheValue): Uint8Array {
  const header = Buffer.from(JSON.stringify({ articles: v.articles.map(serialArticle), analyses: [...v.analyses] } satisfies Header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length, 0);
  return Buffer.concat([len, header, v.index]);
}

/** The value in `bytes`, or null when they are not one (truncated, corrupt, another format). */
export function decodeServerCache(bytes: Uint8Array): ServerCacheValue | null {
  try {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const hlen = buf.readUInt32LE(0);
    if (4 + hlen > buf.length) return null;
    const header = JSON.parse(buf.toString('utf8', 4, 4 + hlen)) as Header;
    if (!Array.isArray(header.articles) || !Array.isArray(header.analyses)) return null;
    return { articles: header.articles.map(articleFrom), analyses: new Map(header.analyses), index: buf.subarray(4 + hlen) };
  } catch {
    return null;
  }
}

/**
 * The builder's store for one server build: analyses and the index come from the cached value
 * when there is one (else from the library's analysis cache), and whatever the build reads or
 * computes is collected in `parts`, ready to be stored as the server's next value.
 */
export function serverBuildStore(analyses: AnalysisStore, cached: ServerCacheValue | null): { store: AnalysisStore; parts: { analyses: Map<string, string>; index?: Uint8Array } } {
  const parts: { analyses: Map<string, string>; index?: Uint8Array } = { analyses: new Map() };
  const store: AnalysisStore = {
    async get(key) {
      const value = cached?.analyses.get(key) ?? (await analyses.get(key));
      if (value !== undefined) parts.analyses.set(key, value);
      return value;
    },
    async put(key, value) {
      parts.analyses.set(key, value);
      await analyses.put(key, value);
    },
    getBytes: async () => {
      if (cached) parts.index = cached.index;
      return cached?.index;
    },
    putBytes: async (_key, bytes) => {
      parts.index = bytes;
    },
  };
  return { store, parts };
}
