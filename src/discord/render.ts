/**
 * Answer → Discord message. One embed per excerpt (quote with the matched words in bold, who
 * said it, kind, match, article, paragraph; publisher and date in the footer), pages of a few
 * excerpts with Prev/Next buttons, "Open article" link buttons, people and articles as fields.
 * All untrusted text is escaped, everything is cut to Discord's limits, and the result always
 * carries `allowed_mentions: { parse: [] }` (via `safeMessage`).
 */
import { mergeRanges } from '../core/ranges';
import { ButtonStyle, ComponentType, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Answer, Excerpt } from '../core/answer';
import type { ArticleMeta } from '../core/article';
import { EXCERPT_QUOTE_CHARS, THREAD_NAME_MAX } from '../core/limits';
import { escapeAndFit, escapeMarkdown, neutraliseMentions, truncate } from './markdown';
import { safeMessage, type MessageData, type SafeMessage } from './respond';
import { uploadName } from './files';
import { addedCard } from './card';
import { answerRow, correctionsParts, pickRow } from './correctionComponents';

export const EXCERPTS_PER_PAGE = 3;
export const LIST_ITEMS_PER_PAGE = 10;

/** Discord's documented limits (characters). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  buttonLabel: 80,
  buttonsPerRow: 5,
  /** A link button's URL, counted as sent (percent-encoded). */
  url: 512,
  /** An embed's URL, counted as sent (percent-encoded). */
  embedUrl: 2048,
} as const;

/** Leave headroom under 6000 so rounding in our estimate never matters. */
const EMBED_BUDGET = 5800;

/**
 * Generous sizes for one page; when a page would exceed the 6000-character total they are all
 * scaled down together (see `renderAnswer`), so no single part can starve the others.
 */
const SIZES = { quote: EXCERPT_QUOTE_CHARS, title: LIMITS.embedTitle, source: 300, footer: 300, fieldName: 200, fieldValue: 600 } as const;
type Sizes = { [K in keyof typeof SIZES]: number };
const scaled = (scale: number): Sizes =>
  Object.fromEntries(Object.entries(SIZES).map(([k, v]) => [k, Math.max(24, Math.floor(v * scale))])) as Sizes;

const KIND_LABEL: Record<Excerpt['kind'], string> = { direct: 'quote', indirect: 'paraphrase', narration: 'narration' };
const MATCH_LABEL: Record<NonNullable<Excerpt['match']>, string> = {
  exact: 'exact',
  fuzzy: 'fuzzy (similar words)',
  related: 'related: closest passage, not a match',
};
const MATCH_COLOR: Record<NonNullable<Excerpt['match']>, number> = { exact: 0x2e8b57, fuzzy: 0xdaa520, related: 0x808080 };

export interface RenderOptions {
  /** Article metadata for publisher/date/URL (e.g. `kb.articles`). */
  articles?: readonly ArticleMeta[];
  /** 0-based page to show; clamped to the pages that exist. */
  page?: number;
  /** `custom_id` for a button showing `page`; without it no paging buttons are drawn. */
  pageId?: (page: number) => string;
  /** Draw "Wrong speaker?" on excerpt cards and 👍/👎 for this command (an answer in a server with corrections). */
  feedback?: { command: string };
}

/**
 * Only http(s) URLs become links, and only when the URL as sent — percent-encoded, which can
 * make a short URL with Hangul or spaces several times longer — fits `max`; anything else is dropped.
 */
const RFC3986_HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]+)(?::\d*)?$/;

