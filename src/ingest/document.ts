/**
 * One article document (a knowledge file's text, or a document stored in a library database) →
 * `Article`. Every source goes through `parseArticleDocument`, so an article parses the same
 * wherever it came from: Markdown with YAML front matter, or raw text pasted from a news site
 * (`.txt`, or `.md` without front matter).
 */
import { joinBody, makeArticle, packSentences, type Article } from '../core/article';
import { paragraphSentences } from '../text/structure';
import { slug } from '../text/slug';
import { parseMarkdownArticle } from './markdownArticle';
import { KnowledgeFileError } from './problems';
import { parseRawArticle } from './rawArticle';

/** Larger documents are refused: a news article is tens of kilobytes, not megabytes. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** Whether a Markdown document starts with a `---` front matter block (the BOM is already gone). */
function hasFrontMatter(content: string): boolean {
  return /^---[ \t]*\r?\n/.test(content);
}

/**
 * Parses one article document. `name` is its file name (`alpha.md`, `story.txt`): the extension
 * picks the format, the base name gives the id when the front matter has none, and it is the
 * article's `file` (what problems and `/articles` name). Throws `KnowledgeFileError` with a
 * sentence a server manager can act on when the document cannot be used. A library document
 * (`{ library: true }`, from src/ingest/web/) may leave author, date, url and publisher out.
 *
 * @example
 * parseArticleDocument('alpha.md', '---\ntitle: …\npublisher: …\n---\n\nFirst paragraph.\n');
 */
export function parseArticleDocument(name: string, content: string, options: { library?: boolean } = {}): Article {
  const text = checkDocumentText(name, content);
  const ext = extensionOf(name);
  const fileId = articleId(name.slice(0, name.length - ext.length));
  if (ext === '.md' && hasFrontMatter(text)) {
    const md = parseMarkdownArticle(text, name, options);
    return buildArticle(name, { ...md.meta, id: md.meta.id ?? fileId }, md.captions, md.paragraphs);
  }
  // A `.md` without front matter is read as pasted text, as a `.txt` would be; `# ` heading
  // markers become spaces (same length, so offsets still point into the file).
  if (ext === '.md') {
    try {
      return rawArticle(name, fileId, text.replace(/^#{1,6}[ \t]+/gm, (m) => ' '.repeat(m.length)));
    } catch (err) {
      if (!(err instanceof KnowledgeFileError)) throw err;
      throw new KnowledgeFileError(
        name,
        `no front matter (a "---" YAML block with title, publisher, author, url, published), and read as pasted text: ${err.problem}`,
      );
    }
  }
  return rawArticle(name, fileId, text);
}

/**
 * The checks every document passes whatever its source (a file's bytes were checked for size and
 * UTF-8 before): no NUL characters, a byte order mark dropped, not only white space.
 */
function checkDocumentText(name: string, content: string): string {
  if (content.length > MAX_ARTICLE_BYTES && Buffer.byteLength(content) > MAX_ARTICLE_BYTES) {
    throw new KnowledgeFileError(name, `the file is too large (${Buffer.byteLength(content)} bytes; limit ${MAX_ARTICLE_BYTES})`);
  }
  if (content.includes('\0')) throw new KnowledgeFileError(name, 'binary file (contains NUL bytes), not text');
  const text = content.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new KnowledgeFileError(name, content ? 'the file is empty (only white space)' : 'the file is empty');
  return text;
}

/** The lower-cased extension with its dot (`.md`), or '' (a leading dot is a hidden file, not an extension). */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** An article from pasted text (headline, byline, captions found from the shape of lines). */
function rawArticle(name: string, fileId: string, content: string): Article {
  const raw = parseRawArticle(content);
  if (!raw.title) throw new KnowledgeFileError(name, 'no headline found (expected a short title line before the body)');
  return buildArticle(
    name,
    { id: fileId, title: raw.title, author: raw.author, dateline: raw.dateline },
    raw.captions,
    raw.paragraphs,
  );
}

function buildArticle(
  file: string,
  meta: Omit<Article, 'file' | 'paragraphs' | 'captions' | 'body'>,
  captions: string[],
  paragraphs: Array<{ text: string; sourceStart: number }>,
): Article {
  if (paragraphs.length === 0) throw new KnowledgeFileError(file, 'no body paragraphs found');
  const numbered = paragraphs.map((p, i) => {
    const text = joinSoftBreaks(p.text);
    return { number: i + 1, text, sourceStart: p.sourceStart, sentenceBounds: packSentences(paragraphSentences(text)) };
  });
  const { body, paragraphs: withOffsets } = joinBody(numbered);
  return makeArticle(meta, { file, captions, paragraphs: withOffsets, body });
}

/**
 * A line break inside a paragraph is a soft break (Markdown renders it as a space; wrapped text and
 * HTML source put them anywhere). The engine reads a newline as a paragraph boundary, so a quotation
 * wrapped over two lines would lose its closing mark and its speaker: the open half was credited to
 * the previous paragraph's speaker. Joined with one space here, a paragraph is one line everywhere.
 */
export function joinSoftBreaks(text: string): string {
  return text.includes('\n') || text.includes('\r') ? text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ') : text;
}

/** File names become article ids: lower case, dashes. */
export function articleId(name: string): string {
  return slug(name).slice(0, 64) || 'article';
}
