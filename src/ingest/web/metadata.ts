/**
 * Article metadata from the page itself: JSON-LD (`NewsArticle` and kin, inside `@graph` or arrays),
 * Open Graph and `article:*` meta tags, `name="author"`, date meta tags and the canonical link.
 * The first source that names a field wins, in that order: JSON-LD is what publishers maintain for
 * search engines and is the most often right.
 */
import { all, cleanText, type Doc } from './dom';

export interface PageMetadata {
  title: string | null;
  author: string | null;
  /** YYYY-MM-DD, or null. */
  published: string | null;
  site: string | null;
  canonicalUrl: string | null;
  /** JSON-LD `articleBody` when the page carries one (line breaks kept). */
  articleBody: string | null;
  /** The page says its article is not free to read (JSON-LD `isAccessibleForFree: false`). */
  paywalled: boolean;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|SocialMediaPosting|LiveBlogPosting|ScholarlyArticle|TechArticle|Report)$/;

type Json = Record<string, unknown>;

/** Reads what the page says about itself. */
export function readMetadata(doc: Doc): PageMetadata {
  const ld = jsonLdArticle(doc);
  const meta = (key: string): string | null => {
    for (const el of all(doc, `meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`)) {
      const v = cleanText(el.getAttribute('content'));
      if (v) return v;
    }
    return null;
  };
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('og:url');
  return {
    title: str(ld?.headline) ?? str(ld?.name) ?? meta('og:title') ?? meta('twitter:title') ?? (cleanText(doc.querySelector('title')?.textContent) || null),
    author: personName(ld?.author) ?? humanAuthor(meta('author')) ?? humanAuthor(meta('article:author')) ?? humanAuthor(meta('parsely-author')) ?? humanAuthor(meta('dc.creator')),
    published:
      isoDate(str(ld?.datePublished)) ??
      isoDate(meta('article:published_time')) ??
      isoDate(meta('datePublished')) ??
      isoDate(meta('parsely-pub-date')) ??
      isoDate(meta('pubdate')) ??
      isoDate(meta('date')) ??
      isoDate(meta('dc.date.issued')) ??
      isoDate(doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null),
    site: orgName(ld?.publisher) ?? meta('og:site_name') ?? meta('application-name'),
    canonicalUrl: canonical ? cleanText(canonical) : null,
    articleBody: typeof ld?.articleBody === 'string' ? decodeEntities(ld.articleBody).trim() || null : null,
    paywalled: ld?.isAccessibleForFree === false || String(ld?.isAccessibleForFree).toLowerCase() === 'false',
  };
}

function jsonLdArticle(doc: Doc): Json | null {
  for (const script of all(doc, 'script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = findArticle(data, 0);
    if (found) return found;
  }
  return null;
}

function findArticle(data: unknown, depth: number): Json | null {
  if (depth > 4 || data === null || typeof data !== 'object') return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const f = findArticle(item, depth + 1);
      if (f) return f;
    }
    return null;
  }
  const obj = data as Json;
  const types = Array.isArray(obj['@type']) ? obj['@type'] : [obj['@type']];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return obj;
  if (obj['@graph']) return findArticle(obj['@graph'], depth + 1);
  if (obj.mainEntity) return findArticle(obj.mainEntity, depth + 1);
  return null;
}

function str(v: unknown): string | null {
  if (Array.isArray(v)) return str(v[0]);
  if (typeof v !== 'string') return null;
  return cleanText(decodeEntities(v)) || null;
}

/** Author names from JSON-LD: a string, a Person, or a list of them, joined with "and". */
function personName(v: unknown): string | null {
  const list = Array.isArray(v) ? v : [v];
  const names: string[] = [];
  for (const item of list) {
    const n = typeof item === 'string' ? humanAuthor(item) : item && typeof item === 'object' ? humanAuthor(str((item as Json).name)) : null;
    if (n && !names.includes(n)) names.push(n);
  }
  if (names.length === 0) return null;
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function orgName(v: unknown): string | null {
  if (Array.isArray(v)) return orgName(v[0]);
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object') return str((v as Json).name);
  return null;
}

/** A byline that names someone: not a URL, not an e-mail-only string, not absurdly long. */
function humanAuthor(v: string | null): string | null {
  if (!v) return null;
  const t = cleanText(v).replace(/^by\s+/i, '');
  if (!t || t.length > 120 || /^https?:\/\//i.test(t) || /^[^\s@]+@[^\s@]+$/.test(t) || !/\p{L}/u.test(t)) return null;
  return t;
}

/** The calendar date of an ISO-like timestamp, or null when the text is not a plausible date. */
export function isoDate(v: string | null): string | null {
  if (!v) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v.trim());
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? `${m[1]}-${m[2]}-${m[3]}` : null;
  }
  const t = Date.parse(v);
  if (!Number.isFinite(t)) return null;
  const date = new Date(t).toISOString().slice(0, 10);
  const y = Number(date.slice(0, 4));
  return y >= 1900 && y <= 2100 ? date : null;
}

function decodeEntities(s: string): string {
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (_, dec, hex, name: string | undefined) => {
    const cp = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
    if (cp >= 0) return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[name!.toLowerCase() as 'amp'] ?? '';
  });
}
