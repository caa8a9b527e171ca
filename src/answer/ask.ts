/**
 * `/ask`: answers a question in plain words with the best sentence(s), shown inside their
 * paragraph's attribution (via `excerptAt`), best first. The candidates and their scores come from
 * askCandidates.ts; a best match that is more likely wrong than right (askConfidence.ts), or weak
 * with no rival to tell it by, is said so (`askNotice`), and its excerpts marked `related`.
 * Excerpts are whole sentences (or the whole quote).
 */
import type { Answer, Excerpt } from '../core/answer';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { askCandidates, type Candidate, type Candidates } from './askCandidates';
import { ASK_WEIGHTS, WEAK_MATCH } from './askWeights';
import { confidenceInputs, confidenceOf, rivalsOf } from './askConfidence';
import { NOTICE_BELOW, NOTICE_WEIGHTS } from './askNoticeWeights';
import { excerptAt, statementAt, statementBounds } from './excerpts';
import { articleFilter } from './filters';
import { followQuestion, followRange, withAntecedent } from './askFollow';
import { missingForm } from './askTyped';
import { MISSING_SAYS, missingKind, type ShownPassage } from './askMissingType';
import { mergeRanges } from '../core/ranges';

export { ASK_PARAGRAPHS } from './askCandidates';
export { WEAK_MATCH } from './askWeights';

/** The best sentence and up to two runners-up. */
export const MAX_ASK_EXCERPTS = 3;

/** The answer to `/ask question:… [article:…]`. */
export function askAnswer(kb: KnowledgeBase, questionText: string, articleId?: string): Answer {
  const filter = articleFilter(kb, articleId);
  const query = kb.index.parseQuery(questionText);
  const found = askCandidates(kb, query, ASK_WEIGHTS, filter);
  const { empty, candidates: scored } = found;
  if (empty) {
    return { command: 'ask', excerpts: [], notice: 'Ask about something specific: a person, a country, an event or a topic from the story.' };
  }
  const best = scored[0];
  if (!best || best.lexical === 0) {
    return { command: 'ask', excerpts: [], notice: `The loaded articles don't seem to answer “${questionText}”.` };
  }
  const weak = askNotice(found, questionText);
  const excerpts: Excerpt[] = [];
  // The question's wanted type of answer, for widening an excerpt to the sentence that holds it.
  const follow = followQuestion(found, query.text);
  // Two sentences of one quote give the same excerpt; show it once.
  const shown = (e: Excerpt) => excerpts.some((x) => x.article.id === e.article.id && x.paragraph === e.paragraph && (x.text.includes(e.text) || e.text.includes(x.text)));
  for (const s of scored) {
    if (excerpts.length >= MAX_ASK_EXCERPTS) break;
    if (s.lexical === 0 || s.score < best.score * 0.6) break;
    const own = withAntecedent(kb, s, excerptRange(kb, s));
    const wide = followRange(kb, follow, s, own, scored);
    // The best sentence, when the notice is not given, is no mere "closest passage": a low score
    // with nothing near it is still the answer. Runners-up have no confidence of their own.
    const excerptOf = (range: { start: number; end: number }, highlights: Array<[number, number]>) =>
      excerptAt(kb, s.rec, {
        ...range,
        wholeSentences: true,
        highlights,
        match: weak ? 'related' : s.lexical >= 0.999 ? 'exact' : s === best || s.score >= WEAK_MATCH ? 'fuzzy' : 'related',
        score: s.score,
      });
    let e = excerptOf(wide, wide.highlights.length ? mergeRanges([...s.highlights, ...wide.highlights]) : s.highlights);
    // Widened to the answer's sentence, it would take in an excerpt already shown (the neighbour
    // ranked higher): show this one's own sentence instead.
    if (shown(e) && (wide.start !== own.start || wide.end !== own.end)) e = excerptOf(own, s.highlights);
    if (shown(e)) continue;
    excerpts.push(e);
  }
  // A question asking for a year (a month, a date …), or plainly asking who or how many, that no
  // passage shown answers in kind is not answered, however well the passages match
  // its other words: say so, whatever the confidence.
  const lacking = missingAnswer(kb, questionText, excerpts);
  if (lacking) {
    return {
      command: 'ask',
      excerpts: excerpts.map((e) => ({ ...e, match: 'related' as const })),
      notice: `None of these passages ${lacking}, so the story may not say; these are the closest passages.`,
    };
  }
  return {
    command: 'ask',
    excerpts,
    ...(weak ? { notice: 'The story may not answer this directly; these are the closest passages.' } : {}),
  };
}

