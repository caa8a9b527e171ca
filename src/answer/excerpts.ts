/**
 * Builds `Excerpt`s: a verbatim piece of a paragraph with its true attribution. The attribution
 * comes from the statement the matched text sits in; text outside every statement is the
 * reporter's narration. The excerpt is the whole quote (direct speech) or the whole sentence
 * (indirect speech and narration), never a clipped fragment.
 */
import type { Excerpt } from '../core/answer';
import { sentencesOf, type Sentence } from '../core/article';
import { statementCovering } from '../analysis/statementCover';
import type { Speaker, Statement } from '../analysis/types';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';

export interface Located {
  /** Range inside the paragraph text that matched (or that the caller wants shown). */
  start: number;
  end: number;
  highlights?: Array<[number, number]>;
  match?: Excerpt['match'];
  score: number;
  /** A near miss: what the text says instead of the query's words. */
  differs?: string;
  /**
   * Show whole sentences even where the statement's own text starts after a long lead-in (`/ask`:
   * an excerpt answers a question, and a clipped sentence can cut the answer off). The label stays
   * the statement's that holds the range.
   */
  wholeSentences?: boolean;
}

/** The statement covering most of a paragraph range, preferring direct quotes; null if none covers half. */
export function statementAt(kb: KnowledgeBase, rec: ParagraphRecord, start: number, end: number): Statement | null {
  const base = rec.paragraph.bodyStart;
  return statementCovering(kb.analysis(rec.article.id).statements, base + start, base + Math.max(end, start + 1));
}

/**
 * The statement whose shown text holds a range of the reporter's words: "“…,” Sullivan said in a
 * press briefing at the White House when asked about …" is one sentence, and a match in its
 * narration shows that sentence, so it carries Sullivan's label, as it does in `/quotes` (one
 * sentence, one label). Null when no statement's excerpt holds the whole range.
 */
export function statementShowing(kb: KnowledgeBase, rec: ParagraphRecord, start: number, end: number): Statement | null {
  const base = rec.paragraph.bodyStart;
  const [from, to] = sentenceBounds(sentencesOf(rec.paragraph), start, end);
  let best: Statement | null = null;
  for (const st of kb.analysis(rec.article.id).statements) {
    if (st.content.end <= base + from || st.content.start >= base + to) continue;
    const [a, b] = statementBounds(rec, st);
    if (a <= start && end <= b && (!best || (best.kind !== 'direct' && st.kind === 'direct'))) best = st;
  }
  return best;
}

/** Turns a located range into an excerpt with the right text, kind and source. */
export function excerptAt(kb: KnowledgeBase, rec: ParagraphRecord, loc: Located): Excerpt {
  let statement = statementAt(kb, rec, loc.start, loc.end) ?? statementShowing(kb, rec, loc.start, loc.end);
  const text = rec.paragraph.text;
  const sentences = sentencesOf(rec.paragraph);
  let [from, to] = statement ? statementBounds(rec, statement) : sentenceBounds(sentences, loc.start, loc.end);
  if (loc.wholeSentences) {
    const [a, b] = sentenceBounds(sentences, from, to);
    // The statement's text started after the reporter's own clause ("… made the remarks Tuesday
    // amid Seoul's renewed push to …"): shown whole, the sentence is the reporter's, who wrote
    // every word of it; crediting it to the statement's source would credit them the narration.
    // A lead holding another statement or quotation keeps the label of the matched one.
    if (statement && a < from && narrationOnly(kb, rec, a, from)) statement = null;
    [from, to] = [a, b];
  }
  const highlights = (loc.highlights ?? [])
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]) => [s - from, e - from] as [number, number]);
  return {
    text: text.slice(from, to),
    kind: statement ? statement.kind : 'narration',
    ...attribution(kb, rec, statement),
    ...(loc.match ? { match: loc.match } : {}),
    ...(loc.differs ? { differs: loc.differs } : {}),
    article: { id: rec.article.id, title: rec.article.title, ...(rec.article.url ? { url: rec.article.url } : {}) },
    paragraph: rec.paragraph.number,
    score: Math.round(loc.score * 1000) / 1000,
    ...(highlights.length ? { highlights } : {}),
  };
}

