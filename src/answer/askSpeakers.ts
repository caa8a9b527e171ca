/**
 * `/ask` evidence from the attribution analysis: the question names a person or party the story
 * quotes, and asks where, when or why. News answers those about the statement itself, and the
 * analysis already knows which words are whose:
 *
 * - where / when: the setting of the speaker's own statement, in the words around it that are no
 *   statement's content ("…,” said Moon **at a forum**, noting …"; "Sullivan said **in a press
 *   briefing at the White House**"). "Where did Moon Chung-in make his remarks?" is answered there,
 *   not by another person's "made the remarks" that repeats the question's words.
 * - why: a cause inside the content of the party's own statement ("Seoul's renewed push to declare
 *   a formal end to the war, **as a way to** nudge Pyongyang …"), not a cause someone else gives
 *   in a sentence that shares more words ("“In order for the two Koreas to declare an end to the
 *   war …,” said Moon").
 * - what X says about Y: Y's words in the content of X's own statement ("Moon said it would be
 *   difficult … to alleviate sanctions"), not in what X reports another source wants ("said Moon,
 *   noting that the North wants the US to … ease the sanctions").
 *
 * Encyclopedic prose has few statements with a named source, so the feature rarely fires outside
 * news. It is 0 for other questions (a statement by the named person was tried as evidence for
 * every question and cost the study-group questions: "Who is Jake Sullivan?" is answered where the
 * story introduces him, not where he speaks).
 */
import type { Sentence } from '../core/article';
import type { Word } from '../text/words';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Statement } from '../analysis/types';
import { STRONG_SPEECH_VERBS, verbForms } from '../analysis/lexicon/index';
import { answerEvidence, type EvidenceQuestion, type EvidenceSentence } from './answerType';
import type { Expected, Question } from './question';

/** The answer types a statement's setting or content answers. */
const SPOKEN_TYPES: ReadonlySet<Expected> = new Set(['date', 'place', 'reason']);

/**
 * Words by which a question asks about the speaking itself ("make his remarks", "talked to
 * reporters", "these comments"): the verbs that mark a source's words after a quote, a few more
 * verbs of speaking, and the nouns for what was said.
 */
const SPEECH_WORDS: ReadonlySet<string> = new Set([
  ...STRONG_SPEECH_VERBS,
  ...['say', 'talk', 'speak', 'spoke', 'spoken', 'comment', 'remark', 'state', 'announce'].flatMap(verbForms),
  ...['remark', 'comment', 'statement', 'speech', 'interview', 'announcement', 'address', 'testimony', 'briefing', 'word'].flatMap((n) => [n, `${n}s`, `${n}es`]),
]);

/** Whether the question asks about the speaking itself (a word of `SPEECH_WORDS`). */
export function asksAboutSpeaking(words: ReadonlyArray<{ norm: string }>): boolean {
  return words.some((w) => SPEECH_WORDS.has(w.norm));
}

/**
 * Whether `spokenEvidence` can be other than 0 for the question: a where, when or why question
 * naming a person or party, where and when only about the speaking (`aboutSpeaking`).
 */
export function spokenApplies(q: Question, expected: Expected, aboutSpeaking: boolean): boolean {
  if (!SPOKEN_TYPES.has(expected) || q.persons.length + q.parties.length === 0) return false;
  // "When does President Moon's term end?" is not asked about something Moon said.
  return expected === 'reason' || aboutSpeaking;
}

/**
 * The question's topic for "What does X say about Y?" (a what question naming a person or party
 * and asking about the speaking): the indexes of its terms that are not words of speaking ("say",
 * "remarks"), Y's words. Empty when the question is of another shape: `spokenTopic` is then 0.
 */
export function spokenTopicTerms(q: Question, expected: Expected, aboutSpeaking: boolean): number[] {
  if (expected !== 'none' || !aboutSpeaking || q.persons.length + q.parties.length === 0) return [];
  return q.terms.flatMap((t, i) => (SPEECH_WORDS.has(t.norm) ? [] : [i]));
}

/**
 * The `spoken` feature of a sentence for "What does X say about Y?": the idf-weighted share of Y's
 * words (`topic`, from `spokenTopicTerms`; `idfs` every term's weight) that stand in the content of
 * a statement by X in the sentence, outside any statement of another source within it, or in the
 * setting of X's statement ("said … when asked about such a declaration"). "Moon
 * said it would be difficult to persuade Washington to ease sanctions" is Moon speaking of
 * sanctions; "said Moon, noting that the North wants the US to … ease the sanctions" is Moon
 * saying what the North wants, and the sanctions are the North's. `ws`, `matches`: the paragraph's
 * words and their matches to each question term; [from, to) the sentence's words.
 */
