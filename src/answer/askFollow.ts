/**
 * `/ask`'s excerpt widened to the neighbouring sentence that holds the answer: a question asking
 * for a date, a number, a person, a place … ("When did Tesla enrol in Graz?") is often matched
 * best by the sentence that holds its words ("Tesla moved to Graz to study engineering.") while
 * the next one, continuing it, holds what was asked ("He enrolled in 1875 …"). The ranking is
 * untouched: only the excerpt shown for a sentence grows, and only when
 *
 * - the question asks for a type of answer (answerType.ts, or a form by name: askTyped.ts) and the
 *   sentence holds none of it, while its neighbour in the same paragraph does;
 * - the neighbour continues the same subject: it points back ("He …", "The stadium …", "This
 *   …", "These …") or holds some of the question's own words (it is a candidate itself);
 * - both have the same attribution (one statement, or both the reporter's with no statement in
 *   the neighbour), so the excerpt's label stays true for all of it; and
 * - the two stay short enough to be shown whole (`JOINED_MAX`).
 *
 * Whole sentences of one paragraph only; a question asking for no type, or only for "a name",
 * never widens. The sentence before is joined by `withAntecedent` when this one points back to it
 * ("He …"); joining it for the answer type alone gained nothing on the tune half (docs/ask-log.md),
 * so only the sentence after is joined here.
 */
import type { Sentence } from '../core/article';
import { sentencesOf } from '../core/article';
import { EXCERPT_QUOTE_CHARS } from '../core/limits';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import { answerEvidence, type EvidenceQuestion } from './answerType';
import type { Candidate, Candidates } from './askCandidates';
import { pointsBack } from './askCarry';
import { answerForm, typedEvidence } from './askTyped';
import { sentenceBounds, statementAt } from './excerpts';
import type { Expected } from './question';
import { isStopWord, words } from '../text/words';

/**
 * Characters a widened excerpt may reach: half the quote size the Discord card allows
 * (`EXCERPT_QUOTE_CHARS`), since a page of three long excerpts is shrunk to fit Discord's
 * 6,000-character total (render.ts scales every part by 0.75, then 0.56 …) and the joined text
 * must still be shown whole.
 */
export const JOINED_MAX = Math.floor(EXCERPT_QUOTE_CHARS / 2);

/** "This …", "These …", "The same …", "Such …": a subject that points back without a name. */
const DEMONSTRATIVE = /^(?:(?:But|And|Yet|However|Later|Today),?\s+)?(?:This|These|That|Those|Such|The same)\b/;

/** What the widening reads of the question: its wanted type, and how to tell its own words. */
export interface FollowQuestion {
  ask: EvidenceQuestion;
  /** The form the question names ("What year …"), if any: stricter than the type alone. */
  form: ReturnType<typeof answerForm>;
  /** Whether a word (its `norm`) is none of the question's own: a name the answer could be. */
  fresh: (norm: string) => boolean;
}

/**
 * The question as the widening reads it, from what `askCandidates` read of it (`found`);
 * undefined when it asks for no type of answer.
 */
export function followQuestion(found: Candidates, questionText: string): FollowQuestion | undefined {
  const form = answerForm(questionText);
  // A name is weak evidence (nearly every sentence of an encyclopedia names something): its absence
  // says little, and on the tune half widening for it gained nothing.
  if ((found.expected === 'none' || found.expected === 'name') && !form) return undefined;
  return { ask: found.ask, form, fresh: found.freshWord };
}

/** Whether a sentence of the paragraph holds an answer of the type the question wants. */
function holdsType(f: FollowQuestion, rec: ParagraphRecord, sentence: Sentence): boolean {
  if (f.form) return typedEvidence(f.form, sentence.text, f.fresh) > 0;
  return answerEvidence(f.ask, { rec, sentence, highlights: [] }).present > 0;
}

/** The name a sentence opens with, after "The"/"A"/"An": "CBS broadcast …", "The Museum of Independence preserves …". */
const OPENING_NAME = /^(?:(?:The|A|An)\s+)?(\p{Lu}[\p{L}\-'’.]*(?:\s+(?:of|the|de|von|van)?\s*\p{Lu}[\p{L}\-'’.]*)*)/u;

/**
 * Whether the sentence may hold the answer already, so widening would only make it longer: the
 * type's evidence, or — for a person or place, whose evidence leaves out a sentence's opening
 * word (answerType.ts: most sentences open with a capital) — a name it opens with that is not the
 * question's ("CBS broadcast Super Bowl 50 …" for "Which network broadcast Super Bowl 50?").
 */
function mayHoldType(f: FollowQuestion, rec: ParagraphRecord, sentence: Sentence): boolean {
  if (holdsType(f, rec, sentence)) return true;
  if (f.form || !OPENS_WITH_NAME.has(f.ask.expected)) return false;
  const name = OPENING_NAME.exec(sentence.text.trimStart())?.[1];
  return !!name && words(name).some((w) => !isStopWord(w.norm) && f.fresh(w.norm));
}

