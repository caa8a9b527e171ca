/**
 * Quote clusters: the same quotation reported by several articles. Two direct quotes are the same
 * when their words are equal after normalising case, punctuation and quote marks, or nearly equal
 * (a word dropped, added or changed, or words cut with an ellipsis). A cluster has one speaker:
 * the same words credited to two different people are two clusters flagged as conflicting, never
 * one. Built once per knowledge base, on first use, from its analyses — so it works the same on
 * the shared `knowledge/` folder and on any other knowledge base.
 */
import type { Statement } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { runSliced, runToEnd, type Steps } from '../core/sliced';
import { words } from '../text/words';
import { alignWords } from './wording';

/** Quotes shorter than this are phrases many people use, not a quotation worth tracking. */
export const MIN_WORDS = 6;
/** A 3-word window shared by more quotes than this is a stock phrase: no candidate pairs from it. */
const MAX_WINDOW_POSTINGS = 64;

/** One article's report of a quotation. */
export interface QuoteReport {
  articleId: string;
  /** Position of the article in the knowledge base (a stable tie-break). */
  articleOrder: number;
  published?: string;
  publisher?: string;
  statement: Statement;
  /** The quoted words as the article prints them (fragments of an interrupted quote joined). */
  text: string;
  /** Normalised words of `text`, with their offsets in it. */
  words: Array<{ norm: string; start: number; end: number }>;
  /** Word positions in `words` right after which the article prints an ellipsis. */
  ellipses: number[];
  /** The person (knowledge base people key) credited, or null when none is named. */
  person: string | null;
  personName: string | null;
}

export interface QuoteCluster {
  id: number;
  /** One report per article, earliest publication first (undated last, then article order). */
  reports: QuoteReport[];
  /** Other clusters with the same words credited to someone else. */
  conflicts: QuoteCluster[];
}

export interface QuoteClusters {
  /** Clusters reported by at least two articles, or in conflict with another. */
  clusters: QuoteCluster[];
  /** The cluster holding a statement, when it has one. */
  of(articleId: string, statement: Statement): QuoteCluster | undefined;
}

/** The knowledge base's quote clusters, built on first use and kept with it. */
export function quoteClusters(kb: KnowledgeBase): QuoteClusters {
  return kb.derived(buildClusters);
}

/** Builds the clusters (exposed for the benchmark: `quoteClusters` caches). */
export function buildClusters(kb: KnowledgeBase): QuoteClusters {
  return runToEnd(clusterSteps(kb));
}

/**
 * Builds the knowledge base's clusters ahead of use, about `sliceMs` at a time, handing the event
 * loop back between slices: a reload of a large base (6.6 s of clustering at 190k paragraphs)
 * does not stall the answers the old base is still giving. Stops early when a question has built
 * them meanwhile (either way `quoteClusters(kb)` then returns the one set), or when `giveUp()`
 * says so (the process is shutting down).
 */
export async function prepareQuoteClusters(kb: KnowledgeBase, sliceMs = 15, giveUp: () => boolean = () => false): Promise<void> {
  const built = await runSliced(clusterSteps(kb), sliceMs, () => giveUp() || kb.hasDerived(buildClusters));
  if (built) kb.provide(buildClusters, built);
}

