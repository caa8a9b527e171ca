/**
 * HTML → the article's paragraphs and metadata. Mozilla's Readability finds the main content;
 * paragraphs are the `<p>`/`<li>`/heading/quote blocks of what it keeps (not its text split on
 * newlines, which breaks paragraphs at every `<br>` and joins list items).
 */
import { Readability } from '@mozilla/readability';
import { cleanText, parseDocument, type DomNode, type El } from './dom';
import { readMetadata, type PageMetadata } from './metadata';
import { polishParagraphs } from './polish';
import { removeFurniture } from './clean';

export interface Extracted extends PageMetadata {
  paragraphs: string[];
}

/** Extracts the article from a page's HTML. */
export function extractArticle(html: string): Extracted {
  const doc = parseDocument(html);
  // Metadata first: cleaning and Readability both change the document.
  const meta = readMetadata(doc);
  removeFurniture(doc);
  const result = new Readability(doc as never, { charThreshold: 500 }).parse();
  const title = meta.title ?? (cleanText(result?.title) || null);
  const author = meta.author ?? (cleanText(result?.byline) || null);
  let paragraphs = polishParagraphs(result?.content ? blocksOf(result.content) : [], { title, author });
  if (length(paragraphs) < ENOUGH_CHARS) {
    // Cleaning can leave Readability too little to work with on an odd layout: try the page as is.
    const plain = new Readability(parseDocument(html) as never, { charThreshold: 500 }).parse();
    const again = polishParagraphs(plain?.content ? blocksOf(plain.content) : [], { title, author });
    if (length(again) > length(paragraphs)) paragraphs = again;
  }
  // The body the publisher gives search engines, when it holds much more than what was found.
  if (meta.articleBody && meta.articleBody.length > 2 * length(paragraphs) && meta.articleBody.length >= ENOUGH_CHARS) {
    paragraphs = meta.articleBody.split(/\s*\n\s*/).map(cleanText).filter(Boolean);
  }
  return {
    ...meta,
    title,
    author,
    site: meta.site ?? (cleanText(result?.siteName) || null),
    paragraphs,
  };
}

/** Below this many characters of text an extraction is retried another way. */
const ENOUGH_CHARS = 500;

function length(paragraphs: string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

/** Elements that start and end a paragraph of their own. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT',
  'TR', 'TD', 'TH', 'UL', 'CAPTION', 'SUMMARY',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT']);

/**
 * The paragraphs of an HTML fragment in reading order: text is gathered across inline elements and
 * cut at every block element's start and end (so text loose in a `<div>` next to a `<p>` is kept,
 * as its own paragraph), and at a double `<br>`.
 */
export function blocksOf(html: string): string[] {
  const doc = parseDocument(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  let buf = '';
  let brs = 0;
  const flush = (): void => {
    const t = cleanText(buf);
    if (t) out.push(t);
    buf = '';
    brs = 0;
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      if (/\S/.test(v)) brs = 0;
      buf += v;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as El).tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') {
      if (++brs >= 2) flush();
      else buf += ' ';
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(doc.body ?? doc.documentElement);
  flush();
  return out;
}
