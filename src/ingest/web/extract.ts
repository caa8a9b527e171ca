/**
 * HTML → the article's paragraphs and metadata. Mozilla's Readability finds the main content;
 * paragraphs are the `<p>`/`<li>`/heading/quote blocks of what it keeps (not its text split on
 * newlines, which breaks paragraphs at every `<br>` and joins list items).
 */
import { Readability } from '@mozilla/readability';
import { all, cleanText, parseDocument, type El } from './dom';
import { readMetadata, type PageMetadata } from './metadata';

export interface Extracted extends PageMetadata {
  paragraphs: string[];
}

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, dd, dt, figcaption, td';

/** Extracts the article from a page's HTML; `url` resolves relative links. */
export function extractArticle(html: string, url?: string): Extracted {
  const meta = readMetadata(parseDocument(html));
  const doc = parseDocument(html);
  const result = new Readability(doc as never, { charThreshold: 500 }).parse();
  const paragraphs = result?.content ? blocksOf(result.content) : [];
  void url;
  return {
    ...meta,
    title: meta.title ?? (cleanText(result?.title) || null),
    author: meta.author ?? (cleanText(result?.byline) || null),
    site: meta.site ?? (cleanText(result?.siteName) || null),
    paragraphs,
  };
}

/** The text blocks of an HTML fragment in reading order: innermost block elements, de-duplicated. */
export function blocksOf(html: string): string[] {
  const doc = parseDocument(`<!doctype html><html><body>${html}</body></html>`);
  const body = doc.body ?? doc.documentElement;
  const out: string[] = [];
  for (const el of all(body, BLOCKS)) {
    if (hasBlockInside(el)) continue;
    const text = cleanText(el.textContent);
    if (text) out.push(text);
  }
  if (out.length === 0) {
    for (const line of (body.textContent ?? '').split(/\n\s*\n/)) {
      const t = cleanText(line);
      if (t) out.push(t);
    }
  }
  return out;
}

function hasBlockInside(el: El): boolean {
  return el.querySelector(BLOCKS) !== null;
}