/** The clustering, pausing (`yield`) between pieces of work of well under a millisecond each. */
function* clusterSteps(kb: KnowledgeBase): Steps<QuoteClusters> {
  const personOf = new Map<string, { key: string; name: string }>();
  const credited = new Map<Statement, { key: string; name: string }>();
  for (const [i, p] of kb.people.entries()) {
    if (i % 256 === 0) yield;
    const person = { key: p.key, name: p.name };
    for (const ap of p.appearances) personOf.set(`${ap.articleId}\u0000${ap.speakerId}`, person);
    for (const c of p.credited) credited.set(c.statement, person);
  }
  const reports: QuoteReport[] = [];
  for (const [order, article] of kb.articles.entries()) {
    yield;
    for (const statement of kb.analysis(article.id).statements) {
      if (statement.kind !== 'direct') continue;
      const report = reportOf(article.body, statement);
      if (!report || report.words.length < MIN_WORDS) continue;
      const person = statement.speakerId ? personOf.get(`${article.id}\u0000${statement.speakerId}`) : credited.get(statement);
      reports.push({
        articleId: article.id,
        articleOrder: order,
        ...(article.published ? { published: article.published } : {}),
        ...(article.publisher ? { publisher: article.publisher } : {}),
        statement,
        ...report,
        person: person?.key ?? null,
        personName: person?.name ?? null,
      });
    }
  }
  const groups = yield* sameWordGroups(reports);
  const clusters: QuoteCluster[] = [];
  const byStatement = new Map<Statement, QuoteCluster>();
  for (const group of groups) {
    yield;
    const named = new Map<string, QuoteReport[]>();
    const unnamed: QuoteReport[] = [];
    for (const r of group) {
      if (r.person === null) unnamed.push(r);
      else (named.get(r.person) ?? named.set(r.person, []).get(r.person)!).push(r);
    }
    // Unnamed reports join the cluster only when one person is credited with these words.
    const parts = [...named.values()];
    if (parts.length === 1) parts[0]!.push(...unnamed);
    else if (unnamed.length) parts.push(unnamed);
    const made = parts.map((members) => ({ id: 0, reports: onePerArticle(members), conflicts: [] as QuoteCluster[] }));
    const namedClusters = made.filter((c) => c.reports.some((r) => r.person !== null));
    for (const c of namedClusters) if (namedClusters.length > 1) c.conflicts = namedClusters.filter((o) => o !== c);
    for (const c of made) {
      if (c.reports.length < 2 && c.conflicts.length === 0) continue;
      c.id = clusters.length;
      clusters.push(c);
      for (const r of c.reports) byStatement.set(r.statement, c);
      // A second report of the quote in the same article belongs to the cluster too.
      for (const r of group) if (!byStatement.has(r.statement) && c.reports.some((x) => x.articleId === r.articleId && x.person === r.person)) byStatement.set(r.statement, c);
    }
  }
  return { clusters, of: (_articleId, statement) => byStatement.get(statement) };
}

/** The quoted text of a direct statement and its words; interrupted quotes are joined with a space. */
function reportOf(body: string, statement: Statement): Pick<QuoteReport, 'text' | 'words' | 'ellipses'> | null {
  const pieces = statement.fragments?.length ? statement.fragments : [[statement.content.start, statement.content.end] as [number, number]];
  const text = pieces.map(([s, e]) => body.slice(s, e).trim()).join(' ');
  if (!text) return null;
  const w = words(text);
  const ellipses: number[] = [];
  for (const m of text.matchAll(/…|\.\s?\.\s?\./g)) {
    let before = -1;
    while (before + 1 < w.length && w[before + 1]!.start < m.index) before++;
    ellipses.push(before);
  }
  return { text, words: w, ellipses };
}

/** Earliest report of each article, earliest first. */
function onePerArticle(members: QuoteReport[]): QuoteReport[] {
  const sorted = [...members].sort(byDate);
  const seen = new Set<string>();
  return sorted.filter((r) => !seen.has(r.articleId) && seen.add(r.articleId));
}