export function safeUrl(url: string | undefined, max: number): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    // The WHATWG parser accepts hosts RFC 3986 does not (a fullwidth grave accent maps to "`"), and
    // Discord's `uri` check refuses the whole message for one such link: drop it instead.
    if (!RFC3986_HOST.test(parsed.host)) return undefined;
    const sent = strictUri(parsed.href);
    return sent.length <= max ? sent : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The WHATWG `href` leaves a few characters raw that RFC 3986 (and so Discord's `uri` check) does
 * not allow: `|`, `{`, `^`, `[` outside the host, a second `#`, a `%` not starting an escape.
 * Percent-encode them. `href` is an http(s) URL, so its path starts at the first `/` after `//`.
 */
function strictUri(href: string): string {
  const pathAt = href.indexOf('/', href.indexOf('//') + 2);
  const origin = href.slice(0, pathAt);
  const rest = href.slice(pathAt);
  const hash = rest.indexOf('#');
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash + 1);
  const fragment = hash < 0 ? '' : rest.slice(hash + 1).replaceAll('#', '%23');
  return origin + (beforeHash + fragment).replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
}

/**
 * Discord merges the embeds of one message that share a `url` and shows only the first one's
 * text, so each excerpt embed links to its own paragraph (`#p<n>`, a fragment the page ignores
 * but Discord tells apart). When that cannot make the URL distinct (the URL already has a
 * fragment, two excerpts of one paragraph, too long), the later embed carries no URL.
 */
function distinctUrls(urls: Array<{ url: string | undefined; paragraph: number }>): Array<string | undefined> {
  const used = new Set<string>();
  return urls.map(({ url, paragraph }) => {
    if (!url) return undefined;
    const parsed = new URL(url);
    let candidate: string | undefined = url;
    if (!parsed.hash) {
      parsed.hash = `p${paragraph}`;
      candidate = safeUrl(parsed.href, LIMITS.embedUrl);
    }
    if (!candidate || used.has(candidate)) return undefined;
    used.add(candidate);
    return candidate;
  });
}

/** Escaped text with the highlighted ranges in bold, as a block quote. */
function quoteWithHighlights(ranges: Array<[number, number]>) {
  return (text: string): string => {
    let out = '';
    let at = 0;
    for (const [s, e] of ranges) {
      if (s >= text.length) break;
      const end = Math.min(e, text.length);
      out += escapeMarkdown(text.slice(at, s));
      const bold = text.slice(at > s ? at : s, end);
      // "** word**" does not render as bold; keep surrounding spaces outside the markers.
      const lead = /^\s*/.exec(bold)?.[0] ?? '';
      const core = bold.trim();
      const trail = core ? bold.slice(lead.length + core.length) : '';
      out += core ? `${lead}**${escapeMarkdown(core)}**${trail}` : bold;
      at = end;
    }
    out += escapeMarkdown(text.slice(at));
    return `> ${out.replace(/\n/g, '\n> ')}`;
  };
}

function footerFor(meta: ArticleMeta | undefined, max: number): string | undefined {
  const parts = [meta?.publisher, meta?.published].filter((p): p is string => Boolean(p));
  // Footers are plain text (no markdown), so they are only cut, not escaped.
  return parts.length ? truncate(neutraliseMentions(parts.join(' · ')), max) : undefined;
}

function excerptEmbed(excerpt: Excerpt, meta: ArticleMeta | undefined, size: Sizes, url: string | undefined): APIEmbed {
  const corrected = excerpt.corrected ? " *(corrected by this server's members)*" : '';
  const attribution = `\n— ${escapeAndFit(excerpt.source || 'unattributed', size.source)}${corrected}`;
  const related = excerpt.match === 'related' ? `*Closest passage, not a match${excerpt.differs ? ` (${escapeAndFit(excerpt.differs, size.source)})` : ''}:*\n` : '';
  const quote = escapeAndFit(excerpt.text, size.quote, quoteWithHighlights(mergeRanges(excerpt.highlights, excerpt.text.length)));
  const fields: APIEmbedField[] = [{ name: 'Kind', value: KIND_LABEL[excerpt.kind], inline: true }];
  if (excerpt.match) fields.push({ name: 'Match', value: MATCH_LABEL[excerpt.match], inline: true });
  fields.push({ name: 'Paragraph', value: `¶ ${excerpt.paragraph}`, inline: true });
  if (excerpt.cluster) fields.push(...clusterFields(excerpt.cluster, size));
  const footer = footerFor(meta, size.footer);
  return {
    title: escapeAndFit(excerpt.article.title || meta?.title || excerpt.article.id, size.title),
    ...(url ? { url } : {}),
    description: `${related}${quote}${attribution}`,
    fields,
    ...(footer ? { footer: { text: footer } } : {}),
    ...(excerpt.match ? { color: MATCH_COLOR[excerpt.match] } : {}),
  };
}

