/**
 * `/position`: what the articles show about a party's stance, as attributed excerpts, ranked
 * 1. the party's own voice: statements of people linked to it ("Sullivan said …" for the US) and
 *    of sources named by it ("US officials said");
 * 2. reported stance: the party or one of its people is the subject of a stance, plan, speech or
 *    thought verb, or owns a stance noun ("Seoul views …", "Washington has begun looking into …",
 *    "Seoul's renewed push");
 * 3. others' claims about whether it will go along ("observers said it would be difficult for
 *    Washington to sign on …").
 * Plain mentions are not positions. Each excerpt's attribution comes from `excerptAt`, so a claim
 * about the party is credited to the claimant, never to the party.
 */
import { mergeRanges } from '../core/ranges';
import type { Answer, Excerpt } from '../core/answer';
import type { Statement } from '../analysis/types';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import { partyInPhrase } from '../parties/people';
import type { PartyRegistry } from '../parties/registry';
import { stanceFrame, type FrameKind } from '../parties/stance';
import { wordSimilarity } from '../search/phrase';
import { isStopWord, words, type Word } from '../text/words';
import { excerptAt, statementAt } from './excerpts';
import { articleFilter } from './filters';
import { sentencesOf } from '../core/article';

/** At most this many excerpts per answer (Discord shows ten comfortably, a dozen at most). */
export const MAX_POSITION_EXCERPTS = 12;

type Category = 1 | 2 | 3;

interface Found {
  excerpt: Excerpt;
  category: Category;
  order: number;
}

/** A stretch of body text that holds a stance: a party mention or a linked person's mention. */
interface Holder {
  start: number;
  end: number;
  party: string;
}

/**
 * A stance-holding range found in one paragraph, before it becomes an excerpt. Found once per
 * analysed body and party (replicas and wire copies share them), on the party's first /position.
 */
interface Item {
  /** Paragraph index inside the article. */
  para: number;
  start: number;
  end: number;
  bonus: number;
  marks: Array<[number, number]>;
  /** Category and rounded score as the excerpt will have them (ranking needs no excerpt). */
  cat: Category;
  score: number;
}

/** What one analysed body holds for /position. */
interface ArticleStances {
  /** Parties the article names or quotes people of. */
  named: Set<string>;
  /** Party id → its items in the article, in paragraph and discovery order. */
  byParty: Map<string, Item[]>;
}

/** One party's items across the knowledge base, grouped by (category, score), each group in kb order. */
interface PartyStances {
  buckets: Array<{ cat: Category; score: number; recs: number[]; items: Item[] }>;
  /** Paragraph ids that hold at least one item (for topics; on first use). */
  paragraphs?: Set<number>;
}

interface PositionIndex {
  /** statements array → speaker links → stances (articles with one analysis share all three). */
  articles: WeakMap<readonly Statement[], WeakMap<ReadonlyMap<string, string>, ArticleStances>>;
  parties: Map<string, PartyStances>;
  /** Article id → id of its first paragraph record. */
  firstRecord: (articleId: string) => number | undefined;
  /** Party id → the articles naming it (with their first record), in knowledge-base order; on first use. */
  naming?: Map<string, Array<{ articleId: string; first: number }>>;
}

function newPositionIndex(kb: KnowledgeBase): PositionIndex {
  const firstRecord = (articleId: string) => (kb.article(articleId)?.paragraphs.length ? kb.paragraphAt(articleId, 0)?.id : undefined);
  return { articles: new WeakMap(), parties: new Map(), firstRecord };
}

function positionIndex(kb: KnowledgeBase): PositionIndex {
  return kb.derived(newPositionIndex);
}

