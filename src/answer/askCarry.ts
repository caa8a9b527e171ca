/**
 * Two `/ask` features about what a sentence is about, beyond the words it holds:
 *
 * - `carried`: a sentence that names its subject only as "He", "It" or "The company" continues the
 *   sentence before it ("The council chose Erik Vann as the new head of the transport department.
 *   He takes over from Sofia Lindqvist, who is stepping down …"): the question's words found in
 *   that sentence (the one before in the paragraph, or the previous paragraph's last) and not in
 *   this one count for it, so "Who is leaving the transport department?" can reach the "He" sentence.
 *   A "The …" description whose noun ends a name in the sentence before ("The $1.2 billion
 *   stadium" after "Levi's Stadium") points back too.
 * - `subject`: the share of the people and parties the question names that stand at the start of
 *   the sentence, as its subject ("Why does Seoul want …" is answered by "Seoul views …", not by a
 *   sentence about the two Koreas that mentions Seoul in passing). A pronoun the engine resolved to
 *   the person counts ("He is expected to be sworn in …" for "When will Brandt be sworn in?").
 */
import type { Sentence } from '../core/article';
import { sentencesOf } from '../core/article';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import type { Word } from '../text/words';
import { entitiesIn, match, type ArticleEntities, type Entities, type RangeMatch } from './askMatch';
import type { Question } from './question';
import type { Term } from './askTerms';

/**
 * A sentence whose subject points back: a personal pronoun, or "the" and a noun for an
 * organisation or office, after at most a one-word connective.
 */
const POINTS_BACK =
  /^(?:(?:But|And|Yet|Still|Now|However|Meanwhile|There|Later|Previously|Earlier),?\s+)?(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]he (?:company|firm|group|government|ministry|department|council|minister|president|party|organi[sz]ation|agency|team|club|city|court|committee|board|bank|army|league|union|band|country|state|university))\b/;

/**
 * A subject that is a part of what the sentence before names: "Most of them were destroyed …",
 * "One of them decided to stay …" (after "… places of religious worship", "… two of Triton's
 * daughters"). "This/These …" alone was tried as pointing back and lost on SQuAD (docs/ask-log.md).
 */
const OF_THEM = /^(?:(?:But|And|Yet|Still|Now|However|Meanwhile|Later|Today),?\s+)?(?:One|Two|Three|Some|Most|Many|All|Each|Both|None|Several|Few|Half|Much|Part|Neither|Either|Any) of (?:them|these|those|it|this)\b/;

/**
 * Whether the sentence names its subject only by a pronoun or a description pointing back. With
 * `before` (the sentence it continues), also "The $1.2 billion stadium …" after a sentence naming
 * "Levi's Stadium", "The host committee …" after "the Super Bowl 50 Host Committee": a
 * description whose noun ends a name the sentence before gives.
 */
export function pointsBack(text: string, before?: string): boolean {
  const t = text.trimStart();
  if (POINTS_BACK.test(t) || OF_THEM.test(t)) return true;
  if (!before || !t.startsWith('The ')) return false;
  for (const w of t.split(/\s+/, 5).slice(1)) {
    if (/^\p{Ll}+$/u.test(w) && endsName(before, w[0]!.toUpperCase() + w.slice(1))) return true;
  }
  return false;
}

/** Whether `text` holds `head` as a whole word right after another capitalised word ("Levi's Stadium"). */
function endsName(text: string, head: string): boolean {
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    if (/\p{L}/u.test(text[at + head.length] ?? '') || text[at - 1] !== ' ') continue;
    const prev = /(\S+)\s$/.exec(text.slice(Math.max(0, at - 40), at));
    if (prev && /^\p{Lu}[\p{L}'’]*$/u.test(prev[1]!)) return true;
  }
  return false;
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
 * The `carried` feature of sentence `k` of a paragraph: the weight of the question's words and
 * names found in the sentence it continues and not in it (`match`'s per-term weights), over
 * `total`; 0 unless it points back. `sent` is `match` of each sentence of the paragraph;
 * `previous` gives `match` of the previous paragraph's last sentence (or null).
 */
export function carried(sent: readonly RangeMatch[], sentences: Sentence[], k: number, total: number, previous: () => RangeMatch | null): number {
  if (total <= 0 || !pointsBack(sentences[k]!.text, sentences[k - 1]?.text)) return 0;
  const before = k > 0 ? sent[k - 1]! : previous();
  if (!before) return 0;
  const here = sent[k]!.perTerm;
  let extra = 0;
  for (let i = 0; i < here.length; i++) extra += Math.max(0, before.perTerm[i]! - here[i]!);
  return extra / total;
}

/** `match` of the last sentence of the previous paragraph of the same article (null for the first). */
export function previousSentenceMatch(
  kb: KnowledgeBase,
  rec: ParagraphRecord,
  byArticle: ArticleEntities,
  wordMatches: (ws: Word[]) => Array<number[] | undefined>,
  q: Question,
  terms: Term[],
  entityWeights: number[],
): RangeMatch | null {
  const prev = kb.paragraphs[rec.id - 1];
  if (!prev || prev.article.id !== rec.article.id) return null;
  const last = sentencesOf(prev.paragraph).at(-1);
  if (!last) return null;
  const ws = kb.paragraphWords(prev.id);
  const matches = wordMatches(ws);
  return match(prev, q, terms, entityWeights, ws, matches, entitiesIn(prev, byArticle, q, ws), last.start, last.end);
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