/** A quotation several articles report: the summary, each report and its wording, a conflict. */
function clusterFields(c: NonNullable<Excerpt['cluster']>, size: Sizes): APIEmbedField[] {
  const lines = c.reports.map((r) => {
    const where = [r.publisher ?? r.article.title, r.published].filter(Boolean).join(', ');
    return `• ${escapeMarkdown(where)} ¶${r.paragraph}${r.wording ? ` — ${escapeMarkdown(r.wording)}` : ''}`;
  });
  const fields: APIEmbedField[] = [{ name: 'Reported by', value: truncate(`${escapeMarkdown(c.summary)}\n${lines.join('\n')}`, size.fieldValue) }];
  if (c.conflict) fields.push({ name: '⚠ Conflict', value: escapeAndFit(c.conflict, size.fieldValue) });
  return fields;
}

const TIMELINE_KIND: Record<'direct' | 'indirect', string> = { direct: 'quote', indirect: 'paraphrase' };

/** One `/timeline` line as a field: date and article as the name, kind, source and words as the value. */
function timelineField(t: NonNullable<Answer['timeline']>[number], size: Sizes): APIEmbedField {
  const head = `${t.date ?? 'undated'} · ${t.article.title || t.article.id} ¶${t.paragraph}`;
  const body = `*${TIMELINE_KIND[t.kind]}* — ${escapeAndFit(t.source, size.source)}\n> ${escapeAndFit(t.text.replace(/\s+/g, ' '), Math.max(24, size.fieldValue - size.source - 20))}`;
  return field(head, body, size);
}

function listEmbed(title: string, fields: APIEmbedField[]): APIEmbed {
  return { title, fields: fields.slice(0, LIMITS.fields) };
}

/** A list field: `name` is raw text (escaped here), `value` is already markdown. */
function field(name: string, value: string, size: Sizes): APIEmbedField {
  return { name: escapeAndFit(name || '—', size.fieldName), value: value ? truncate(value, size.fieldValue) : '—' };
}

/** Characters Discord counts towards the 6000 total of one embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function linkButtons(excerpts: Excerpt[], metaOf: (id: string) => ArticleMeta | undefined): APIButtonComponent[] {
  const links = new Map<string, string>();
  for (const e of excerpts) {
    const url = safeUrl(e.article.url ?? metaOf(e.article.id)?.url, LIMITS.url);
    if (url && !links.has(url)) links.set(url, e.article.title || e.article.id);
  }
  const many = links.size > 1;
  return [...links]
    .slice(0, LIMITS.buttonsPerRow)
    .map(([url, title]) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      url,
      // Button labels are plain text (no markdown), so only length matters.
      label: many ? truncate(neutraliseMentions(`Open: ${title}`), LIMITS.buttonLabel) : 'Open article',
    }));
}

function pagingButtons(page: number, pages: number, pageId: (page: number) => string): APIButtonComponent[] {
  // Disabled buttons still need distinct ids; they are never pressed.
  return [
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: '◀ Prev',
      custom_id: page > 0 ? pageId(page - 1) : 'x:prev',
      disabled: page === 0,
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: `${page + 1}/${pages}`,
      custom_id: 'x:count',
      disabled: true,
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'Next ▶',
      custom_id: page < pages - 1 ? pageId(page + 1) : 'x:next',
      disabled: page >= pages - 1,
    },
  ];
}

/** Number of pages `answer` renders to. */
export function pageCount(answer: Answer): number {
  return Math.max(
    1,
    Math.ceil(answer.excerpts.length / EXCERPTS_PER_PAGE),
    Math.ceil((answer.people?.length ?? 0) / LIST_ITEMS_PER_PAGE),
    Math.ceil((answer.articles?.length ?? 0) / LIST_ITEMS_PER_PAGE),
    Math.ceil((answer.timeline?.length ?? 0) / LIST_ITEMS_PER_PAGE),
  );
}