/** Items of one party across the knowledge base, computed on first use and kept. */
function partyStances(kb: KnowledgeBase, partyId: string): PartyStances {
  const pi = positionIndex(kb);
  let ps = pi.parties.get(partyId);
  if (ps) return ps;
  if (!pi.naming) {
    // One pass over the articles for every party: a party's first /position then reads only the
    // articles that name it.
    pi.naming = new Map();
    for (const article of kb.articles) {
      const first = pi.firstRecord(article.id);
      if (first === undefined) continue;
      for (const p of stancesOf(kb, pi, article.id).named) {
        const list = pi.naming.get(p);
        if (list) list.push({ articleId: article.id, first });
        else pi.naming.set(p, [{ articleId: article.id, first }]);
      }
    }
  }
  const buckets = new Map<number, PartyStances['buckets'][number]>();
  for (const { articleId, first } of pi.naming.get(partyId) ?? []) {
    const items = articleStances(kb, pi, articleId, partyId);
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      const k = it.cat * 1e6 + Math.round(it.score * 1000);
      let b = buckets.get(k);
      if (!b) buckets.set(k, (b = { cat: it.cat, score: it.score, recs: [], items: [] }));
      b.recs.push(first + it.para);
      b.items.push(it);
    }
  }
  ps = { buckets: [...buckets.values()].sort((a, b) => a.cat - b.cat || b.score - a.score) };
  pi.parties.set(partyId, ps);
  return ps;
}

/** The items of one party in one article (memoised per analysis and speaker links). */
function articleStances(kb: KnowledgeBase, pi: PositionIndex, articleId: string, partyId: string): readonly Item[] {
  const st = stancesOf(kb, pi, articleId);
  // Most articles never name a given party: nothing to look at.
  if (!st.named.has(partyId)) return [];
  let items = st.byParty.get(partyId);
  if (!items) {
    items = findItems(kb, pi, articleId, partyId);
    st.byParty.set(partyId, items);
  }
  return items;
}

/** The stances record of an article's analysis (shared by articles with the same analysis and links). */
function stancesOf(kb: KnowledgeBase, pi: PositionIndex, articleId: string): ArticleStances {
  const analysis = kb.analysis(articleId);
  const ap = kb.parties.article(articleId);
  let byLinks = pi.articles.get(analysis.statements);
  if (!byLinks) pi.articles.set(analysis.statements, (byLinks = new WeakMap()));
  let st = byLinks.get(ap.speakerParty);
  if (!st) {
    const named = new Set<string>(ap.mentions.map((m) => m.partyId));
    for (const p of ap.speakerParty.values()) named.add(p);
    st = { named, byParty: new Map() };
    byLinks.set(ap.speakerParty, st);
  }
  return st;
}

