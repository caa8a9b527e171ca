/**
 * A stored library article → the `Article` every command reads. The stored document is Markdown
 * with front matter (as `knowledge/*.md`); its metadata is taken from the stored row, whose fields
 * the store validated, and the body is split into paragraphs the way the Markdown loader does
 * (blank-line blocks, images → captions, headings skipped). Add and load both go through here, so
 * what is answered right after an add is exactly what is answered after a restart.
 */
import { createHash } from 'node:crypto';
import { joinBody, makeArticle, packSentences, type Article } from '../core/article';
import { splitSentences } from '../text/sentences';
import { slug } from '../text/slug';
import type { NewLibraryArticle } from '../storage/libraryStore';

const FENCE = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** sha256 (hex) of text. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash duplicates are found by: the body text, white space folded, so the same text twice is one article. */
export function contentHash(paragraphs: readonly string[]): string {
  return sha256(paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n'));
}

/** Body paragraphs of a Markdown document (after its front matter), with their offsets in it. */
export function documentParagraphs(document: string): { paragraphs: Array<{ text: string; sourceStart: number }>; captions: string[] } {
  const fence = FENCE.exec(document);
  const captions: string[] = [];
  const paragraphs: Array<{ text: string; sourceStart: number }> = [];
  const blockRe = /[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*/g;
  blockRe.lastIndex = fence ? fence[0].length : 0;
  for (let m = blockRe.exec(document); m; m = blockRe.exec(document)) {
    const text = m[0].trim();
    if (!text) continue;
    const image = /^!\[([^\]]*)\]\([^)]*\)$/.exec(text);
    if (image) {
      if (image[1] && !captions.includes(image[1])) captions.push(image[1]);
      continue;
    }
    if (/^#{1,6}\s/.test(text)) continue;
    paragraphs.push({ text, sourceStart: m.index + m[0].indexOf(text) });
  }
  return { paragraphs, captions };
}

/** The article a stored row stands for; null when its document has no body paragraph. */
export function articleFromRow(row: Pick<NewLibraryArticle, 'articleId' | 'document' | 'title' | 'site' | 'author' | 'published' | 'sourceUrl' | 'sourceFile'>): Article | null {
  const { paragraphs, captions } = documentParagraphs(row.document);
  if (paragraphs.length === 0) return null;
  const numbered = paragraphs.map((p, i) => ({
    number: i + 1,
    text: p.text,
    sourceStart: p.sourceStart,
    sentenceBounds: packSentences(splitSentences(p.text)),
  }));
  const { body, paragraphs: withOffsets } = joinBody(numbered);
  return makeArticle(
    {
      id: row.articleId,
      title: row.title,
      ...(row.site ? { publisher: row.site } : {}),
      ...(row.author ? { author: row.author } : {}),
      ...(row.sourceUrl && /^https?:\/\//i.test(row.sourceUrl) ? { url: row.sourceUrl } : {}),
      ...(row.published ? { published: row.published } : {}),
    },
    { file: row.sourceFile ?? row.sourceUrl ?? row.articleId, captions, paragraphs: withOffsets, body },
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
