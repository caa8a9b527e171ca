/**
 * Reads every article file in the knowledge directory. A file that cannot be used is reported
 * as a `LoadProblem` naming the file and the reason; the other articles still load.
 */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { joinBody, makeArticle, packSentences, type Article } from '../core/article';
import { splitSentences } from '../text/sentences';
import { slug } from '../text/slug';
import { parseMarkdownArticle } from './markdownArticle';
import { KnowledgeFileError, type LoadProblem } from './problems';
import { parseRawArticle } from './rawArticle';

/** Larger files are refused: a news article is tens of kilobytes, not megabytes. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
const ARTICLE_EXTENSIONS = new Set(['.md', '.txt']);
/** Files in knowledge/ that are not articles. */
const NOT_ARTICLES = new Set(['readme.md', 'parties.yaml', 'parties.yml', 'people.yaml', 'people.yml']);

export interface LoadedKnowledge {
  articles: Article[];
  problems: LoadProblem[];
}

/** The article files in `dir` (not recursive), sorted by name for a stable order; or why it cannot be read. */
export async function listArticleFiles(dir: string): Promise<{ names: string[]; problems: LoadProblem[] }> {
  try {
    const names = (await readdir(dir)).sort().filter(isArticleFileName);
    return { names, problems: [] };
  } catch (err) {
    return { names: [], problems: [{ file: dir, problem: `cannot read the knowledge directory (${errCode(err)})` }] };
  }
}

/** Whether a file in the knowledge directory is an article (not hidden, not the readme or party settings). */
export function isArticleFileName(name: string): boolean {
  return !name.startsWith('.') && !NOT_ARTICLES.has(name.toLowerCase()) && ARTICLE_EXTENSIONS.has(extname(name).toLowerCase());
}

/** Records an article's id; a second article with the same id is a problem of its file. */
export function claimArticleId(ids: Map<string, string>, article: Article, file: string): void {
  const other = ids.get(article.id);
  if (other) throw new KnowledgeFileError(file, `duplicate article id "${article.id}" (already used by ${other}); skipped`);
  ids.set(article.id, file);
}

/** Loads all articles in `dir` (not recursive), sorted by file name for a stable order. */
export async function loadArticles(dir: string): Promise<LoadedKnowledge> {
  const { names, problems } = await listArticleFiles(dir);
  const articles: Article[] = [];
  const ids = new Map<string, string>();
  for (const name of names) {
    try {
      const article = await loadArticleFile(dir, name);
      claimArticleId(ids, article, name);
      articles.push(article);
    } catch (err) {
      problems.push(toProblem(name, err));
    }
  }
  return { articles, problems };
}

/** Whether a Markdown file starts with a `---` front matter block (the BOM is already gone). */
function hasFrontMatter(content: string): boolean {
  return /^---[ \t]*\r?\n/.test(content);
}

/** Reads and parses one article file. Throws `KnowledgeFileError` for any unusable file. */
export async function loadArticleFile(dir: string, name: string): Promise<Article> {
  const path = join(dir, name);
  const content = await readArticleText(path, name);
  const ext = extname(name).toLowerCase();
  const fileId = articleId(basename(name, extname(name)));
  if (ext === '.md' && hasFrontMatter(content)) {
    const md = parseMarkdownArticle(content, name);
    return buildArticle(name, { ...md.meta, id: md.meta.id ?? fileId }, md.captions, md.paragraphs);
  }
  // A `.md` without front matter is read as pasted text, as a `.txt` would be; `# ` heading
  // markers become spaces (same length, so offsets still point into the file).
  if (ext === '.md') {
    try {
      return rawArticle(name, fileId, content.replace(/^#{1,6}[ \t]+/gm, (m) => ' '.repeat(m.length)));
    } catch (err) {
      if (!(err instanceof KnowledgeFileError)) throw err;
      throw new KnowledgeFileError(
        name,
        `no front matter (a "---" YAML block with title, publisher, author, url, published), and read as pasted text: ${err.problem}`,
      );
    }
  }
  return rawArticle(name, fileId, content);
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
  const numbered = paragraphs.map((p, i) => ({
    number: i + 1,
    text: p.text,
    sourceStart: p.sourceStart,
    sentenceBounds: packSentences(splitSentences(p.text)),
  }));
  const { body, paragraphs: withOffsets } = joinBody(numbered);
  return makeArticle(meta, { file, captions, paragraphs: withOffsets, body });
}

async function readArticleText(path: string, name: string): Promise<string> {
  let info;
  try {
    const link = await lstat(path);
    if (link.isSymbolicLink()) await realpath(path); // throws ELOOP on a symlink loop
    info = await stat(path);
  } catch (err) {
    throw new KnowledgeFileError(name, describeFsError(err));
  }
  if (!info.isFile()) throw new KnowledgeFileError(name, 'not a regular file');
  if (info.size === 0) throw new KnowledgeFileError(name, 'the file is empty');
  if (info.size > MAX_ARTICLE_BYTES) {
    throw new KnowledgeFileError(name, `the file is too large (${info.size} bytes; limit ${MAX_ARTICLE_BYTES})`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new KnowledgeFileError(name, describeFsError(err));
  }
  if (bytes.includes(0)) throw new KnowledgeFileError(name, 'binary file (contains NUL bytes), not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new KnowledgeFileError(name, 'not valid UTF-8 text');
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new KnowledgeFileError(name, 'the file is empty (only white space)');
  return text;
}

function describeFsError(err: unknown): string {
  const code = errCode(err);
  if (code === 'ENOENT') return 'the file disappeared while loading';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EACCES') return 'permission denied';
  return `cannot read the file (${code})`;
}

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
}

/** A thrown error as a problem of `file`; only a `KnowledgeFileError` keeps its own wording. */
export function toProblem(file: string, err: unknown): LoadProblem {
  if (err instanceof KnowledgeFileError) return { file: err.file, problem: err.problem };
  return { file, problem: `unexpected error: ${err instanceof Error ? err.message : String(err)}` };
}

/** File names become article ids: lower case, dashes. */
export function articleId(name: string): string {
  return slug(name).slice(0, 64) || 'article';
}
