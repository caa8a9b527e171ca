/**
 * Two `/ask` features about what a sentence is about, beyond the words it holds:
 *
 * - `carried`: a sentence that names its subject only as "He", "It" or "The company" continues the
 *   sentence before it ("The council chose Erik Vann as the new head of the transport department.
 *   He takes over from Sofia Lindqvist, who is stepping down …"): the question's words found in
 *   that sentence (the one before in the paragraph, or the previous paragraph's last) and not in
 *   this one count for it, so "Who is leaving the transport department?" can reach the "He" sentence.
 * - `subject`: the share of the people and parties the question names that stand at the start of
 *   the sentence, as its subject ("Why does Seoul want …" is answered by "Seoul views …", not by a
 *   sentence about the two Koreas that mentions Seoul in passing). A pronoun the engine resolved to
 *   the person counts ("He is expected to be sworn in …" for "When will Brandt be sworn in?").
 */
import type { Sentence } from '../core/article';
import { sentencesOf } from '../core/article';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import type { Word } from '../text/words';
import { entitiesIn, type ArticleEntities, type Entities } from './askMatch';
import type { Term } from './askTerms';

/**
 * A sentence whose subject points back: a personal pronoun, or "the" and a noun for an
 * organisation or office, after at most a one-word connective.
 */
const POINTS_BACK =
  /^(?:(?:But|And|Yet|Still|Now|However|Meanwhile|There|Later|Previously|Earlier),?\s+)?(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]he (?:company|firm|group|government|ministry|department|council|minister|president|party|organi[sz]ation|agency|team|club|city|court|committee|board|bank|army|league|union|band|country|state|university))\b/;

/** Whether the sentence names its subject only by a pronoun or a description pointing back. */
export function pointsBack(text: string): boolean {
  return POINTS_BACK.test(text.trimStart());
}

/** Characters from the sentence start within which a named person or party counts as its subject. */
const SUBJECT_CHARS = 40;

/** What a paragraph's words match, as askCandidates worked it out. */
export interface ParagraphMatches {
  rec: ParagraphRecord;
  ws: Word[];
  matches: Array<number[] | undefined>;
  ents: Entities;
}

/**
 * Per question term, then per person and party the question names: the weight found in the
 * paragraph range [start, end) (idf × the best match of the term; the entity's weight).
 */
export function foundPerTerm(p: ParagraphMatches, terms: Term[], entityWeights: number[], parties: readonly string[], start: number, end: number): number[] {
  const out = new Array<number>(terms.length + entityWeights.length).fill(0);
  for (let j = 0; j < p.ws.length; j++) {
    const w = p.ws[j]!;
    if (w.start < start || w.end > end) continue;
    const row = p.matches[j];
    if (!row) continue;
    for (let i = 0; i < terms.length; i++) out[i] = Math.max(out[i]!, terms[i]!.idf * (row[i] ?? 0));
  }
  const base = p.rec.paragraph.bodyStart;
  const inRange = (m: { start: number; end: number }) => m.start >= base + start && m.end <= base + end;
  p.ents.persons.forEach((list, i) => {
    if (list.some((ms) => ms.some(inRange))) out[terms.length + i] = entityWeights[i]!;
  });
  parties.forEach((id, i) => {
    const k = p.ents.persons.length + i;
    if (p.ents.parties.some((x) => x.partyId === id && inRange(x))) out[terms.length + k] = entityWeights[k]!;
  });
  return out;
}

/**
 * The `carried` feature of sentence `k` of a paragraph: the weight of the question's words and
 * names found in the sentence it continues and not in it, over `total`; 0 unless it points back.
 * `previous` gives the previous paragraph of the same article, matched the same way (or null).
 */
export function carried(
  p: ParagraphMatches,
  sentences: Sentence[],
  k: number,
  terms: Term[],
  entityWeights: number[],
  parties: readonly string[],
  total: number,
  previous: () => ParagraphMatches | null,
): number {
  const s = sentences[k]!;
  if (total <= 0 || !pointsBack(s.text)) return 0;
  let before: number[];
  if (k > 0) before = foundPerTerm(p, terms, entityWeights, parties, sentences[k - 1]!.start, sentences[k - 1]!.end);
  else {
    const prev = previous();
    const last = prev ? sentencesOf(prev.rec.paragraph).at(-1) : undefined;
    if (!prev || !last) return 0;
    before = foundPerTerm(prev, terms, entityWeights, parties, last.start, last.end);
  }
  const here = foundPerTerm(p, terms, entityWeights, parties, s.start, s.end);
  let extra = 0;
  for (let i = 0; i < here.length; i++) extra += Math.max(0, before[i]! - here[i]!);
  return extra / total;
}

/** The previous paragraph of the same article, matched like the candidates' (null for the first). */
export function previousParagraph(
  kb: KnowledgeBase,
  rec: ParagraphRecord,
  byArticle: ArticleEntities,
  lookup: (norm: string) => number[] | undefined,
): ParagraphMatches | null {
  const prev = kb.paragraphs[rec.id - 1];
  if (!prev || prev.article.id !== rec.article.id) return null;
  const ws = kb.paragraphWords(prev.id);
  return { rec: prev, ws, matches: ws.map((w) => lookup(w.norm)), ents: entitiesIn(prev, byArticle) };
}

/** The `subject` feature: the share of the question's people and parties named at the sentence's start. */
export function subjectShare(p: ParagraphMatches, s: Sentence, parties: readonly string[], named: number): number {
  if (named === 0) return 0;
  const base = p.rec.paragraph.bodyStart + s.start;
  const lead = (m: { start: number; end: number }) => m.start >= base && m.start - base <= SUBJECT_CHARS && m.end <= p.rec.paragraph.bodyStart + s.end;
  let n = 0;
  for (const list of p.ents.persons) if (list.some((ms) => ms.some(lead))) n++;
  for (const id of parties) if (p.ents.parties.some((x) => x.partyId === id && lead(x))) n++;
  return n / named;
}