/** One pass over an article: the party's statements and stance frames, paragraph by paragraph. */
function findItems(kb: KnowledgeBase, pi: PositionIndex, articleId: string, partyId: string): Item[] {
  const article = kb.article(articleId)!;
  const first = pi.firstRecord(articleId)!;
  const analysis = kb.analysis(articleId);
  const ap = kb.parties.article(articleId);
  const registry = kb.parties.registry;
  const voice = (s: Statement) => (s.speakerId ? ap.speakerParty.get(s.speakerId) === partyId : sourceOf(registry, s, 'voice') === partyId);
  const named = (s: Statement) => !s.speakerId && sourceOf(registry, s, 'named') === partyId;
  const relevant = analysis.statements.filter((s) => voice(s) || named(s));
  const sources = analysis.statements.flatMap((x) => (x.source ? [x.source] : []));
  // Party mentions (not places) and mentions of linked people.
  const holders: Holder[] = ap.mentions.filter((m) => !m.locative).map((m) => ({ start: m.start, end: m.end, party: m.partyId }));
  for (const sp of analysis.speakers) {
    const party = ap.speakerParty.get(sp.id);
    if (party) for (const m of sp.mentions) holders.push({ start: m.start, end: m.end, party });
  }
  // Stable: at equal starts, party mentions stay before people's mentions.
  holders.sort((x, y) => x.start - y.start);
  const out: Item[] = [];
  let h0 = 0;
  for (let para = 0; para < article.paragraphs.length; para++) {
    const paragraph = article.paragraphs[para]!;
    const rec = kb.paragraphs[first + para]!;
    const pStart = paragraph.bodyStart;
    const pEnd = pStart + paragraph.text.length;
    while (h0 < holders.length && holders[h0]!.start < pStart) h0++;
    let h1 = h0;
    while (h1 < holders.length && holders[h1]!.start < pEnd) h1++;
    const inPara = holders.slice(h0, h1).filter((h) => h.end <= pEnd);
    // 1. Statements by the party's people or by sources it names.
    for (const s of relevant) {
      if (s.content.start >= pEnd || s.content.end <= pStart) continue;
      const start = Math.max(s.content.start, pStart) - pStart;
      const end = Math.min(s.content.end, pEnd) - pStart;
      out.push(item(kb, rec, para, start, end, voice(s) ? 1 : 2, 0.2, [], voice));
    }
    // 2 and 3. Stance frames around the party's mentions and its people's mentions.
    for (const h of inPara) {
      if (h.party !== partyId) continue;
      // A holder that is the named source of a statement ("Sullivan said …", "Seoul views …") is
      // handled above with the statement's own text and attribution; framing its sentence again
      // would show the speaker's quote as the reporter's narration.
      if (sources.some((src) => src.start < h.end && h.start < src.end)) continue;
      const sentence = sentencesOf(paragraph).find((x) => x.start <= h.start - pStart && h.end - pStart <= x.end);
      if (!sentence) continue;
      const sBase = pStart + sentence.start;
      const others = inPara.filter((o) => o !== h && o.start >= sBase && o.end <= pStart + sentence.end).map((o) => ({ start: o.start - sBase, end: o.end - sBase }));
      const frame = stanceFrame(sentence.text, h.start - sBase, h.end - sBase, others);
      if (!frame) continue;
      out.push(item(kb, rec, para, sentence.start + frame.start, sentence.start + frame.end, frame.kind === 'consent' ? 3 : 2, FRAME_BONUS[frame.kind], [[h.start - pStart, h.end - pStart]], voice));
    }
  }
  return out;
}

/** An item with the category and rounded score its excerpt will get. */
function item(
  kb: KnowledgeBase,
  rec: ParagraphRecord,
  para: number,
  start: number,
  end: number,
  category: Category,
  bonus: number,
  marks: Array<[number, number]>,
  voice: (s: Statement) => boolean,
): Item {
  const statement = statementAt(kb, rec, start, end);
  // Whatever the frame, a statement by the party's own people is its own voice.
  const cat: Category = statement && voice(statement) ? 1 : category;
  const score = Math.round((4 - cat + bonus + (statement?.kind === 'direct' ? 0.05 : 0)) * 1000) / 1000;
  return { para, start, end, bonus, marks, cat, score };
}

/** Up to this many paragraphs of a party are checked for a topic word by word; above, the index proposes them. */
const TOPIC_FULL_SCAN = 3000;
const TOPIC_CANDIDATES = 2000;
/** Orders excerpts of different paragraphs by paragraph, then by discovery inside one. */
const PARAGRAPH_ORDER = 1 << 12;