/** Renders one page of `answer` as a Discord message body (mentions disabled). */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SafeMessage {
  const pages = pageCount(answer);
  const page = Math.min(Math.max(0, Math.trunc(options.page ?? 0)), pages - 1);
  const byId = new Map((options.articles ?? []).map((a) => [a.id, a]));
  const metaOf = (id: string) => byId.get(id);

  const excerpts = answer.excerpts.slice(page * EXCERPTS_PER_PAGE, (page + 1) * EXCERPTS_PER_PAGE);
  const people = (answer.people ?? []).slice(page * LIST_ITEMS_PER_PAGE, (page + 1) * LIST_ITEMS_PER_PAGE);
  const articles = (answer.articles ?? []).slice(page * LIST_ITEMS_PER_PAGE, (page + 1) * LIST_ITEMS_PER_PAGE);
  const timeline = (answer.timeline ?? []).slice(page * LIST_ITEMS_PER_PAGE, (page + 1) * LIST_ITEMS_PER_PAGE);

  const urls = distinctUrls(excerpts.map((e) => ({ url: safeUrl(e.article.url ?? metaOf(e.article.id)?.url, LIMITS.embedUrl), paragraph: e.paragraph })));
  const build = (size: Sizes): APIEmbed[] => {
    const embeds = excerpts.map((e, i) => excerptEmbed(e, metaOf(e.article.id), size, urls[i]));
    if (people.length) {
      embeds.push(
        listEmbed(
          'People',
          people.map((p) =>
            field(
              p.name,
              escapeMarkdown([p.role, p.affiliation, `${p.quotes} ${p.quotes === 1 ? 'statement' : 'statements'}`].filter(Boolean).join(' · ')),
              size,
            ),
          ),
        ),
      );
    }
    if (articles.length) {
      embeds.push(
        listEmbed(
          'Articles',
          articles.map((a) => {
            const url = safeUrl(a.url, LIMITS.url);
            const line =
              escapeMarkdown([a.publisher, a.author, a.published, `${a.paragraphs} paragraphs`, a.quotes !== undefined ? `${a.quotes} quotes` : ''].filter(Boolean).join(' · ')) +
              addedByText(a.addedBy, a.addedAt);
            const link = url && !/[()\s]/.test(url) ? `[Open article](${url})` : '';
            // The link goes first, and only when it fits whole, so cutting a long line never breaks it.
            return field(a.title || a.id, link && link.length < size.fieldValue ? `${link}\n${line}` : line, size);
          }),
        ),
      );
    }
    if (timeline.length) embeds.push(listEmbed('Timeline', timeline.map((t) => timelineField(t, size))));
    const chart = answer.files?.find((f) => f.contentType === 'image/png');
    if (chart && page === 0) {
      // The picture is uploaded with the message (src/discord/files.ts) and shown from the attachment.
      embeds.push({ title: escapeAndFit(answer.chart?.title ?? 'Chart', size.title), image: { url: `attachment://${uploadName(chart.name)}` } });
    }
    if (answer.added) embeds.push(addedCard(answer.added, safeUrl(answer.added.url, LIMITS.embedUrl)).embed);
    if (answer.corrections) embeds.push(...correctionsParts(answer.corrections, size.fieldValue).embeds);
    return embeds;
  };

  // Shrink every part together until the page fits the 6000-character total.
  let embeds: APIEmbed[] = [];
  for (let scale = 1; scale > 0.01; scale *= 0.75) {
    embeds = build(scaled(scale));
    if (embeds.reduce((n, e) => n + embedLength(e), 0) <= EMBED_BUDGET) break;
  }

  const summary: string[] = [];
  const counts: string[] = [];
  if (answer.excerpts.length) counts.push(`${answer.excerpts.length} ${answer.excerpts.length === 1 ? 'excerpt' : 'excerpts'}`);
  if (answer.people?.length) counts.push(`${answer.people.length} ${answer.people.length === 1 ? 'person' : 'people'}`);
  if (answer.articles?.length) counts.push(`${answer.articles.length} ${answer.articles.length === 1 ? 'article' : 'articles'}`);
  if (answer.timeline?.length) counts.push(`${answer.timeline.length} ${answer.timeline.length === 1 ? 'statement' : 'statements'}`);
  if (answer.chart) counts.push('chart');
  if (pages > 1) counts.push(`page ${page + 1}/${pages}`);
  if (counts.length) summary.push(`**/${escapeMarkdown(answer.command)}** · ${counts.join(' · ')}`);
  // The notice gets whatever the 2000-character content leaves after the summary line.
  if (answer.notice) summary.push(escapeAndFit(answer.notice, LIMITS.content - 1 - summary.join('\n').length));
  if (!counts.length && !answer.notice) summary.push('Nothing found.');

  const components: MessageData['components'] = [];
  if (pages > 1 && options.pageId) {
    components.push({ type: ComponentType.ActionRow, components: pagingButtons(page, pages, options.pageId) });
  }
  const links = linkButtons(excerpts, metaOf);
  if (links.length) components.push({ type: ComponentType.ActionRow, components: links });
  if (answer.added) components.push({ type: ComponentType.ActionRow, components: [addedCard(answer.added, undefined).undo] });
  const picker = answer.correction && pickRow(answer.correction);
  if (picker) components.push(picker);
  if (answer.corrections) components.push(...correctionsParts(answer.corrections).rows);
  const corrections = options.feedback && answerRow(excerpts, options.feedback.command);
  if (corrections) components.push(corrections);

  return safeMessage({
    content: truncate(summary.join('\n'), LIMITS.content),
    embeds: embeds.slice(0, LIMITS.embeds),
    components,
  });
}