/** Earliest publication first; undated reports after dated ones; then article and reading order. */
export function byDate(a: Pick<QuoteReport, 'published' | 'articleOrder' | 'statement'>, b: Pick<QuoteReport, 'published' | 'articleOrder' | 'statement'>): number {
  if (a.published !== b.published) {
    if (!a.published) return 1;
    if (!b.published) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return a.articleOrder - b.articleOrder || a.statement.content.start - b.statement.content.start;
}

/**
 * Reports with the same or nearly the same words, as groups (union–find over near pairs). Pairs
 * come from shared 3-word windows, so a changed word still leaves a window in common, and only
 * pairs from different articles are compared.
 */
function* sameWordGroups(reports: QuoteReport[]): Steps<QuoteReport[][]> {
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Words as ids: each report's in reading order (3-word windows as one number) and sorted (for
  // a cheap bound before any alignment, below).
  const ids = new Map<string, number>();
  const seqs: Int32Array[] = [];
  const bags: Int32Array[] = [];
  for (const r of reports) {
    if (seqs.length % 256 === 0) yield;
    const q = Int32Array.from(r.words, (w) => ids.get(w.norm) ?? ids.set(w.norm, ids.size).get(w.norm)!);
    seqs.push(q);
    bags.push(Int32Array.from(q).sort());
  }
  const base = ids.size + 1;
  // Each report's distinct 3-word windows (one number each), and the reports holding each window.
  const postings = new Map<number, number[]>();
  const windows: number[][] = [];
  for (const [i, q] of seqs.entries()) {
    if (i % 256 === 0) yield;
    const own: number[] = [];
    for (let k = 0; k + 3 <= q.length; k++) {
      // Exact below 2^53 for any vocabulary under 200,000 words.
      const key = (q[k]! * base + q[k + 1]!) * base + q[k + 2]!;
      const list = postings.get(key);
      if (!list) postings.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
      else continue; // a window this report already has
      own.push(key);
    }
    windows.push(own);
  }
  // Report by report, count the windows it shares with each later report of another article, then
  // verify only pairs sharing enough of them: a pair within the allowance loses at most three
  // windows per differing word and two per ellipsis. (Counting per report keeps every piece of
  // work small, where one map of all pairs grew to millions of entries and stalled on a resize.)
  const n = reports.length;
  const counts = new Int32Array(n);
  const touched: number[] = [];
  let aligned = 0; // word pairs compared by alignments since the last pause
  for (let i = 0; i < n; i++) {
    if (i % 16 === 0) yield;
    const a = reports[i]!;
    for (const key of windows[i]!) {
      const list = postings.get(key)!;
      if (list.length < 2 || list.length > MAX_WINDOW_POSTINGS) continue;
      for (const j of list) {
        if (j <= i || reports[j]!.articleId === a.articleId) continue;
        const seen = counts[j]!;
        if (seen === 0) touched.push(j);
        counts[j] = seen + 1;
      }
    }
    for (const j of touched) {
      const count = counts[j]!;
      counts[j] = 0;
      const b = reports[j]!;
      const shorter = a.words.length <= b.words.length ? a : b;
      const allowance = Math.max(2, Math.floor(Math.max(a.words.length, b.words.length) / 10));
      const needed = shorter.words.length - 2 - 3 * allowance - 2 * (a.ellipses.length + b.ellipses.length);
      if (count < needed || find(i) === find(j)) continue;
      // The shorter report's words are all in the longer one but for changed words (cut words are
      // missing from the shorter side only), so the words in common bound the alignment from above.
      if (common(bags[i]!, bags[j]!) < Math.max(MIN_WORDS, shorter.words.length - allowance)) continue;
      if (sameWords(seqs[i]!, seqs[j]!, a.ellipses, b.ellipses)) parent[find(i)] = find(j);
      // A quotation many articles print can mean hundreds of alignments for one report.
      aligned += a.words.length * b.words.length;
      if (aligned > 2_000_000) {
        aligned = 0;
        yield;
      }
    }
    touched.length = 0;
  }
  const groups = new Map<number, QuoteReport[]>();
  reports.forEach((r, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(r);
    else groups.set(root, [r]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Size of the multiset intersection of two sorted id lists. */
function common(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/**
 * Whether two reports print the same quotation: equal words, or at most two words apart (a word
 * dropped, added or changed counts one; one more allowed per ten words of a long quote); words
 * one side leaves out where it prints an ellipsis do not count.
 */
export function sameQuote(a: Pick<QuoteReport, 'words' | 'ellipses'>, b: Pick<QuoteReport, 'words' | 'ellipses'>): boolean {
  const ids = new Map<string, number>();
  const seq = (r: Pick<QuoteReport, 'words'>) => r.words.map((w) => ids.get(w.norm) ?? ids.set(w.norm, ids.size).get(w.norm)!);
  return sameWords(seq(a), seq(b), a.ellipses, b.ellipses);
}

/** `sameQuote` on word ids (the clustering loop's form). */
function sameWords(a: ArrayLike<number>, b: ArrayLike<number>, aEllipses: readonly number[], bEllipses: readonly number[]): boolean {
  const an = a.length;
  const bn = b.length;
  if (Math.min(an, bn) < MIN_WORDS) return false;
  // Fast bound before any alignment: the shorter report can only be missing more words than the
  // allowance where it prints an ellipsis.
  const allowance = Math.max(2, Math.floor(Math.max(an, bn) / 10));
  if (Math.abs(an - bn) > allowance && (an <= bn ? aEllipses : bEllipses).length === 0) return false;
  // The commonest case, the same words word for word, needs no alignment (it would be all "same").
  if (an === bn && sameSequence(a, b)) return true;
  let apart = 0;
  let same = 0;
  for (const s of alignWords(a, b)) {
    if (s.op === 'same') {
      same += s.a!.length;
      continue;
    }
    // Words missing on one side only, where that side prints an ellipsis, are a cut, not a change.
    const cut = (s.b === undefined && bEllipses.includes(s.bAt - 1)) || (s.a === undefined && aEllipses.includes(s.aAt - 1));
    if (!cut) apart += Math.max(s.a?.length ?? 0, s.b?.length ?? 0);
    if (apart > allowance) return false;
  }
  return same >= MIN_WORDS && apart <= allowance;
}


/** Whether two id sequences of the same length are equal. */
function sameSequence(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
