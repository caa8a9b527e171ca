/**
 * Table rows ↔ the interface's objects, shared by both stores so they cannot drift apart.
 */
import { DEFAULT_LIBRARY_LIMITS, type LibrarySettings, type NewLibraryArticle, type StoredLibraryArticle } from './libraryStore';

/** Column order of an article insert; `articleParams` gives the values in the same order. */
export const ARTICLE_COLUMNS = [
  'guild_id',
  'article_id',
  'source_url',
  'source_file',
  'content_hash',
  'document',
  'title',
  'site',
  'author',
  'published',
  'added_by',
  'added_at',
  'paragraphs',
  'quotes',
] as const;

export interface ArticleRow {
  guild_id: string;
  article_id: string;
  source_url: string | null;
  source_file: string | null;
  content_hash: string;
  document: string;
  title: string;
  site: string | null;
  author: string | null;
  published: string | null;
  added_by: string;
  added_at: string;
  paragraphs: number;
  quotes: number;
}

/** The stored form of a new article: `addedAt` filled in. */
export function stamped(a: NewLibraryArticle, now: Date = new Date()): StoredLibraryArticle {
  return { ...a, addedAt: a.addedAt ?? now.toISOString() };
}

/**
 * What both databases can store identically: PostgreSQL's TEXT cannot hold U+0000, so neither
 * store accepts it (the cleaned text never needs it), and counts are whole numbers.
 */
export function checkArticle(a: StoredLibraryArticle): void {
  for (const [name, v] of Object.entries(a)) {
    if (typeof v === 'string' && v.includes('\u0000')) throw new RangeError(`${name} contains a NUL character`);
  }
  for (const [name, v] of Object.entries({ paragraphs: a.paragraphs, quotes: a.quotes })) {
    if (!Number.isSafeInteger(v) || v < 0 || v > 2_147_483_647) throw new RangeError(`${name} must be a whole number from 0 to 2147483647, got ${v}`);
  }
}

export function articleParams(a: StoredLibraryArticle): (string | number | null)[] {
  return [
    a.guildId,
    a.articleId,
    a.sourceUrl,
    a.sourceFile,
    a.contentHash,
    a.document,
    a.title,
    a.site,
    a.author,
    a.published,
    a.addedBy,
    a.addedAt,
    a.paragraphs,
    a.quotes,
  ];
}

export function toArticle(r: ArticleRow): StoredLibraryArticle {
  return {
    guildId: r.guild_id,
    articleId: r.article_id,
    sourceUrl: r.source_url,
    sourceFile: r.source_file,
    contentHash: r.content_hash,
    document: r.document,
    title: r.title,
    site: r.site,
    author: r.author,
    published: r.published,
    addedBy: r.added_by,
    addedAt: r.added_at,
    paragraphs: Number(r.paragraphs),
    quotes: Number(r.quotes),
  };
}

export interface SettingsRow {
  guild_id: string;
  manager_role_id: string | null;
  max_articles: number;
  max_article_bytes: number;
  adds_per_hour: number;
  adds_per_user_per_hour: number;
}

export function toSettings(guildId: string, r: SettingsRow | undefined): LibrarySettings {
  if (!r) return { guildId, managerRoleId: null, ...DEFAULT_LIBRARY_LIMITS };
  return {
    guildId,
    managerRoleId: r.manager_role_id,
    maxArticles: Number(r.max_articles),
    maxArticleBytes: Number(r.max_article_bytes),
    addsPerHour: Number(r.adds_per_hour),
    addsPerUserPerHour: Number(r.adds_per_user_per_hour),
  };
}

export function settingsParams(s: LibrarySettings): (string | number | null)[] {
  return [s.guildId, s.managerRoleId, s.maxArticles, s.maxArticleBytes, s.addsPerHour, s.addsPerUserPerHour];
}

/** Limits are counts and byte sizes: whole, non-negative, and within a 32-bit INTEGER column. */
export function checkSettings(s: LibrarySettings): void {
  for (const [name, v] of Object.entries({
    maxArticles: s.maxArticles,
    maxArticleBytes: s.maxArticleBytes,
    addsPerHour: s.addsPerHour,
    addsPerUserPerHour: s.addsPerUserPerHour,
  })) {
    if (!Number.isSafeInteger(v) || v < 0 || v > 2_147_483_647) throw new RangeError(`${name} must be a whole number from 0 to 2147483647, got ${v}`);
  }
}
