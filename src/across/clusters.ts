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

const built = new WeakMap<KnowledgeBase, QuoteClusters>();

/** The knowledge base's quote clusters, built on first use and kept with it. */
export function quoteClusters(kb: KnowledgeBase): QuoteClusters {
  let c = built.get(kb);
  if (!c) {
    c = buildClusters(kb);
    built.set(kb, c);
  }
  return c;
}

/** Builds the clusters (exposed for the benchmark: `quoteClusters` caches). */
export function buildClusters(kb: KnowledgeBase): QuoteClusters {
  const personOf = new Map<string, { key: string; name: string }>();
  for (const p of kb.people) for (const ap of p.appearances) personOf.set(`${ap.articleId}\u0000${ap.speakerId}`, { key: p.key, name: p.name });
  const credited = new Map<Statement, { key: string; name: string }>();
  for (const p of kb.people) for (const c of p.credited) credited.set(c.statement, { key: p.key, name: p.name });
  const reports: QuoteReport[] = [];
  kb.articles.forEach((article, order) => {
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
  });
  const groups = sameWordGroups(reports);
  const clusters: QuoteCluster[] = [];
  const byStatement = new Map<Statement, QuoteCluster>();
  for (const group of groups) {
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
function sameWordGroups(reports: QuoteReport[]): QuoteReport[][] {
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const postings = new Map<string, number[]>();
  reports.forEach((r, i) => {
    const seen = new Set<string>();
    for (let k = 0; k + 3 <= r.words.length; k++) {
      const key = `${r.words[k]!.norm} ${r.words[k + 1]!.norm} ${r.words[k + 2]!.norm}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
  });
  const tried = new Set<number>();
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_WINDOW_POSTINGS) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        if (reports[i]!.articleId === reports[j]!.articleId || find(i) === find(j)) continue;
        const pair = i * reports.length + j;
        if (tried.has(pair)) continue;
        tried.add(pair);
        if (sameQuote(reports[i]!, reports[j]!)) parent[find(i)] = find(j);
      }
    }
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

/**
 * Whether two reports print the same quotation: equal words, or at most two words apart (a word
 * dropped, added or changed counts one; one more allowed per ten words of a long quote); words
 * one side leaves out where it prints an ellipsis do not count.
 */
export function sameQuote(a: Pick<QuoteReport, 'words' | 'ellipses'>, b: Pick<QuoteReport, 'words' | 'ellipses'>): boolean {
  const an = a.words.length;
  const bn = b.words.length;
  const longer = Math.max(an, bn);
  if (Math.min(an, bn) < MIN_WORDS) return false;
  // Fast bounds before any alignment: a length gap larger than the allowance (or an ellipsis).
  const allowance = Math.max(2, Math.floor(longer / 10));
  if (Math.abs(an - bn) > allowance && a.ellipses.length === 0 && b.ellipses.length === 0) return false;
  const steps = alignWords(a.words.map((w) => w.norm), b.words.map((w) => w.norm));
  let apart = 0;
  let same = 0;
  for (const s of steps) {
    if (s.op === 'same') {
      same += s.a!.length;
      continue;
    }
    // Words missing on one side only, where that side prints an ellipsis, are a cut, not a change.
    const cut = (s.b === undefined && b.ellipses.includes(s.bAt - 1)) || (s.a === undefined && a.ellipses.includes(s.aAt - 1));
    if (!cut) apart += Math.max(s.a?.length ?? 0, s.b?.length ?? 0);
  }
  return same >= MIN_WORDS && apart <= allowance;
}
