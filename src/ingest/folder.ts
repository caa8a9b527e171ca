/**
 * Reads the article files of a knowledge folder (not recursive) and parses each through
 * `parseArticleDocument`. A file that cannot be used is reported as a `LoadProblem` naming the file
 * and the reason; the other articles still load. With a store, a file whose bytes were parsed
 * before is not parsed again: the parsed article is kept under the hash of its name and bytes.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { AnalysisStore } from '../core/analysisStore';
import type { Article } from '../core/article';
import type { LoadProblem } from '../core/loadProblem';
import { articleFrom, bodyHash, serialArticle, type SerialArticle } from './articleJson';
import { MAX_ARTICLE_BYTES, parseArticleDocument } from './document';
import { KnowledgeFileError, toProblem } from './problems';

export { MAX_ARTICLE_BYTES } from './document';

const ARTICLE_EXTENSIONS = new Set(['.md', '.txt']);
/** Files in knowledge/ that are not articles. */
const NOT_ARTICLES = new Set(['readme.md', 'parties.yaml', 'parties.yml', 'people.yaml', 'people.yml']);

export interface LoadedKnowledge {
  articles: Article[];
  problems: LoadProblem[];
}

export interface FolderOptions {
  /** Keeps parsed articles between runs (keys include `version`). */
  store?: AnalysisStore;
  /** The analysis version string every store key includes (see `knowledge/diskStore.ts`). */
  version?: string;
  /** Awaited between files, so a background reload lets the event loop run. */
  pause?: () => Promise<void>;
}

export interface FolderRead extends LoadedKnowledge {
  /** `bodyHash` of each article, in order (kept in the store, so a cached start hashes no text). */
  bodyHashes: string[];
  /** Article files found (read or not). */
  files: number;
  articlesFromCache: number;
  articlesParsed: number;
}

/** The article files in `dir` (not recursive), sorted by name for a stable order; or why it cannot be read. */
export function listArticleFiles(dir: string): { names: string[]; problems: LoadProblem[] } {
  try {
    const names = readdirSync(dir).sort().filter(isArticleFileName);
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

/**
 * Reads and parses every article file in `dir`, sorted by file name. Files are read synchronously
 * on purpose: thousands of small files read one by one through the thread pool left the process
 * idle for 2 of the 6 seconds of a 190k-paragraph cold start (`pause` still lets a background
 * reload yield between files).
 */
export async function readKnowledgeFolder(dir: string, options: FolderOptions = {}): Promise<FolderRead> {
  const { names, problems } = listArticleFiles(dir);
  const articles: Article[] = [];
  const bodyHashes: string[] = [];
  const ids = new Map<string, string>();
  let articlesFromCache = 0;
  let articlesParsed = 0;
  for (const name of names) {
    await options.pause?.();
    try {
      const bytes = readArticleBytes(dir, name);
      const key = options.store ? articleKey(options.version ?? '', name, bytes) : '';
      const stored = options.store ? await options.store.get(key) : undefined;
      let entry = stored === undefined ? undefined : fromStored(stored);
      if (entry) articlesFromCache++;
      else {
        const article = parseArticleDocument(name, decodeArticleBytes(name, bytes));
        entry = { article, hash: bodyHash(article.body) };
        articlesParsed++;
        await options.store?.put(key, JSON.stringify({ hash: entry.hash, article: serialArticle(article) } satisfies StoredArticle));
      }
      claimArticleId(ids, entry.article, name);
      articles.push(entry.article);
      bodyHashes.push(entry.hash);
    } catch (err) {
      problems.push(toProblem(name, err));
    }
  }
  return { articles, bodyHashes, problems, files: names.length, articlesFromCache, articlesParsed };
}

/** Loads all articles in `dir` without a store. */
export async function loadArticles(dir: string): Promise<LoadedKnowledge> {
  const { articles, problems } = await readKnowledgeFolder(dir);
  return { articles, problems };
}

/** Reads and parses one article file. Throws `KnowledgeFileError` for any unusable file. */
export function loadArticleFile(dir: string, name: string): Article {
  return parseArticleDocument(name, decodeArticleBytes(name, readArticleBytes(dir, name)));
}

/** The store key of a parsed file: its name (which gives the id) and bytes, and the version. */
function articleKey(version: string, name: string, bytes: Buffer): string {
  const h = createHash('sha256').update(version).update('\0').update(name).update('\0').update(bytes);
  return `article:${h.digest('hex').slice(0, 32)}`;
}

/** A parsed file as stored: the article and its `bodyHash`. */
interface StoredArticle {
  hash: string;
  article: SerialArticle;
}

/** A stored article, or undefined when the entry cannot be read (the file is then parsed again). */
function fromStored(json: string): { article: Article; hash: string } | undefined {
  try {
    const value = JSON.parse(json) as StoredArticle;
    if (typeof value.hash !== 'string') return undefined;
    return { article: articleFrom(value.article), hash: value.hash };
  } catch {
    return undefined;
  }
}

/** The file's bytes after the checks a path needs (a regular file, not empty, not too large). */
function readArticleBytes(dir: string, name: string): Buffer {
  const path = join(dir, name);
  let size: number;
  try {
    if (lstatSync(path).isSymbolicLink()) realpathSync(path); // throws ELOOP on a symlink loop
    const info = statSync(path);
    if (!info.isFile()) throw new KnowledgeFileError(name, 'not a regular file');
    size = info.size;
  } catch (err) {
    if (err instanceof KnowledgeFileError) throw err;
    throw new KnowledgeFileError(name, describeFsError(err));
  }
  if (size === 0) throw new KnowledgeFileError(name, 'the file is empty');
  if (size > MAX_ARTICLE_BYTES) throw new KnowledgeFileError(name, `the file is too large (${size} bytes; limit ${MAX_ARTICLE_BYTES})`);
  try {
    return readFileSync(path);
  } catch (err) {
    throw new KnowledgeFileError(name, describeFsError(err));
  }
}

/** Bytes → text: refuses binary files and invalid UTF-8 (the text checks are `parseArticleDocument`'s). */
function decodeArticleBytes(name: string, bytes: Buffer): string {
  if (bytes.includes(0)) throw new KnowledgeFileError(name, 'binary file (contains NUL bytes), not text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new KnowledgeFileError(name, 'not valid UTF-8 text');
  }
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
