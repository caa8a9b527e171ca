/**
 * The knowledge cache: start-up without re-parsing, re-analysing or re-indexing unchanged articles.
 *
 * What is cached, and under which key:
 * - per knowledge file: the parsed article model, keyed by the SHA-256 of the file's bytes;
 * - per analysis: the attribution engine's statements and speakers, keyed by the SHA-256 of what
 *   the engine reads (body, author, dateline) — identical articles share one entry;
 * - the paragraph index (binary typed arrays), keyed by the ordered list of article keys.
 * Every key also includes the code version `f<CACHE_VERSION>.a<ANALYSIS_VERSION>`: `CACHE_VERSION`
 * (bump it by hand when the cached shapes change) and `ANALYSIS_VERSION` (`analysisVersion.ts`:
 * bump it when parsing, analysis or index terms change). Keys never depend on where or how the
 * code runs (sources, a build, a bundle). An edited, added or removed file changes its own entry
 * and the index key, nothing else; a file is always re-hashed from its current bytes, so a stale
 * entry can never be served.
 *
 * Files: `<cacheDir>/kb-<dir hash>.ndjson` (one JSON object a line, so a million-paragraph corpus
 * never needs one giant string) and `<cacheDir>/kb-<dir hash>.index.bin`. Writes are atomic
 * (temporary file, then rename).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { makeArticle, type Article, type Paragraph } from '../core/article';
import type { Speaker, Statement } from '../analysis/types';
import { ParagraphIndex, type IndexSnapshot } from '../search/paragraphIndex';
import { analyseArticle, KnowledgeBase, type ArticleAnalysis } from './knowledgeBase';
import { claimArticleId, listArticleFiles, loadArticleFile, MAX_ARTICLE_BYTES, toProblem } from './load';
import { loadPartyOverrides } from '../parties/overrides';
import { loadPeopleOverrides } from './peopleOverrides';
import { ANALYSIS_VERSION } from './analysisVersion';

/** Bump when the shape of cached data changes. */
export const CACHE_VERSION = 2;

/**
 * The code version every cache key includes: `f<CACHE_VERSION>.a<analysisVersion>`. The bench sets
 * `QUOTEBOOK_CACHE_CODE_VERSION` to keep its caches apart; never set it in production.
 */
export function cacheCodeVersion(analysisVersion: number = ANALYSIS_VERSION): string {
  const pinned = process.env.QUOTEBOOK_CACHE_CODE_VERSION?.trim();
  if (pinned) return pinned;
  return `f${CACHE_VERSION}.a${analysisVersion}`;
}

export interface CacheOptions {
  /** Where cache files live (default `$QUOTEBOOK_CACHE_DIR` or `.cache`). */
  cacheDir?: string;
  /** Progress lines for long builds (default: stderr when more than 200 articles need analysis). */
  progress?: (line: string) => void;
  /** Don't write the cache back (read-only start). */
  readOnly?: boolean;
  /** Yield to the event loop at least this often during long work (background reloads). */
  yieldEveryMs?: number;
  /** The analysis version the keys include (default `ANALYSIS_VERSION`; tests vary it). */
  analysisVersion?: number;
}

export interface CacheStats {
  files: number;
  articlesFromCache: number;
  articlesParsed: number;
  analysesFromCache: number;
  analysesRun: number;
  indexFromCache: boolean;
  ms: { read: number; parse: number; analyse: number; index: number; write: number; total: number };
}

interface SerialArticle {
  meta: Omit<Article, 'paragraphs' | 'captions' | 'body' | 'file'>;
  file: string;
  captions: string[];
  body: string;
  /** Per paragraph: number, sourceStart, bodyStart, length. */
  paras: number[];
  /** Per paragraph: sentence start/end pairs (relative to the paragraph). */
  sents: number[][];
}

interface FileEntry {
  t: 'a';
  name: string;
  hash: string;
  analysis: string;
  article: SerialArticle;
}

interface AnalysisEntry {
  t: 's';
  key: string;
  statements: Statement[];
  speakers: Speaker[];
}

export function cachePaths(dir: string, cacheDir = process.env.QUOTEBOOK_CACHE_DIR ?? '.cache'): { data: string; index: string } {
  const id = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12);
  return { data: join(cacheDir, `kb-${id}.ndjson`), index: join(cacheDir, `kb-${id}.index.bin`) };
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex').slice(0, 32);

