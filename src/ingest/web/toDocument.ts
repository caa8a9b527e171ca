/**
 * Extracted text and metadata → the `ImportedDocument` a library stores: Markdown with YAML front
 * matter that `parseMarkdownArticle(…, { library: true })` reads back. The paragraphs returned are
 * the ones that parser finds in the document, so what the member sees is what gets analysed.
 */
import { stringify } from 'yaml';
import { parseMarkdownArticle } from '../markdownArticle';
import { ImportError, type ImportedDocument } from '../importTypes';

export interface DocumentFields {
  title: string | null;
  site: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  paragraphs: string[];
}

/** Fewest characters of body text that make an article worth adding. */
export const MIN_ARTICLE_CHARS = 200;

/** Builds the stored document; throws `not-an-article` when too little text is left. */
export function toDocument(fields: DocumentFields, fallbackTitle: string): ImportedDocument {
  const paragraphs = fields.paragraphs.map(oneLine).filter((p) => p.length > 0);
  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  if (chars < MIN_ARTICLE_CHARS) {
    throw new ImportError('not-an-article', 'That does not look like an article: too little text was found (is it a home page, a video or a login page?).');
  }
  const title = clip(oneLine(fields.title ?? '') || fallbackTitle, 300);
  const front: Record<string, string> = { title };
  if (fields.site) front.publisher = clip(oneLine(fields.site), 200);
  if (fields.author) front.author = clip(oneLine(fields.author), 200);
  if (fields.url && /^https?:\/\//i.test(fields.url) && fields.url.length <= 2048) front.url = fields.url;
  if (fields.published && /^\d{4}-\d{2}-\d{2}$/.test(fields.published)) front.published = fields.published;
  const document = `---\n${stringify(front, { lineWidth: 0 })}---\n\n${paragraphs.join('\n\n')}\n`;
  const parsed = parseMarkdownArticle(document, 'document.md', { library: true });
  const stored = parsed.paragraphs.map((p) => p.text);
  if (stored.length === 0) throw new ImportError('not-an-article', 'That does not look like an article: no paragraphs of text were found.');
  return {
    document,
    title,
    site: front.publisher ?? null,
    author: front.author ?? null,
    published: front.published ?? null,
    canonicalUrl: front.url ?? null,
    paragraphs: stored,
  };
}

function oneLine(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}
