/**
 * What the knowledge-base builder (`buildKnowledgeBase`, `knowledgeBase.ts`) takes from an
 * `AnalysisStore` (core/analysisStore.ts) instead of recomputing: analyses and the paragraph index.
 *
 * Keys: an analysis is keyed by what the attribution engine reads (body, author, dateline), so
 * identical articles share one; the index by the ordered list of (id, analysis key, paragraph
 * layout). Every key includes the version string (`diskStore.ts`'s `cacheCodeVersion`, from
 * `ANALYSIS_VERSION`), never a hash of source files, so a value can never be stale.
 */
import { createHash } from 'node:crypto';
import type { AnalysisStore } from '../core/analysisStore';
import type { Article } from '../core/article';
import { bodyHash } from '../ingest/articleJson';
import type { Speaker, Statement } from '../analysis/types';
import { decodeIndexSnapshot, encodeIndexSnapshot } from '../search/indexFile';
import { ParagraphIndex } from '../search/paragraphIndex';
import type { PartyOverrides } from '../parties/overrides';
import type { PeopleOverrides } from './peopleOverrides';
import { analyseArticle, type ArticleAnalysis } from './articleAnalysis';

export interface BuildOptions {
  /** Where analyses and the index are kept between builds; without one, everything is computed. */
  store?: AnalysisStore;
  /** Settings from `knowledge/parties.yaml`. */
  partyOverrides?: PartyOverrides;
  /** Corrections from `knowledge/people.yaml` (or a server's own). */
  peopleOverrides?: PeopleOverrides;
  /** The analysis version the keys include (default `ANALYSIS_VERSION`; tests vary it). */
  analysisVersion?: number;
  /** Progress lines for long builds (default: stderr when more than 200 articles need analysis). */
  progress?: (line: string) => void;
  /** Awaited between articles, so a background reload lets the event loop run. */
  pause?: () => Promise<void>;
  /**
   * `bodyHash(article.body)` of each article, in order, when the source keeps them (the folder's
   * cache does): a start from the cache then hashes no body text (150 ms at 19k paragraphs).
   */
  bodyHashes?: readonly string[];
  /**
   * Prepare the autocomplete lists, the parties and /position's stance index while building
   * (default true): a large base would otherwise spend the first keystroke's 3-second window (or
   * the first /position) on them; a server's small library (`library/serverBases.ts`) makes them
   * on first use instead, as finding the parties was ~85% of a cold server's first query.
   */
  eagerChoices?: boolean;
}

export interface BuildStats {
  analysesFromCache: number;
  analysesRun: number;
  indexFromCache: boolean;
  /** Milliseconds: analyses (from the store or run), the index, /position's stance index, the acronyms /ask reads. */
  ms: { analyse: number; index: number; stances: number; acronyms: number };
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** The store key of an article's analysis: what the engine reads (body by its `bodyHash`), and the version. */
export function analysisKey(version: string, a: Article, hash = bodyHash(a.body)): string {
  return `analysis:${sha(JSON.stringify([version, a.author ?? null, a.dateline ?? null, hash]))}`;
}

export interface StoredAnalyses {
  analyses: ArticleAnalysis[];
  /** Each article's analysis key, in article order. */
  keys: string[];
  analysesFromCache: number;
  analysesRun: number;
}

/**
 * Every article's analysis: from the store when it holds one for this content and version, else
 * run (and stored). Identical bodies share one analysis.
 */
export async function storedAnalyses(articles: readonly Article[], version: string, options: BuildOptions): Promise<StoredAnalyses> {
  const store = options.store;
  const keys = articles.map((a, i) => analysisKey(version, a, options.bodyHashes?.[i]));
  const shared = new Map<string, Omit<ArticleAnalysis, 'article'>>();
  const stored = new Map<string, string>();
  if (store) {
    for (const key of new Set(keys)) {
      const value = await store.get(key);
      if (value !== undefined) stored.set(key, value);
    }
  }
  const todo = new Set(keys.filter((k) => !stored.has(k))).size;
  const progress = todo > 200 ? progressReporter('analysing articles', todo, options.progress ?? ((l) => process.stderr.write(`${l}\n`))) : () => {};
  const intern = stringPool();
  let run = 0;
  let reused = 0;
  const analyses: ArticleAnalysis[] = [];
  for (const [i, article] of articles.entries()) {
    await options.pause?.();
    const key = keys[i]!;
    let s = shared.get(key);
    if (!s) {
      const found = readAnalysis(stored.get(key), intern);
      if (found) {
        s = found;
        reused++;
      } else {
        s = analyseArticle(article);
        run++;
        progress(run);
        await store?.put(key, JSON.stringify({ statements: s.statements, speakers: s.speakers }));
      }
      shared.set(key, s);
    }
    analyses.push({ article, statements: s.statements, speakers: s.speakers, speakerById: s.speakerById });
  }
  return { analyses, keys, analysesFromCache: reused, analysesRun: run };
}

/** The store key of the paragraph index: the articles' ids, contents and paragraph layout, in order. */
export function indexKey(version: string, articles: readonly Article[], keys: readonly string[]): string {
  return `index:${sha(JSON.stringify([version, articles.map((a, i) => [a.id, keys[i], a.paragraphs.map((p) => p.bodyStart)])]))}`;
}

/** The paragraph index stored under `key`, if the store keeps binary values and has a readable one. */
export async function storedIndex(store: AnalysisStore | undefined, key: string): Promise<ParagraphIndex | undefined> {
  const bytes = store?.getBytes ? await store.getBytes(key) : undefined;
  const snapshot = bytes ? decodeIndexSnapshot(bytes) : null;
  return snapshot ? ParagraphIndex.fromSnapshot(snapshot) : undefined;
}

/** Keeps a freshly built index, if the store keeps binary values. */
export async function storeIndex(store: AnalysisStore | undefined, key: string, index: ParagraphIndex): Promise<void> {
  if (store?.putBytes) await store.putBytes(key, encodeIndexSnapshot(index.snapshot()));
}

/** A stored analysis, or undefined when there is none or it cannot be read (it is then recomputed). */
function readAnalysis(json: string | undefined, intern: (s: string) => string): Omit<ArticleAnalysis, 'article'> | undefined {
  if (json === undefined) return undefined;
  let value: { statements: Statement[]; speakers: Speaker[] };
  try {
    value = JSON.parse(json) as { statements: Statement[]; speakers: Speaker[] };
    if (!Array.isArray(value.statements) || !Array.isArray(value.speakers)) return undefined;
  } catch {
    return undefined;
  }
  internAnalysis(value, intern);
  return { statements: value.statements, speakers: value.speakers, speakerById: new Map(value.speakers.map((sp) => [sp.id, sp])) };
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

/**
 * A string pool: JSON.parse makes a new string for every occurrence, and stored analyses repeat the
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

function internAnalysis(a: { statements: Statement[]; speakers: Speaker[] }, intern: (s: string) => string): void {
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