/**
 * A knowledge file's bytes for its cache key; empty when it can't be read or is over the size
 * limit (`loadArticleFile` then reports why). Synchronous on purpose: thousands of small files
 * read one by one through the thread pool left the process idle for 2 of the 6 seconds of a
 * 190k-paragraph cold start; a background reload still yields between files (`yieldEveryMs`).
 */
function readForHash(path: string): Buffer {
  try {
    if (statSync(path).size > MAX_ARTICLE_BYTES) return Buffer.alloc(0);
    return readFileSync(path);
  } catch {
    return Buffer.alloc(0);
  }
}

function serialArticle(a: Article): SerialArticle {
  const { paragraphs, captions, body, file, ...meta } = a;
  return {
    meta,
    file,
    captions,
    body,
    paras: paragraphs.flatMap((p) => [p.number, p.sourceStart, p.bodyStart, p.text.length]),
    sents: paragraphs.map((p) => p.sentenceBounds),
  };
}

/** Rebuilds the article; paragraph and sentence texts are slices of the one body string. */
function articleFrom(s: SerialArticle): Article {
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i * 4 < s.paras.length; i++) {
    const [number, sourceStart, bodyStart, length] = s.paras.slice(i * 4, i * 4 + 4) as [number, number, number, number];
    const text = s.body.slice(bodyStart, bodyStart + length);
    paragraphs.push({ number, text, sourceStart, bodyStart, sentenceBounds: s.sents[i] ?? [] });
  }
  return makeArticle(s.meta, { file: s.file, captions: s.captions, paragraphs, body: s.body });
}

function analysisKey(code: string, a: Article): string {
  return sha(JSON.stringify([code, a.author ?? null, a.dateline ?? null, a.body]));
}

/** Reads the NDJSON cache: entries keyed by file name and by analysis key. Tolerates a missing or corrupt file. */
async function readCache(path: string, code: string): Promise<{ files: Map<string, FileEntry>; analyses: Map<string, AnalysisEntry> }> {
  const files = new Map<string, FileEntry>();
  const analyses = new Map<string, AnalysisEntry>();
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch {
    return { files, analyses };
  }
  let start = 0;
  let first = true;
  while (start < buf.length) {
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    const line = buf.toString('utf8', start, end);
    start = end + 1;
    if (!line) continue;
    let obj: { t?: string; code?: string };
    try {
      obj = JSON.parse(line) as { t?: string; code?: string };
    } catch {
      break; // a torn write: keep what was read
    }
    if (first) {
      first = false;
      if (obj.t !== 'h' || obj.code !== code) return { files, analyses };
      continue;
    }
    if (obj.t === 'a') files.set((obj as FileEntry).name, obj as FileEntry);
    else if (obj.t === 's') analyses.set((obj as AnalysisEntry).key, obj as AnalysisEntry);
  }
  return { files, analyses };
}

