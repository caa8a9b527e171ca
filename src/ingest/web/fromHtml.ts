/** An extracted HTML page (fetched or uploaded) → stored document. */
import { extractArticle } from './extract';
import { toDocument } from './toDocument';
import { ImportError, type ImportedDocument } from '../importTypes';

/** A page that says it is not free and shows less text than this is treated as paywalled. */
const PAYWALL_CHARS = 1000;

/** An HTML page's article as a stored document (shared with uploaded `.html` files). */
export function documentFromHtml(html: string, pageUrl: string | null): ImportedDocument {
  const extracted = extractArticle(html);
  if (extracted.paragraphs.length === 0 && !/\S/.test(stripTags(html))) throw emptyPage();
  if (extracted.paywalled && extracted.paragraphs.reduce((n, p) => n + p.length, 0) < PAYWALL_CHARS) {
    throw new ImportError('empty', 'That article is behind a paywall: the page only shows its first lines to Quotebook.');
  }
  const host = pageUrl ? new URL(pageUrl).hostname.replace(/^www\./, '') : null;
  return toDocument(
    {
      title: extracted.title,
      site: extracted.site ?? host,
      author: extracted.author,
      published: extracted.published,
      url: canonical(extracted.canonicalUrl, pageUrl),
      paragraphs: extracted.paragraphs,
    },
    host ?? 'Untitled page',
  );
}

/**
 * The page's canonical link when it is an http(s) URL on the same site (www. aside), else the
 * fetched URL: a page must not claim another site's address, which would make a later add of the
 * real one look like a duplicate.
 */
function canonical(link: string | null, pageUrl: string | null): string | null {
  if (link && pageUrl) {
    try {
      const u = new URL(link, pageUrl);
      const site = (h: string): string => h.replace(/^www\./, '');
      if ((u.protocol === 'http:' || u.protocol === 'https:') && site(u.hostname) === site(new URL(pageUrl).hostname)) {
        u.hash = '';
        return u.href;
      }
    } catch {
      // fall through to the fetched URL
    }
  }
  return pageUrl;
}

function stripTags(html: string): string {
  return html.replace(/<(script|style|noscript|template)[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ');
}

export function emptyPage(): ImportError {
  return new ImportError('empty', 'The page came back empty: it may be behind a paywall or need JavaScript to show its text.');
}
