/**
 * `/position`: what the articles show about a party's stance, as attributed excerpts, ranked
 * 1. the party's own voice: statements of people linked to it ("Sullivan said …" for the US) and
 *    of sources named by it ("US officials said");
 * 2. reported stance: the party or one of its people is the subject of a stance, plan, speech or
 *    thought verb, or owns a stance noun ("Seoul views …", "Washington has begun looking into …",
 *    "Seoul's renewed push");
 * 3. others' claims about whether it will go along ("observers said it would be difficult for
 *    Washington to sign on …").
 * The stretches and their ranks come from the stance index (parties/stanceIndex.ts); this module
 * turns the best of them into excerpts. Plain mentions are not positions. Each excerpt's
 * attribution comes from `excerptAt`, so a claim about the party is credited to the claimant,
 * never to the party.
 */
import { mergeRanges } from '../core/ranges';
import type { Answer, Excerpt } from '../core/answer';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import { buildStanceIndex, type StanceCategory, type StanceIndex } from '../parties/stanceIndex';
import { wordSimilarity } from '../search/phrase';
import { isStopWord, words, type Word } from '../text/words';
import { excerptAt } from './excerpts';
import { articleFilter } from './filters';

/** At most this many excerpts per answer (Discord shows ten comfortably, a dozen at most). */
export const MAX_POSITION_EXCERPTS = 12;

interface Found {
  excerpt: Excerpt;
  category: StanceCategory;
  order: number;
}

/** The knowledge base's stance index (parties/stanceIndex.ts), built on the first /position. */
function stanceIndex(kb: KnowledgeBase): StanceIndex {
  return kb.derived(buildStanceIndex);
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
  const stances = stanceIndex(kb).party(party.id);
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
  const index = stanceIndex(kb);
  const rec = kb.paragraphs[recId]!;
  const para = recId - index.firstRecord(rec.article.id)!;
  const found = new Map<string, Found>();
  let order = recId * PARAGRAPH_ORDER;
  for (const it of index.itemsIn(rec.article.id, partyId)) {
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