/** The answer types whose evidence a sentence's opening name could be. */
const OPENS_WITH_NAME = new Set<Expected>(['person', 'place']);

/** Whether two sentences of a paragraph carry the same label: one statement, or narration alone. */
function sameAttribution(kb: KnowledgeBase, rec: ParagraphRecord, a: Sentence, b: Sentence): boolean {
  const st = statementAt(kb, rec, a.start, a.end);
  if (st !== statementAt(kb, rec, b.start, b.end)) return false;
  if (st) return true;
  // Narration: no statement's words in either (a quote covering less than half is still a quote).
  const base = rec.paragraph.bodyStart;
  return !kb.analysis(rec.article.id).statements.some((x) => x.content.start < base + Math.max(a.end, b.end) && base + Math.min(a.start, b.start) < x.content.end);
}

/** Why a neighbouring sentence was or was not joined to a candidate's excerpt (bench/askFollowProbe.ts reads it). */
export type FollowVerdict = 'joined' | 'no type asked' | 'type already here' | 'no continuation' | 'other attribution' | 'no type there' | 'too long';

/**
 * Whether the excerpt range for candidate `s` (`range`, from its sentence) may take in `other`, the
 * sentence right before or after it in the paragraph (see the file comment), and if not, why.
 * `followRange` joins the sentence after only; the probe reads both.
 * `scored` are all the question's candidates (a neighbour among them holds some of the question's words).
 */
export function followVerdict(
  kb: KnowledgeBase,
  f: FollowQuestion | undefined,
  s: Candidate,
  range: { start: number; end: number },
  other: Sentence,
  scored: readonly Candidate[],
): FollowVerdict {
  if (!f) return 'no type asked';
  const { rec, sentence } = s;
  if (mayHoldType(f, rec, sentence)) return 'type already here';
  const after = other.start >= sentence.end;
  const [first, second] = after ? [sentence, other] : [other, sentence];
  // The later sentence continues the earlier: it points back, or the neighbour holds some of the
  // question's words (it is a candidate itself).
  const continues = pointsBack(second.text, first.text) || DEMONSTRATIVE.test(second.text.trimStart()) || !!candidateAt(scored, rec, other);
  if (!continues) return 'no continuation';
  if (!sameAttribution(kb, rec, sentence, other)) return 'other attribution';
  if (!holdsType(f, rec, other)) return 'no type there';
  // The excerpt is whole sentences: measure those.
  const [from, to] = sentenceBounds(sentencesOf(rec.paragraph), Math.min(range.start, other.start), Math.max(range.end, other.end));
  return to - from > JOINED_MAX ? 'too long' : 'joined';
}

/** The sentence right before (-1) or after (1) the candidate's in its paragraph, if any. */
function neighbourOf(s: Candidate, step: -1 | 1): Sentence | undefined {
  const sentences = sentencesOf(s.rec.paragraph);
  const k = sentences.findIndex((x) => x.start === s.sentence.start);
  return k < 0 ? undefined : sentences[k + step];
}

/** The candidate for a sentence of the paragraph, if it is one. */
function candidateAt(scored: readonly Candidate[], rec: ParagraphRecord, x: Sentence): Candidate | undefined {
  return scored.find((c) => c.rec.id === rec.id && c.sentence.start === x.start);
}

/**
 * The excerpt range for candidate `s` (`range`: its sentence or statement, with the sentence it
 * continues) widened to the next sentence when that one holds the answer the question asks for,
 * with that sentence's matched words to highlight; `range` and no highlights when it does not.
 */
export function followRange(
  kb: KnowledgeBase,
  f: FollowQuestion | undefined,
  s: Candidate,
  range: { start: number; end: number },
  scored: readonly Candidate[],
): { start: number; end: number; highlights: Array<[number, number]> } {
  const none = { ...range, highlights: [] };
  if (!f) return none;
  const next = neighbourOf(s, 1);
  if (!next || followVerdict(kb, f, s, range, next, scored) !== 'joined') return none;
  return { start: range.start, end: Math.max(range.end, next.end), highlights: candidateAt(scored, s.rec, next)?.highlights ?? [] };
}

/**
 * A sentence that names its subject only as "He" or "The company" is shown with the sentence it
 * continues in the paragraph ("The council also chose Erik Vann as the new head of the transport
 * department. He takes over from …"), so the excerpt says who; only when both have the same
 * attribution (both the reporter's, or one statement), so the label stays true for the two.
 */
export function withAntecedent(kb: KnowledgeBase, s: Candidate, range: { start: number; end: number }): { start: number; end: number } {
  if (!pointsBack(s.sentence.text)) return range;
  const prev = neighbourOf(s, -1);
  if (!prev) return range;
  if (statementAt(kb, s.rec, prev.start, prev.end) !== statementAt(kb, s.rec, s.sentence.start, s.sentence.end)) return range;
  return { start: Math.min(range.start, prev.start), end: Math.max(range.end, s.sentence.end) };
}