/** The answer to `/position party:… [topic:…] [article:…]`. */
export function positionAnswer(kb: KnowledgeBase, partyInput: string, topic?: string, articleId?: string): Answer {
  const party = kb.parties.resolve(partyInput);
  const filter = articleFilter(kb, articleId);
  // The topic is parsed once, for its content words and for the index.
  const parsed = topic ? kb.index.parseQuery(topic) : undefined;
  const topicWords = parsed ? contentWords(parsed.words) : [];
  const stances = partyStances(kb, party.id);
  // With a topic, only paragraphs holding every topic word can give an excerpt; on a large
  // knowledge base the index proposes those paragraphs (bounded) before the word-by-word check.
  let topicOk: ((recId: number) => boolean) | undefined;
  if (parsed && topicWords.length > 0) {
    const paragraphs = (stances.paragraphs ??= new Set(stances.buckets.flatMap((b) => b.recs)));
    const allowed =
      paragraphs.size > TOPIC_FULL_SCAN
        ? new Set(
            kb.index
              .candidates(parsed, { want: TOPIC_CANDIDATES, limit: TOPIC_CANDIDATES, filter: (id) => paragraphs.has(id) && (!filter || filter(id)) })
              .map((c) => c.id),
          )
        : undefined;
    topicOk = (id) => (!allowed || allowed.has(id)) && topicHighlights(kb.paragraphs[id]!.paragraph.text, topicWords) !== null;
  }

  // Paragraphs become excerpts whole (deduplication and containment are per paragraph), best
  // items first; once twelve excerpts rank before everything left, the rest cannot change them.
  const results: Found[] = [];
  const done = new Set<number>();
  outer: for (const bucket of stances.buckets) {
    for (let i = 0; i < bucket.items.length; i++) {
      const recId = bucket.recs[i]!;
      if (done.has(recId) || (filter && !filter(recId))) continue;
      const last = results[MAX_POSITION_EXCERPTS - 1];
      // Everything from here on ranks at or after (category, score, this paragraph).
      if (last && rankedBefore(last, bucket.cat, bucket.score, recId * PARAGRAPH_ORDER)) break outer;
      done.add(recId);
      if (topicOk && !topicOk(recId)) continue;
      results.push(...paragraphExcerpts(kb, recId, party.id, topicWords));
      results.sort((a, b) => a.category - b.category || b.excerpt.score - a.excerpt.score || a.order - b.order);
    }
  }
  const ranked = results.map((f) => f.excerpt).slice(0, MAX_POSITION_EXCERPTS);
  const about = topic ? ` on “${topic}”` : '';
  if (ranked.length === 0) {
    const present = kb.parties.present.some((p) => p.id === party.id);
    return {
      command: 'position',
      excerpts: [],
      notice: present
        ? `The loaded articles name ${party.name} but show nothing about its position${about}.`
        : `${party.name} is not mentioned in the loaded articles. Parties present: ${kb.parties.presentList()}.`,
    };
  }
  return { command: 'position', excerpts: ranked, notice: `Position of ${party.name}${about}: its own voice first, then reported stance, then others' claims.` };
}

function rankedBefore(f: Found, cat: number, score: number, order: number): boolean {
  if (f.category !== cat) return f.category < cat;
  if (f.excerpt.score !== score) return f.excerpt.score > score;
  return f.order < order;
}

/** The excerpts one paragraph gives for the party: its items through `excerptAt`, deduplicated. */
function paragraphExcerpts(kb: KnowledgeBase, recId: number, partyId: string, topicWords: string[]): Found[] {
  const pi = positionIndex(kb);
  const rec = kb.paragraphs[recId]!;
  const para = recId - pi.firstRecord(rec.article.id)!;
  const found = new Map<string, Found>();
  let order = recId * PARAGRAPH_ORDER;
  for (const it of articleStances(kb, pi, rec.article.id, partyId)) {
    if (it.para !== para) continue;
    const excerpt = excerptAt(kb, rec, { start: it.start, end: it.end, score: it.score, highlights: it.marks });
    // A sentence labelled as the reporter's must not carry someone's statement inside it
    // ("… ,” Sullivan said … when asked about Washington's position"): that would credit the
    // quote to the reporter. Such sentences are shown through their statements instead.
    if (excerpt.kind === 'narration' && carriesStatement(kb, rec, excerpt.text, it.start)) continue;
    const topicMarks = topicHighlights(excerpt.text, topicWords);
    if (topicWords.length > 0 && !topicMarks) continue;
    if (topicMarks) excerpt.highlights = mergeRanges([...(excerpt.highlights ?? []), ...topicMarks]);
    const prev = found.get(excerpt.text);
    if (!prev || prev.excerpt.score < excerpt.score) found.set(excerpt.text, { excerpt, category: it.cat, order: prev?.order ?? order++ });
  }
  return dropContained([...found.values()]);
}