async function writeAtomic(path: string, chunks: Iterable<string | Buffer>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    let pending: Array<string | Buffer> = [];
    let size = 0;
    for (const c of chunks) {
      pending.push(c);
      size += c.length;
      if (size > 8 << 20) {
        await fh.write(Buffer.concat(pending.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
        pending = [];
        size = 0;
      }
    }
    if (pending.length) await fh.write(Buffer.concat(pending.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

// Index file: 4-byte header length, JSON header {key, vocab, sizes}, then the raw arrays.
async function readIndex(path: string, key: string): Promise<IndexSnapshot | null> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch {
    return null;
  }
  try {
    const hlen = buf.readUInt32LE(0);
    const header = JSON.parse(buf.toString('utf8', 4, 4 + hlen)) as { key: string; vocab: string; sizes: [number, number, number, number, number] };
    if (header.key !== key) return null;
    let at = 4 + hlen;
    const take = <T>(n: number, bytesPer: number, make: (ab: ArrayBuffer) => T): T => {
      const copy = new ArrayBuffer(n * bytesPer);
      new Uint8Array(copy).set(buf.subarray(at, at + n * bytesPer));
      at += n * bytesPer;
      return make(copy);
    };
    const [no, nd, nt, nl, nh] = header.sizes;
    const offsets = take(no, 4, (ab) => new Uint32Array(ab));
    const docs = take(nd, 4, (ab) => new Int32Array(ab));
    const tfs = take(nt, 1, (ab) => new Uint8Array(ab));
    const lengths = take(nl, 2, (ab) => new Uint16Array(ab));
    const hashes = take(nh, 4, (ab) => new Uint32Array(ab));
    if (at !== buf.length) return null;
    return { vocab: header.vocab ? header.vocab.split('\n') : [], offsets, docs, tfs, lengths, hashes };
  } catch {
    return null;
  }
}

async function writeIndex(path: string, key: string, s: IndexSnapshot): Promise<void> {
  const header = Buffer.from(
    JSON.stringify({ key, vocab: s.vocab.join('\n'), sizes: [s.offsets.length, s.docs.length, s.tfs.length, s.lengths.length, s.hashes.length] }),
  );
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length, 0);
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  await writeAtomic(path, [len, header, bytes(s.offsets), bytes(s.docs), bytes(s.tfs), bytes(s.lengths), bytes(s.hashes)]);
}

/** Progress reporter: articles done / total, rate, ETA, at most once a second. */
export function progressReporter(label: string, total: number, out: (line: string) => void): (done: number) => void {
  const t0 = Date.now();
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (done < total && now - last < 1000) return;
    last = now;
    const secs = (now - t0) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const eta = rate > 0 ? (total - done) / rate : 0;
    out(`${label}: ${done}/${total} (${rate.toFixed(0)}/s, ETA ${eta.toFixed(0)} s)`);
  };
}

export interface CachedLoad {
  kb: KnowledgeBase;
  stats: CacheStats;
}

/**
 * Loads the knowledge directory through the cache: unchanged files are not re-parsed, unchanged
 * bodies not re-analysed, an unchanged article list not re-indexed. Unusable files are reported
 * as problems (the other articles load). Writes the updated cache back unless `readOnly`.
 */
export async function loadKnowledgeBaseCached(dir: string, options: CacheOptions = {}): Promise<CachedLoad> {
  const t0 = performance.now();
  const paths = cachePaths(dir, options.cacheDir);
  const code = cacheCodeVersion(options.analysisVersion);
  let lastYield = t0;
  const maybeYield = async () => {
    if (options.yieldEveryMs === undefined || performance.now() - lastYield < options.yieldEveryMs) return;
    await new Promise<void>((r) => setImmediate(r));
    lastYield = performance.now();
  };
  const { names, problems } = await listArticleFiles(dir);
  const [cache, partyOverrides, peopleOverrides] = await Promise.all([readCache(paths.data, code), loadPartyOverrides(dir), loadPeopleOverrides(dir)]);
  const tRead = performance.now();

  const articles: Article[] = [];
  const entries: FileEntry[] = [];
  const ids = new Map<string, string>();
  let fromCache = 0;
  let parsed = 0;
  for (const name of names) {
    await maybeYield();
    const hash = sha(readForHash(join(dir, name)));
    const hit = cache.files.get(name);
    let article: Article;
    let entry: FileEntry | undefined;
    try {
      if (hit && hit.hash === hash) {
        article = articleFrom(hit.article);
        entry = hit;
        fromCache++;
      } else {
        article = await loadArticleFile(dir, name);
        parsed++;
        // Cache it only if the file did not change while it was parsed.
        if (sha(readForHash(join(dir, name))) === hash) entry = { t: 'a', name, hash, analysis: analysisKey(code, article), article: serialArticle(article) };
      }
      claimArticleId(ids, article, name);
      articles.push(article);
      if (entry) entries.push(entry);
    } catch (err) {
      problems.push(toProblem(name, err));
    }
  }
  const tParse = performance.now();

  // Analyses: cached by content; identical bodies share one.
  const analyses: ArticleAnalysis[] = [];
  const usedAnalyses = new Map<string, AnalysisEntry>();
  const keyOf = new Map(entries.map((e) => [e.name, e.analysis]));
  const todo = new Set(articles.map((a) => keyOf.get(a.file) ?? analysisKey(code, a)).filter((k) => !cache.analyses.has(k))).size;
  const progress = todo > 200 ? progressReporter('analysing articles', todo, options.progress ?? ((l) => process.stderr.write(`${l}\n`))) : () => {};
  let run = 0;
  let reused = 0;
  const intern = stringPool();
  const shared = new Map<string, { statements: Statement[]; speakers: Speaker[]; speakerById: Map<string, Speaker> }>();
  for (const a of articles) {
    await maybeYield();
    const key = keyOf.get(a.file) ?? analysisKey(code, a);
    let s = shared.get(key);
    if (!s) {
      const hit = cache.analyses.get(key);
      if (hit) {
        internAnalysis(hit, intern);
        s = { statements: hit.statements, speakers: hit.speakers, speakerById: new Map(hit.speakers.map((sp) => [sp.id, sp])) };
        usedAnalyses.set(key, hit);
        reused++;
      } else {
        const fresh = analyseArticle(a);
        s = fresh;
        usedAnalyses.set(key, { t: 's', key, statements: fresh.statements, speakers: fresh.speakers });
        run++;
        progress(run);
      }
      shared.set(key, s);
    }
    analyses.push({ article: a, statements: s.statements, speakers: s.speakers, speakerById: s.speakerById });
  }
  const tAnalyse = performance.now();

  // Index: reused when the article list (ids and file contents, in order) is unchanged.
  const hashOf = new Map(entries.map((e) => [e.name, e.hash]));
  const indexKey = sha(
    JSON.stringify([code, articles.map((a) => [a.id, hashOf.get(a.file) ?? sha(a.body), a.paragraphs.length])]),
  );
  const snapshot = await readIndex(paths.index, indexKey);
  const index = snapshot ? ParagraphIndex.fromSnapshot(snapshot) : undefined;
  const kb = new KnowledgeBase({
    articles,
    problems: [...problems, ...partyOverrides.problems, ...peopleOverrides.problems],
    analyses,
    partyOverrides: partyOverrides.overrides,
    peopleOverrides: peopleOverrides.overrides,
    ...(index ? { index } : {}),
  });
  // Prepare the autocomplete lists now rather than on the first keystroke (3-second window).
  for (const source of ['article', 'speaker', 'party'] as const) kb.suggest(source, '');
  const tIndex = performance.now();

  const changed = parsed > 0 || run > 0 || !snapshot || cache.files.size !== entries.length || cache.analyses.size !== usedAnalyses.size;
  if (!options.readOnly && changed) {
    try {
      if (parsed > 0 || run > 0 || cache.files.size !== entries.length || cache.analyses.size !== usedAnalyses.size) {
        await writeAtomic(paths.data, ndjson(code, entries, usedAnalyses));
      }
      if (!snapshot) await writeIndex(paths.index, indexKey, kb.index.snapshot());
    } catch (err) {
      (options.progress ?? ((l: string) => process.stderr.write(`${l}\n`)))(
        `knowledge cache not written: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  const tWrite = performance.now();
  return {
    kb,
    stats: {
      files: names.length,
      articlesFromCache: fromCache,
      articlesParsed: parsed,
      analysesFromCache: reused,
      analysesRun: run,
      indexFromCache: Boolean(snapshot),
      ms: {
        read: tRead - t0,
        parse: tParse - tRead,
        analyse: tAnalyse - tParse,
        index: tIndex - tAnalyse,
        write: tWrite - tIndex,
        total: tWrite - t0,
      },
    },
  };
}

/**
 * A string pool: JSON.parse makes a new string for every occurrence, and a cache entry repeats the
 * same few (cue verbs such as "said", speaker ids, source labels) thousands of times.
 */
function stringPool(): (s: string) => string {
  const pool = new Map<string, string>();
  return (s) => {
    const hit = pool.get(s);
    if (hit !== undefined) return hit;
    pool.set(s, s);
    return s;
  };
}

function internAnalysis(a: AnalysisEntry, intern: (s: string) => string): void {
  for (const st of a.statements) {
    st.kind = intern(st.kind) as Statement['kind'];
    st.sourceLabel = intern(st.sourceLabel);
    if (st.speakerId) st.speakerId = intern(st.speakerId);
    if (st.cue) st.cue.text = intern(st.cue.text);
    if (st.source) st.source.text = intern(st.source.text);
  }
  for (const sp of a.speakers) {
    sp.id = intern(sp.id);
    sp.name = intern(sp.name);
    sp.aliases = sp.aliases.map(intern);
    if (sp.role) sp.role = intern(sp.role);
    if (sp.affiliation) sp.affiliation = intern(sp.affiliation);
  }
}

function* ndjson(code: string, entries: FileEntry[], analyses: Map<string, AnalysisEntry>): Generator<string> {
  yield `${JSON.stringify({ t: 'h', code, version: CACHE_VERSION })}\n`;
  for (const e of entries) yield `${JSON.stringify(e)}\n`;
  for (const a of analyses.values()) yield `${JSON.stringify(a)}\n`;
}