export function spokenTopic(
  ask: EvidenceQuestion,
  candidate: EvidenceSentence,
  topic: readonly number[],
  idfs: readonly number[],
  ws: readonly Word[],
  matches: ReadonlyArray<readonly number[] | undefined>,
  from: number,
  to: number,
): number {
  const total = topic.reduce((a, i) => a + idfs[i]!, 0);
  if (total === 0) return 0;
  const { base, from: lo, to: hi, statements, own } = namedStatements(ask, candidate);
  if (own.length === 0) return 0;
  const others = statements.filter((st) => !own.includes(st));
  // What the speaker was asked about is what the answer is about: "said … when asked about
  // Washington's position on such a declaration".
  const setting = settingOf(candidate.rec.article.body, lo, hi, statements, own);
  const saidBy = (at: number) =>
    setting.some(([a, b]) => a <= at && at < b) ||
    (own.some((st) => st.content.start <= at && at < st.content.end) &&
      !others.some((st) => st.content.start <= at && at < st.content.end && own.some((o) => o.content.start <= st.content.start && st.content.end <= o.content.end)));
  let found = 0;
  for (const i of topic) {
    let best = 0;
    for (let j = from; j < to; j++) {
      const m = matches[j]?.[i] ?? 0;
      if (m > best && saidBy(base + ws[j]!.start)) best = m;
    }
    found += idfs[i]! * best;
  }
  return found / total;
}

/**
 * The setting of the named speaker's statements in body range [from, to): the words outside every
 * statement's content (`statements`, those overlapping the range), in the stretches holding one of
 * the speaker's cues or sources (`own`), less the source's own words and what describes it ("Moon
 * Chung-in, chairman of …, a former adviser to President Moon …, said": no place). "… said in a
 * press briefing at the White House when asked about Washington's position on such a declaration".
 */
function settingOf(body: string, from: number, to: number, statements: readonly Statement[], own: readonly Statement[]): Array<[number, number]> {
  const cut = statements.map((st) => [st.content.start, st.content.end] as [number, number]);
  for (const st of own) {
    const src = st.source;
    if (!src) continue;
    // "X, chairman of …, said": the appositive between source and cue describes X.
    const appositive = st.cue && st.cue.start > src.end && /^\s*,/.test(body.slice(src.end, st.cue.start));
    cut.push([src.start, appositive ? st.cue!.start : src.end]);
  }
  cut.sort((x, y) => x[0] - y[0]);
  let at = from;
  const gaps: Array<[number, number]> = [];
  for (const [a, b] of cut) {
    if (a > at) gaps.push([at, a]);
    at = Math.max(at, b);
  }
  if (at < to) gaps.push([at, to]);
  // A gap next to a cue or source of the speaker's: inside it or touching one of its ends.
  const cues = own.flatMap((st) => [st.cue, st.source].filter((x) => x !== undefined && x !== null));
  return gaps.filter(([a, b]) => cues.some((c) => c.start <= b && a <= c.end));
}

/**
 * The statements overlapping a candidate sentence (its body range [from, to); `base` is where its
 * paragraph starts in the body), and those of them by a person or party the question names.
 */
function namedStatements(ask: EvidenceQuestion, candidate: EvidenceSentence): { base: number; from: number; to: number; statements: Statement[]; own: Statement[] } {
  const { kb, q } = ask;
  const { rec, sentence } = candidate;
  const base = rec.paragraph.bodyStart;
  const from = base + sentence.start;
  const to = base + sentence.end;
  const statements = kb.analysis(rec.article.id).statements.filter((st) => st.content.start < to && from < st.content.end);
  return { base, from, to, statements, own: statements.filter((st) => byNamed(kb, rec.article.id, st, q)) };
}

/** Whether `st` is by a person or party the question names. */
function byNamed(kb: KnowledgeBase, articleId: string, st: Statement, q: Question): boolean {
  const speakerId = st.speakerId;
  if (speakerId !== null && q.persons.some((p) => p.speakers.has(articleId, speakerId))) return true;
  const src = st.source;
  if (!src || q.parties.length === 0) return false;
  // The source's own words name the party ("Seoul views …", "Seoul's renewed push to …"); a
  // person who speaks for it is not the party speaking.
  return kb.parties.article(articleId).mentions.some((m) => !m.locative && q.parties.includes(m.partyId) && m.start >= src.start && m.end <= src.end);
}

/**
 * The `spoken` feature of a sentence: 1 when a statement in it by a person or party the question
 * names holds what a where, when or why question asks for — in its setting (the sentence's words
 * outside every statement's content) for where and when, in its content for why; else 0. Where and
 * when count only when the question asks about the speaking (`aboutSpeaking`, from
 * `asksAboutSpeaking`). The evidence itself is `answerEvidence`'s, read on a stretch of the sentence.
 */
export function spokenEvidence(ask: EvidenceQuestion, candidate: EvidenceSentence, aboutSpeaking: boolean): number {
  const { q, expected } = ask;
  const { rec } = candidate;
  if (!spokenApplies(q, expected, aboutSpeaking)) return 0;
  const body = rec.article.body;
  const { base, from, to, statements, own } = namedStatements(ask, candidate);
  if (own.length === 0) return 0;
  const evidence = (a: number, b: number) => {
    const start = Math.max(a, from) - base;
    const end = Math.min(b, to) - base;
    if (end <= start) return 0;
    // A stretch of the paragraph, read as `answerEvidence` reads a sentence. Any evidence counts
    // whole: beside a speech cue, "at a forum" is where it was said.
    const stretch: Sentence = { start, end, text: rec.paragraph.text.slice(start, end) };
    return answerEvidence(ask, { rec, sentence: stretch, highlights: candidate.highlights }).present > 0 ? 1 : 0;
  };
  let best = 0;
  if (expected === 'reason') {
    for (const st of own) best = Math.max(best, evidence(st.content.start, st.content.end));
    return best;
  }
  for (const [a, b] of settingOf(body, from, to, statements, own)) best = Math.max(best, evidence(a, b));
  return best;
}