/** " · added by @member on 2026-12-01" for a library article (a mention renders as a name and never pings). */
function addedByText(addedBy: string | undefined, addedAt: string | undefined): string {
  if (!addedBy) return '';
  const who = /^\d{17,20}$/.test(addedBy) ? `<@${addedBy}>` : escapeMarkdown(addedBy.slice(0, 32));
  return ` · added by ${who}${addedAt ? ` on ${escapeMarkdown(addedAt.slice(0, 10))}` : ''}`;
}

/** At most this many messages go into a thread (one per page); the intro says when there were more. */
export const THREAD_MESSAGES_MAX = 10;

/** A long answer as a thread: the thread's name, the short reply it hangs from, and one message per page. */
export interface ThreadPlan {
  name: string;
  intro: SafeMessage;
  messages: SafeMessage[];
}

/** Renders every page of `answer` (up to `THREAD_MESSAGES_MAX`) for a thread named after `title`. */
export function renderThread(answer: Answer, title: string, options: Pick<RenderOptions, 'articles'> = {}): ThreadPlan {
  const pages = pageCount(answer);
  const shown = Math.min(pages, THREAD_MESSAGES_MAX);
  // No paging buttons: every page is its own message in the thread.
  const messages = Array.from({ length: shown }, (_, page) => renderAnswer(answer, { ...options, page }));
  const summary = (messages[0]?.content ?? '').split('\n')[0] ?? '';
  const more = pages > shown ? ` (the first ${shown} of ${pages} pages; narrow the question to see the rest)` : '';
  return {
    // Thread names are plain text, 1–100 characters.
    name: truncate(neutraliseMentions(title.replace(/\s+/g, ' ').trim()) || `/${answer.command}`, THREAD_NAME_MAX),
    intro: safeMessage({ content: truncate(`${summary}\n*The whole answer is in the thread below${more}.*`, LIMITS.content) }),
    messages,
  };
}