/** What an unnamed source label says about parties (any party asks the same), per registry and label. */
const sourceParties = new WeakMap<PartyRegistry, Map<string, { voice?: string | null; named?: string | null }>>();

function sourceOf(registry: PartyRegistry, s: Statement, want: 'voice' | 'named'): string | undefined {
  let byLabel = sourceParties.get(registry);
  if (!byLabel) sourceParties.set(registry, (byLabel = new Map()));
  let sp = byLabel.get(s.sourceLabel);
  if (!sp) byLabel.set(s.sourceLabel, (sp = {}));
  if (want === 'voice') {
    // "a US official", "Egypt's foreign ministry": an unnamed source that says whose it is.
    if (sp.voice === undefined) sp.voice = unnamedVoice(registry, s.sourceLabel) ?? null;
    return sp.voice ?? undefined;
  }
  // The source is the party itself: "Seoul views …".
  if (sp.named === undefined) sp.named = registry.lookup(s.sourceLabel)?.id ?? null;
  return sp.named ?? undefined;
}

/**
 * The party an unnamed source speaks for ("a US official"). The party's bare name ("Seoul
 * views …", "Addis Ababa views …") is reported stance, not a voice.
 */
function unnamedVoice(registry: PartyRegistry, label: string): string | undefined {
  const party = partyInPhrase(registry, label);
  if (!party) return undefined;
  const rest = label.replace(new RegExp(registry.matcher.find(label).map((m) => escape(m.text)).join('|') || '(?!)', 'g'), ' ');
  return words(rest).some((w) => w.norm.length > 1 && !isStopWord(w.norm)) ? party : undefined;
}

/** Whether the paragraph text around `at` that equals `text` overlaps any statement's content. */
function carriesStatement(kb: KnowledgeBase, rec: ParagraphRecord, text: string, at: number): boolean {
  const para = rec.paragraph.text;
  let from = para.lastIndexOf(text, at);
  if (from < 0) from = para.indexOf(text);
  if (from < 0) return false;
  const a = rec.paragraph.bodyStart + from;
  const b = a + text.length;
  return kb.analysis(rec.article.id).statements.some((s) => s.content.start < b && a < s.content.end);
}

/** Drops an excerpt whose text lies inside another one from the same paragraph and source. */
function dropContained(all: Found[]): Found[] {
  return all.filter(
    (f) =>
      !all.some(
        (g) =>
          g !== f &&
          g.excerpt.paragraph === f.excerpt.paragraph &&
          g.excerpt.article.id === f.excerpt.article.id &&
          g.excerpt.source === f.excerpt.source &&
          g.excerpt.text.length > f.excerpt.text.length &&
          g.excerpt.text.includes(f.excerpt.text),
      ),
  );
}

const FRAME_BONUS: Record<FrameKind, number> = { subject: 0.15, possessive: 0.1, consent: 0 };

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function contentWords(ws: readonly Word[]): string[] {
  const all = ws.map((w) => w.norm.replace(/'s$/, ''));
  const content = all.filter((w) => !isStopWord(w));
  return content.length > 0 ? content : all;
}

/**
 * Where each topic word occurs in the text, allowing spelling variants ("denuclearisation" and
 * "denuclearization") and inflections; null unless every topic word occurs.
 */
export function topicHighlights(text: string, topicWords: string[]): Array<[number, number]> | null {
  if (topicWords.length === 0) return null;
  const ws = words(text);
  const marks: Array<[number, number]> = [];
  for (const t of topicWords) {
    const hits = ws.filter((w) => {
      const n = w.norm.replace(/'s$/, '');
      return n === t || wordSimilarity(t, n) >= 0.6 || (t.length >= 4 && n.startsWith(t)) || n.split('-').includes(t);
    });
    if (hits.length === 0) return null;
    for (const h of hits) marks.push([h.start, h.end]);
  }
  return marks;
}