/** Whether the paragraph range [a, b) is the reporter's alone: no quotation mark, no statement's content. */
function narrationOnly(kb: KnowledgeBase, rec: ParagraphRecord, a: number, b: number): boolean {
  if (/["“”]/.test(rec.paragraph.text.slice(a, b))) return false;
  const base = rec.paragraph.bodyStart;
  return !kb.analysis(rec.article.id).statements.some((st) => st.content.start < base + b && base + a < st.content.end);
}

/** Speaker and human-readable source line for a statement (or the reporter for narration). */
export function attribution(
  kb: KnowledgeBase,
  rec: ParagraphRecord,
  statement: Statement | null,
): Pick<Excerpt, 'speaker' | 'source' | 'corrected'> {
  // The server's members corrected this statement's speaker (a manager accepted it).
  const override = statement ? kb.overrides?.(rec.article.id, statement.content) : undefined;
  if (override) return { speaker: override.speaker ? speakerRef(override.speaker) : null, source: override.source, corrected: true };
  if (!statement) {
    return { speaker: null, source: rec.article.author ? `the reporter (${rec.article.author})` : 'the reporter' };
  }
  const speaker = statement.speakerId ? kb.analysis(rec.article.id).speakerById.get(statement.speakerId) : undefined;
  if (!speaker) return { speaker: null, source: statement.sourceLabel || 'an unnamed source' };
  return { speaker: speakerRef(speaker), source: sourceLine(speaker) };
}

export function speakerRef(s: Pick<Speaker, 'name' | 'role' | 'affiliation'>): NonNullable<Excerpt['speaker']> {
  return { name: s.name, ...(s.role ? { role: s.role } : {}), ...(s.affiliation ? { affiliation: s.affiliation } : {}) };
}

export function sourceLine(s: Pick<Speaker, 'name' | 'role'>): string {
  return s.role ? `${s.name}, ${s.role}` : s.name;
}

/** Expands a range to whole sentences of the paragraph. */
export function sentenceBounds(sentences: Sentence[], start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  for (const s of sentences) {
    if (s.end > start && s.start < end) {
      from = Math.min(from, s.start);
      to = Math.max(to, s.end);
    }
  }
  return [from, to];
}

/**
 * The text to show for a statement: its source, cue and content as one verbatim run inside the
 * paragraph, widened to the whole sentence where that adds no other quotation (a short lead-in such
 * as "But" or "On Sunday," and the rest of an attribution such as "… in a press briefing"), but never
 * the reporter's own clause before a long lead-in.
 */
export function statementBounds(rec: ParagraphRecord, statement: Statement): [number, number] {
  const base = rec.paragraph.bodyStart;
  const text = rec.paragraph.text;
  let [from, to] = quoteBounds(text, statement.content.start - base, statement.content.end - base);
  const sentences = sentencesOf(rec.paragraph);
  const sentence = sentences.find((s) => s.end > from && s.start <= from) ?? { start: 0, end: text.length };
  const lastSentence = sentences.find((s) => s.end >= to && s.start < to) ?? sentence;
  for (const span of [statement.source, statement.cue]) {
    if (!span) continue;
    const a = span.start - base;
    const b = span.end - base;
    // Only attribution words in the same sentence(s) as the content join the excerpt.
    if (a >= sentence.start && b <= lastSentence.end) {
      from = Math.min(from, a);
      to = Math.max(to, b);
    }
  }
  const lead = text.slice(sentence.start, from);
  if (lead.length <= 30 && !/["“”]/.test(lead)) from = sentence.start;
  else {
    // After another quotation in the same sentence, start right after it (`,” said Moon …`).
    const close = Math.max(lead.lastIndexOf('”'), lead.lastIndexOf('"'));
    if (close >= 0) {
      let at = sentence.start + close + 1;
      while (at < from && /[\s,;:—–-]/.test(text[at]!)) at++;
      from = Math.min(from, at);
    }
  }
  const rest = text.slice(to, lastSentence.end);
  if (!/["“”]/.test(rest)) to = lastSentence.end;
  return [from, to];
}

/** Clamps a quote's range to the paragraph and includes the quotation marks around it. */
function quoteBounds(text: string, start: number, end: number): [number, number] {
  let from = Math.max(0, start);
  let to = Math.min(text.length, end);
  if (from > 0 && /["“‘]/.test(text[from - 1]!)) from--;
  while (to < text.length && /[,.!?]/.test(text[to]!) && /["”’]/.test(text[to + 1] ?? '')) to++;
  if (to < text.length && /["”’]/.test(text[to]!)) to++;
  return [from, to];
}
