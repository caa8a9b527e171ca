/**
 * A stored library article → the `Article` every command reads. The stored document is Markdown
 * with front matter (as `knowledge/*.md`), read by the same parser as the knowledge folder; its
 * metadata is taken from the stored row, whose fields the store validated. Add and load both go
 * through here, so what is answered right after an add is exactly what is answered after a restart.
 */
import { createHash } from 'node:crypto';
import { makeArticle, type Article } from '../core/article';
import { parseArticleDocument } from '../ingest/document';
import { KnowledgeFileError } from '../ingest/problems';
import { slug } from '../text/slug';
import type { NewLibraryArticle } from '../storage/libraryStore';

/** sha256 (hex) of text. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash duplicates are found by: the body text, white space folded, so the same text twice is one article. */
export function contentHash(paragraphs: readonly string[]): string {
  return sha256(paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n'));
}

/**
 * The article a stored row stands for, parsed by the one document parser every source uses
 * (`parseArticleDocument`, library front matter rules); null when the document cannot be read or
 * has no body paragraph. Id and metadata come from the row, which the store validated.
 */
export function articleFromRow(row: Pick<NewLibraryArticle, 'articleId' | 'document' | 'title' | 'site' | 'author' | 'published' | 'sourceUrl' | 'sourceFile'>): Article | null {
  let parsed: Article;
  try {
    parsed = parseArticleDocument(`${row.articleId}.md`, row.document, { library: true });
  } catch (err) {
    if (err instanceof KnowledgeFileError) return null;
    throw err;
  }
  if (parsed.paragraphs.length === 0) return null;
  return makeArticle(
    {
      id: row.articleId,
      title: row.title,
      ...(row.site ? { publisher: row.site } : {}),
      ...(row.author ? { author: row.author } : {}),
      ...(row.sourceUrl && /^https?:\/\//i.test(row.sourceUrl) ? { url: row.sourceUrl } : {}),
      ...(row.published ? { published: row.published } : {}),
    },
    { file: row.sourceFile ?? row.sourceUrl ?? row.articleId, captions: parsed.captions, paragraphs: parsed.paragraphs, body: parsed.body },
  );
}

/**
 * A new article id: the title's slug and a piece of the content hash, never one already taken
 * (by the shared folder or by the server's library).
 */
export function newArticleId(title: string, hash: string, taken: (id: string) => boolean): string {
  const base = (slug(title).slice(0, 48).replace(/-+$/, '') || 'article');
  for (let n = 6; n <= 16; n += 2) {
    const id = `${base}-${hash.slice(0, n)}`;
    if (!taken(id)) return id;
  }
  return `${base}-${hash.slice(0, 24)}`;
}
