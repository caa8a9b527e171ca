/**
 * `/chart`: a picture of the library (or one article): who is quoted most (statements by speaker,
 * direct quotes and paraphrases), voices by party or country, and statements per article over
 * time. The numbers go in the answer (`chart`) and the PNG in `files`, with alt text that states
 * the same numbers. Renders with Vega-Lite and resvg, loaded on the first chart only.
 */
import type { Answer, ChartData } from '../core/answer';
import { UserInputError } from '../core/errors';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Statement } from '../analysis/types';
import { articleFilter } from './filters';

export const CHART_KINDS = ['speakers', 'parties', 'articles'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** Bars in one chart: more would be unreadable at Discord's preview size. */
export const MAX_BARS = 15;

const SERIES: Record<Statement['kind'], string> = { direct: 'direct', indirect: 'paraphrase' };

export async function chartAnswer(kb: KnowledgeBase, kind: string | undefined, articleId?: string): Promise<Answer> {
  const of = (kind ?? 'speakers').trim().toLowerCase();
  if (!(CHART_KINDS as readonly string[]).includes(of)) {
    throw new UserInputError(`Pick a chart: ${CHART_KINDS.join(', ')} (e.g. /chart of:speakers).`);
  }
  if (articleId) articleFilter(kb, articleId); // validates the id
  const only = articleId?.trim().toLowerCase();
  const data = chartData(kb, of as ChartKind, only);
  if (data.rows.length === 0) {
    return { command: 'chart', excerpts: [], chart: data, notice: `Nothing to chart: no attributed statements${only ? ' in that article' : ' in the loaded articles'}.` };
  }
  const picture = await rendered(kb, `${of}\u0000${only ?? ''}`, data);
  const name = `quotebook-${of}${only ? `-${only}` : ''}.png`;
  return {
    command: 'chart',
    excerpts: [],
    chart: data,
    files: [{ name, contentType: 'image/png', description: altText(data), data: picture.png }],
    notice: `${data.title}. Counted from the attribution engine's statements${of === 'articles' ? ' (named and unnamed sources)' : of === 'parties' ? ' whose speaker the articles link to a party' : ' with a named speaker; unnamed sources are left out'}.`,
  };
}

/** Pictures already drawn per knowledge base (`kb.derived`): the same data draws the same picture. */
const newPictureCache = (): Map<string, Promise<RenderedChart>> => new Map();
/** Pictures kept per knowledge base (a few kinds × articles asked for). */
const MAX_KEPT = 64;

type RenderedChart = Awaited<ReturnType<typeof import('../chart/render').renderChart>>;

/** Draws `data` (loading the renderer on first use), or returns the picture drawn for `key` before. */
function rendered(kb: KnowledgeBase, key: string, data: ChartData): Promise<RenderedChart> {
  const kept = kb.derived(newPictureCache);
  let picture = kept.get(key);
  if (!picture) {
    picture = import('../chart/render').then(({ renderChart }) => renderChart(data));
    // A failed drawing is not kept: the next /chart tries again.
    picture.catch(() => kept.delete(key));
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, picture);
  }
  return picture;
}

/** The numbers behind a chart of `kind`, largest first (articles: by publication date). */
export function chartData(kb: KnowledgeBase, kind: ChartKind, articleId?: string): ChartData {
  const articles = articleId ? kb.articles.filter((a) => a.id === articleId) : kb.articles;
  const scope = articleId ? `in ${articles[0]?.title ?? articleId}` : `in ${kb.articles.length} article${kb.articles.length === 1 ? '' : 's'}`;
  const counts = new Map<string, { direct: number; paraphrase: number; order: number }>();
  const bump = (label: string, statement: Statement, order = 0) => {
    let c = counts.get(label);
    if (!c) counts.set(label, (c = { direct: 0, paraphrase: 0, order }));
    if (SERIES[statement.kind] === 'direct') c.direct++;
    else c.paraphrase++;
  };
  if (kind === 'speakers') {
    const personOf = new Map<string, string>();
    for (const p of kb.people) for (const ap of p.appearances) personOf.set(`${ap.articleId}\u0000${ap.speakerId}`, p.name);
    const wanted = new Set(articles.map((a) => a.id));
    for (const a of articles) {
      for (const s of kb.analysis(a.id).statements) {
        const name = s.speakerId ? personOf.get(`${a.id}\u0000${s.speakerId}`) : undefined;
        if (name) bump(name, s);
      }
    }
    for (const p of kb.people) for (const c of p.credited) if (wanted.has(c.articleId)) bump(p.name, c.statement);
  } else if (kind === 'parties') {
    for (const a of articles) {
      const links = kb.parties.article(a.id).speakerParty;
      for (const s of kb.analysis(a.id).statements) {
        const party = s.speakerId ? links.get(s.speakerId) : undefined;
        if (party) bump(kb.parties.registry.parties.get(party)?.name ?? party, s);
      }
    }
  } else {
    articles.forEach((a, i) => {
      const label = `${a.published ?? 'undated'} · ${a.title}`;
      for (const s of kb.analysis(a.id).statements) bump(label, s, i);
      if (!counts.has(label)) counts.set(label, { direct: 0, paraphrase: 0, order: i });
    });
  }
  let entries = [...counts.entries()];
  if (kind === 'articles') {
    // Over time: the latest articles, oldest at the top.
    const dated = (l: string) => (l.startsWith('undated') ? '9999' : l);
    entries = entries.sort((x, y) => (dated(x[0]) < dated(y[0]) ? -1 : dated(x[0]) > dated(y[0]) ? 1 : x[1].order - y[1].order)).slice(-MAX_BARS);
  } else {
    entries = entries.sort((x, y) => y[1].direct + y[1].paraphrase - (x[1].direct + x[1].paraphrase) || x[0].localeCompare(y[0])).slice(0, MAX_BARS);
  }
  const rows = entries.flatMap(([label, c]) => [
    { label, series: 'direct', value: c.direct },
    { label, series: 'paraphrase', value: c.paraphrase },
  ]);
  const title =
    kind === 'speakers'
      ? `Who is quoted most ${scope}`
      : kind === 'parties'
        ? `Voices by party or country ${scope}`
        : `Statements per article over time ${scope}`;
  return { title, measure: 'statements (direct quotes and paraphrases)', rows };
}

/** Alt text: the chart's title and every bar's numbers, within Discord's 1024 characters. */
export function altText(data: ChartData): string {
  const labels = [...new Set(data.rows.map((r) => r.label))];
  const parts = labels.map((l) => {
    const d = data.rows.find((r) => r.label === l && r.series === 'direct')?.value ?? 0;
    const p = data.rows.find((r) => r.label === l && r.series === 'paraphrase')?.value ?? 0;
    return `${l}: ${d + p} (${d} direct, ${p} paraphrase)`;
  });
  let text = `Bar chart. ${data.title}, ${data.measure}: `;
  for (const [i, part] of parts.entries()) {
    const next = `${part}${i < parts.length - 1 ? '; ' : '.'}`;
    if (text.length + next.length > 1000) return `${text}and ${parts.length - i} more.`;
    text += next;
  }
  return text;
}