/**
 * What the shown excerpts fail to give, as the notice says it ("gives a year", "names a place"),
 * or undefined: a form asked for by name first (askTyped.ts), then a kind plainly asked for
 * (askMissingType.ts: who, how many).
 */
function missingAnswer(kb: KnowledgeBase, questionText: string, excerpts: readonly Excerpt[]): string | undefined {
  const form = missingForm(questionText, excerpts.map((e) => e.text));
  if (form) return `gives ${form}`;
  const kind = missingKind(questionText, shownPassages(kb, excerpts));
  return kind && MISSING_SAYS[kind];
}

/** The excerpts as `missingKind` reads them: text, the quote's speaker, the article's text. */
export function shownPassages(kb: KnowledgeBase, excerpts: readonly Excerpt[]): ShownPassage[] {
  return excerpts.map((e) => ({ text: e.text, speaker: e.speaker?.name, article: kb.article(e.article.id)?.body }));
}

/** Below this top score the notice is always given (see `askNotice`). */
export const SCORE_FLOOR = 0.6;

/**
 * Whether `/ask` says its best sentence may not answer: the chance that it answers (its score, its
 * lead over the runner-up and over another paragraph's best, its share of the question's words,
 * whether it holds what the question asks for) is below `NOTICE_BELOW` — not the score alone,
 * which missed three wrong answers in four. When no sentence of another paragraph matches at all,
 * the chance's leads over a rival say nothing (it was fitted on 581 paragraphs, where a rival is
 * always there; a server's few articles often hold the question's odd word once, "Who ate the
 * cake at the quay?"): the top score is read alone then, as before the fit (`WEAK_MATCH`).
 */
export function askNotice(found: Candidates, questionText: string): boolean {
  // A floor under the fit: a best sentence this weak ("**bold** _it_ `code`" finding "core" by a
  // typo, 0.42) is never presented as the answer, however far it leads. No SQuAD tune question
  // scores below it without the notice already (`npx tsx bench/noticeFloor.ts`).
  const top = found.candidates[0]?.score ?? 0;
  if (top < SCORE_FLOOR) return true;
  // The rivals once, for the confidence and for the case without one.
  const rivals = rivalsOf(found);
  if (askConfidence(found, questionText, rivals) < NOTICE_BELOW) return true;
  return !rivals.other && top < WEAK_MATCH;
}

/**
 * The chance (0–1) that the best of `found`'s candidates answers `questionText` (askConfidence.ts,
 * weights fitted by bench/trainNotice.ts); 0 when there is no candidate. `rivals`: `rivalsOf(found)`,
 * when the caller has it already.
 */
export function askConfidence(found: Candidates, questionText: string, rivals = rivalsOf(found)): number {
  const inputs = confidenceInputs(found, questionText, rivals);
  return inputs ? confidenceOf(inputs, NOTICE_WEIGHTS) : 0;
}

/**
 * The range to hand to `excerptAt`: the matched words, so the attribution is that of the words
 * that answer. When they sit in the reporter's part of a sentence that also carries a statement
 * ("…,” Sullivan said in a press briefing at the White House"), the statement is shown, with its
 * speaker, as long as its clause still holds every matched word; otherwise the whole sentence is
 * the reporter's, inline attribution included ("On Sunday, … met …, and Noh said later …").
 */
function excerptRange(kb: KnowledgeBase, s: Candidate): { start: number; end: number } {
  const { rec, sentence, highlights } = s;
  if (highlights.length === 0) return { start: sentence.start, end: sentence.end };
  const span = { start: Math.min(...highlights.map((h) => h[0])), end: Math.max(...highlights.map((h) => h[1])) };
  if (statementAt(kb, rec, span.start, span.end)) return span;
  const base = rec.paragraph.bodyStart;
  const overlapping = kb
    .analysis(rec.article.id)
    .statements.filter((st) => st.content.start < base + sentence.end && base + sentence.start < st.content.end);
  for (const st of overlapping) {
    const [from, to] = statementBounds(rec, st);
    if (highlights.every(([a, b]) => a >= from && b <= to)) {
      return { start: Math.max(st.content.start - base, 0), end: Math.min(st.content.end - base, rec.paragraph.text.length) };
    }
  }
  // The matched words themselves (not the whole sentence, which a statement may cover for the
  // most part): `excerptAt` widens them to the sentence and credits it to the reporter.
  return span;
}
