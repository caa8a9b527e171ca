/**
 * Shows a quotation reported by several articles once: the excerpt gets the cluster (every report,
 * earliest first, how each words it differently) and later excerpts of the same cluster are
 * dropped. Different people credited with the same words stay separate excerpts, each flagged.
 */
import type { Cluster, Excerpt } from '../core/answer';
import type { Statement } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { quoteClusters, type QuoteCluster, type QuoteReport } from '../across/clusters';
import { wordingDifferences } from '../across/wording';
import { attribution } from './excerpts';

/** An excerpt with the statement it shows (null for narration). */
export interface Shown {
  excerpt: Excerpt;
  articleId: string;
  statement: Statement | null;
}

/** The excerpts with clusters attached, each cluster shown once (where it first appears). */
export function collapseClusters(kb: KnowledgeBase, items: readonly Shown[]): Excerpt[] {
  const clusters = quoteClusters(kb);
  if (clusters.clusters.length === 0) return items.map((i) => i.excerpt);
  const shown = new Set<QuoteCluster>();
  const out: Excerpt[] = [];
  for (const item of items) {
    const cluster = item.statement ? clusters.of(item.articleId, item.statement) : undefined;
    if (!cluster) {
      out.push(item.excerpt);
      continue;
    }
    if (shown.has(cluster)) continue;
    shown.add(cluster);
    out.push({ ...item.excerpt, cluster: clusterInfo(kb, cluster) });
  }
  return out;
}

/** The cluster as answer data. */
export function clusterInfo(kb: KnowledgeBase, cluster: QuoteCluster): Cluster {
  const first = cluster.reports[0]!;
  const reports = cluster.reports.map((r) => {
    const article = kb.article(r.articleId)!;
    const rec = kb.paragraphAt(r.articleId, r.statement.content.start)!;
    const wording = r === first ? '' : wordingDifferences(first, r);
    return {
      article: { id: article.id, title: article.title, ...(article.url ? { url: article.url } : {}) },
      ...(r.publisher ? { publisher: r.publisher } : {}),
      ...(r.published ? { published: r.published } : {}),
      paragraph: rec.paragraph.number,
      source: attribution(kb, rec, r.statement).source,
      ...(wording ? { wording } : {}),
    };
  });
  const n = cluster.reports.length;
  const summary =
    n > 1
      ? `reported by ${n} articles, first ${first.published ? `on ${first.published} ` : ''}by ${reporter(kb, first)}` +
        (reports.some((r) => r.wording) ? '; the wording differs between reports' : '; the same words in every report')
      : `reported by 1 article (${reporter(kb, first)})`;
  const conflict = cluster.conflicts.length
    ? `Articles disagree on who said this: ${cluster.conflicts
        .map((c) => {
          const r = c.reports[0]!;
          const more = c.reports.length > 1 ? ` and ${c.reports.length - 1} more` : '';
          return `${reporter(kb, r)}${r.published ? ` (${r.published})` : ''}${more} credit${c.reports.length > 1 || more ? '' : 's'} it to ${r.personName ?? 'someone else'}`;
        })
        .join('; ')}.`
    : undefined;
  return { summary, reports, ...(conflict ? { conflict } : {}) };
}

/** Who published a report: the publisher, or the article's title when none is given. */
function reporter(kb: KnowledgeBase, r: QuoteReport): string {
  return r.publisher ?? `“${kb.article(r.articleId)?.title ?? r.articleId}”`;
}
