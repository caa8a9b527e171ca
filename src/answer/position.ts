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
import type { Answer, Excerpt } from '../core/answer';
import type { Statement } from '../analysis/types';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import { partyInPhrase } from '../parties/people';
import { stanceFrame, type FrameKind } from '../parties/stance';
import type { Party } from '../parties/types';
import { wordSimilarity } from '../search/phrase';
import { isStopWord, words } from '../text/words';
import { excerptAt, statementAt } from './excerpts';
import { articleFilter } from './filters';

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

/** The answer to `/position party:… [topic:…] [article:…]`. */
export function positionAnswer(kb: KnowledgeBase, partyInput: string, topic?: string, articleId?: string): Answer {
  const party = kb.parties.resolve(partyInput);
  const filter = articleFilter(kb, articleId);
  const topicWords = topic ? contentWords(topic) : [];
  const found = new Map<string, Found>();
  let order = 0;
  const add = (rec: ParagraphRecord, start: number, end: number, category: Category, bonus: number, marks: Array<[number, number]>) => {
    const statement = statementAt(kb, rec, start, end);
    // Whatever the frame, a statement by the party's own people is its own voice.
    const cat: Category = statement && ownVoice(kb, rec, statement, party) ? 1 : category;
    const score = 4 - cat + bonus + (statement?.kind === 'direct' ? 0.05 : 0);
    const excerpt = excerptAt(kb, rec, { start, end, score, highlights: marks });
    // A sentence labelled as the reporter's must not carry someone's statement inside it
    // ("… ,” Sullivan said … when asked about Washington's position"): that would credit the
    // quote to the reporter. Such sentences are shown through their statements instead.
    if (excerpt.kind === 'narration' && carriesStatement(kb, rec, excerpt.text, start)) return;
    const topicMarks = topicHighlights(excerpt.text, topicWords);
    if (topicWords.length > 0 && !topicMarks) return;
    if (topicMarks) excerpt.highlights = mergeRanges([...(excerpt.highlights ?? []), ...topicMarks]);
    const key = `${rec.id}:${excerpt.text}`;
    const prev = found.get(key);
    if (!prev || prev.excerpt.score < excerpt.score) found.set(key, { excerpt, category: cat, order: prev?.order ?? order++ });
  };

  for (const rec of kb.paragraphs) {
    if (filter && !filter(rec.id)) continue;
    // Most articles never name a given party: skip them without looking at their paragraphs.
    if (!namesParty(kb, rec.article.id, party.id)) continue;
    const analysis = kb.analysis(rec.article.id);
    const pStart = rec.paragraph.bodyStart;
    const pEnd = pStart + rec.paragraph.text.length;
    // 1. Statements by the party's people or by sources it names.
    for (const s of analysis.statements) {
      if (s.content.start >= pEnd || s.content.end <= pStart) continue;
      if (!ownVoice(kb, rec, s, party) && !namedBy(kb, s, party)) continue;
      const start = Math.max(s.content.start, pStart) - pStart;
      const end = Math.min(s.content.end, pEnd) - pStart;
      add(rec, start, end, ownVoice(kb, rec, s, party) ? 1 : 2, 0.2, []);
    }
    // 2 and 3. Stance frames around the party's mentions and its people's mentions.
    const holders = holdersIn(kb, rec, pStart, pEnd);
    // A holder that is the named source of a statement ("Sullivan said …", "Seoul views …") is
    // handled above with the statement's own text and attribution; framing its sentence again
    // would show the speaker's quote as the reporter's narration.
    const sources = analysis.statements.flatMap((st) => (st.source ? [st.source] : []));
    for (const h of holders) {
      if (h.party !== party.id) continue;
      if (sources.some((src) => src.start < h.end && h.start < src.end)) continue;
      const sentence = rec.paragraph.sentences.find((s) => s.start <= h.start - pStart && h.end - pStart <= s.end);
      if (!sentence) continue;
      const sBase = pStart + sentence.start;
      const others = holders.filter((o) => o !== h && o.start >= sBase && o.end <= pStart + sentence.end).map((o) => ({ start: o.start - sBase, end: o.end - sBase }));
      const frame = stanceFrame(sentence.text, h.start - sBase, h.end - sBase, others);
      if (!frame) continue;
      const start = sentence.start + frame.start;
      const end = sentence.start + frame.end;
      add(rec, start, end, frame.kind === 'consent' ? 3 : 2, FRAME_BONUS[frame.kind], [[h.start - pStart, h.end - pStart]]);
    }
  }

  const ranked = dropContained([...found.values()])
    .sort((a, b) => a.category - b.category || b.excerpt.score - a.excerpt.score || a.order - b.order)
    .map((f) => f.excerpt)
    .slice(0, MAX_POSITION_EXCERPTS);
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

/** The article names the party or quotes one of its people. */
function namesParty(kb: KnowledgeBase, articleId: string, partyId: string): boolean {
  const ap = kb.parties.article(articleId);
  if (ap.mentions.some((m) => m.partyId === partyId)) return true;
  for (const p of ap.speakerParty.values()) if (p === partyId) return true;
  return false;
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

/** Party mentions (not places) and mentions of linked people inside a paragraph, body offsets. */
function holdersIn(kb: KnowledgeBase, rec: ParagraphRecord, pStart: number, pEnd: number): Holder[] {
  const ap = kb.parties.article(rec.article.id);
  const out: Holder[] = ap.mentions
    .filter((m) => !m.locative && m.start >= pStart && m.end <= pEnd)
    .map((m) => ({ start: m.start, end: m.end, party: m.partyId }));
  for (const sp of kb.analysis(rec.article.id).speakers) {
    const party = ap.speakerParty.get(sp.id);
    if (!party) continue;
    for (const m of sp.mentions) if (m.start >= pStart && m.end <= pEnd) out.push({ start: m.start, end: m.end, party });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The statement's speaker is one of the party's people. */
function ownVoice(kb: KnowledgeBase, rec: ParagraphRecord, s: Statement, party: Party): boolean {
  if (s.speakerId) return kb.parties.article(rec.article.id).speakerParty.get(s.speakerId) === party.id;
  // "a US official", "Egypt's foreign ministry": an unnamed source that says whose it is. The
  // party's bare name ("Seoul views …", "Addis Ababa views …") is reported stance, not a voice.
  if (partyInPhrase(kb.parties.registry, s.sourceLabel) !== party.id) return false;
  const rest = s.sourceLabel.replace(new RegExp(kb.parties.registry.matcher.find(s.sourceLabel).map((m) => escape(m.text)).join('|') || '(?!)', 'g'), ' ');
  return words(rest).some((w) => w.norm.length > 1 && !isStopWord(w.norm));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The source is the party itself: "Seoul views …". */
function namedBy(kb: KnowledgeBase, s: Statement, party: Party): boolean {
  return !s.speakerId && kb.parties.registry.lookup(s.sourceLabel)?.id === party.id;
}

function contentWords(text: string): string[] {
  const all = words(text).map((w) => w.norm.replace(/'s$/, ''));
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

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
