/**
 * Renders an Answer for a terminal: the same content a Discord reply carries (excerpt,
 * attribution, kind, article, paragraph), as plain text. Matched words are bold when `color`.
 */
import type { Answer, Excerpt } from '../core/answer';
import { quizLines } from './quizText';

const KIND_LABEL: Record<Excerpt['kind'], string> = {
  direct: 'quote',
  indirect: 'paraphrase',
  narration: "reporter's narration",
};

const MATCH_LABEL: Record<NonNullable<Excerpt['match']>, string> = {
  exact: 'exact match',
  fuzzy: 'close match',
  related: 'related passage, not a match',
};

export interface TextRenderOptions {
  /** Use ANSI bold for highlights. */
  color?: boolean;
  /** Wrap lines at word boundaries to this many columns (the terminal's width); unset = no wrapping. */
  width?: number;
}

export function renderText(answer: Answer, options: TextRenderOptions = {}): string {
  const out: string[] = [];
  if (answer.notice) out.push(...answer.notice.split('\n'), '');
  // An article's link is shown once per answer, with its first excerpt.
  const linked = new Set<string>();
  answer.excerpts.forEach((e, i) => {
    out.push(`[${i + 1}] ${highlight(e, options.color ?? false)}`);
    const label = [KIND_LABEL[e.kind], e.match ? MATCH_LABEL[e.match] : undefined, e.corrected ? "corrected by this server's members" : undefined].filter(Boolean).join(' · ');
    out.push(`    — ${e.source} (${label})`);
    if (e.differs) out.push(`    not the same words: ${e.differs}`);
    if (e.cluster) out.push(...clusterLines(e.cluster));
    const link = e.article.url && !linked.has(e.article.id) ? ` — ${e.article.url}` : '';
    linked.add(e.article.id);
    out.push(`    ${e.article.title} [${e.article.id}], paragraph ${e.paragraph}${link}`);
    out.push('');
  });
  if (answer.people) {
    for (const p of answer.people) {
      const details = [p.role, p.affiliation].filter(Boolean).join('; ');
      out.push(`• ${p.name}${details ? ` — ${details}` : ''} (${p.quotes} statement${p.quotes === 1 ? '' : 's'})`);
    }
    if (answer.people.length) out.push('');
  }
  if (answer.timeline) {
    for (const t of answer.timeline) {
      out.push(`${t.date ?? 'undated'} · ${t.article.title} [${t.article.id}] ¶${t.paragraph} · ${KIND_LABEL[t.kind]} — ${t.source}: ${t.text}`);
    }
    if (answer.timeline.length) out.push('');
  }
  if (answer.chart) {
    out.push(`${answer.chart.title} (${answer.chart.measure}):`);
    for (const r of answer.chart.rows) out.push(`  ${r.label} · ${r.series}: ${r.value}`);
    out.push('');
  }
  for (const f of answer.files ?? []) {
    const what = f.contentType.startsWith('image/') ? 'Chart' : 'File';
    out.push(`${f.path ? `${what} written to ${f.path}` : `${what} ${f.name} (not written)`} — ${f.description}`, '');
  }
  if (answer.articles) {
    for (const a of answer.articles) {
      const by = [a.publisher, a.author, a.published].filter(Boolean).join(', ');
      const library = a.addedBy ? `, ${a.quotes ?? 0} quotes — added by ${a.addedBy}${a.addedAt ? ` on ${a.addedAt.slice(0, 10)}` : ''}` : '';
      out.push(`• ${a.title} [${a.id}]${by ? ` — ${by}` : ''} — ${a.paragraphs} paragraphs${library}`);
    }
    if (answer.articles.length) out.push('');
  }
  if (answer.added) {
    const c = answer.added;
    out.push(`${c.title} [${c.articleId}]${c.url ? ` — ${c.url}` : ''}`);
    out.push(`    ${[c.site, c.author, c.published].filter(Boolean).join(', ') || '(no site, byline or date found)'}`);
    out.push(`    ${c.paragraphs} paragraphs, ${c.quotes} quotes${c.topSpeakers.length ? `; top speakers: ${c.topSpeakers.join(', ')}` : ''}`);
    out.push(`    Undo: /library remove article:${c.articleId}`);
  }
  if (answer.quiz) out.push(...quizLines(answer.quiz));
  if (answer.correction) {
    const c = answer.correction;
    out.push(`Pick one (speaker:<name or number>):`);
    c.choices.forEach((ch, i) => out.push(`  ${i + 1}. ${ch.label}`));
    out.push('');
  }
  if (answer.corrections) {
    for (const c of answer.corrections.items) {
      const state = c.stale ? 'accepted, NOT applied: the sentence changed' : c.status;
      out.push(`#${c.id} (${state}) ${c.article.title} [${c.article.id}] ¶${c.paragraph}: ${c.text}`);
      out.push(`    ${c.from} → ${c.to} · proposed by ${c.proposedBy} on ${c.proposedAt.slice(0, 10)}${c.status === 'pending' ? ` · /corrections accept:${c.id} or reject:${c.id}` : ''}`);
    }
    if (answer.corrections.more) out.push(`…and ${answer.corrections.more} more pending.`);
    if (answer.corrections.feedback.length) {
      out.push('Feedback on answers:');
      for (const f of answer.corrections.feedback) out.push(`  /${f.command}: 👍 ${f.up} · 👎 ${f.down}`);
    }
    out.push('');
  }
  if (out.length === 0) out.push('(no answer)');
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  const lines = out.flatMap((l) => l.split('\n'));
  return (options.width ? lines.flatMap((l) => wrapLine(l, options.width!)) : lines).join('\n');
}

/** A quotation several articles report: who reported it when, and how each words it. */
function clusterLines(c: NonNullable<Excerpt['cluster']>): string[] {
  const out = [`    ${c.summary}:`];
  for (const r of c.reports) {
    const where = [r.publisher, r.published].filter(Boolean).join(', ');
    out.push(`      · ${where ? `${where}, ` : ''}${r.article.title} [${r.article.id}] ¶${r.paragraph} — ${r.source}${r.wording ? `; wording: ${r.wording}` : ''}`);
  }
  if (c.conflict) out.push(`    ⚠ ${c.conflict}`);
  return out;
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Visible width of a line: ANSI escapes take no room. */
function visible(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/**
 * Breaks a line at spaces so no word is cut by the terminal; continuation lines keep the line's
 * indent (four more spaces after an `[n]` marker). A single word longer than the width (a URL)
 * stays whole on its own line.
 */
export function wrapLine(line: string, width: number): string[] {
  if (visible(line) <= width) return [line];
  const lead = /^\s*(?:\[\d+\] |• )?/.exec(line)![0];
  const indent = ' '.repeat(Math.min(lead.length, Math.floor(width / 3)));
  const words = line.slice(lead.length).split(' ');
  const out: string[] = [];
  let current = lead + words[0]!;
  for (const word of words.slice(1)) {
    if (visible(current) + 1 + visible(word) > width) {
      out.push(current);
      current = indent + word;
    } else current += ` ${word}`;
  }
  out.push(current);
  return out;
}
function highlight(e: Excerpt, color: boolean): string {
  const ranges = [...(e.highlights ?? [])].sort((a, b) => a[0] - b[0]);
  if (!color || ranges.length === 0) return e.text;
  let out = '';
  let at = 0;
  for (const [s, t] of ranges) {
    if (s < at) continue;
    out += e.text.slice(at, s) + `\x1b[1m${e.text.slice(s, t)}\x1b[22m`;
    at = t;
  }
  return out + e.text.slice(at);
}
