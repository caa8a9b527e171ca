/**
 * `/ask`: answers a question in plain words with the best sentence(s), shown inside their
 * paragraph's attribution (via `excerptAt`), best first. The candidates and their scores come from
 * askCandidates.ts; a best match that is more likely wrong than right (askConfidence.ts) is said
 * so, and its excerpts marked `related`. Excerpts are whole sentences (or the whole quote).
 */
import type { Answer, Excerpt } from '../core/answer';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { askCandidates, type Candidate, type Candidates } from './askCandidates';
import { ASK_WEIGHTS, WEAK_MATCH } from './askWeights';
import { confidenceInputs, confidenceOf } from './askConfidence';
import { NOTICE_BELOW, NOTICE_WEIGHTS } from './askNoticeWeights';
import { sentencesOf } from '../core/article';
import { pointsBack } from './askCarry';
import { excerptAt, statementAt, statementBounds } from './excerpts';
import { articleFilter } from './filters';

export { ASK_PARAGRAPHS } from './askCandidates';
export { WEAK_MATCH } from './askWeights';

/** The best sentence and up to two runners-up. */
export const MAX_ASK_EXCERPTS = 3;

/** The answer to `/ask question:… [article:…]`. */
export function askAnswer(kb: KnowledgeBase, questionText: string, articleId?: string): Answer {
  const filter = articleFilter(kb, articleId);
  const found = askCandidates(kb, kb.index.parseQuery(questionText), ASK_WEIGHTS, filter);
  const { empty, candidates: scored } = found;
  if (empty) {
    return { command: 'ask', excerpts: [], notice: 'Ask about something specific: a person, a country, an event or a topic from the story.' };
  }
  const best = scored[0];
  if (!best || best.lexical === 0) {
    return { command: 'ask', excerpts: [], notice: `The loaded articles don't seem to answer “${questionText}”.` };
  }
  // The notice: the chance that the best sentence answers, from its score, its lead over the
  // runner-up and over another paragraph's best, its share of the question's words and whether it
  // holds what the question asks for — not the score alone, which missed three wrong answers in four.
  const weak = askConfidence(found, questionText) < NOTICE_BELOW;
  const excerpts: Excerpt[] = [];
  for (const s of scored) {
    if (excerpts.length >= MAX_ASK_EXCERPTS) break;
    if (s.lexical === 0 || s.score < best.score * 0.6) break;
    const range = withAntecedent(kb, s, excerptRange(kb, s));
    const e = excerptAt(kb, s.rec, {
      ...range,
      wholeSentences: true,
      highlights: s.highlights,
      // The best sentence, when the notice is not given, is no mere "closest passage": a low score
      // with nothing near it is still the answer. Runners-up have no confidence of their own.
      match: weak ? 'related' : s.lexical >= 0.999 ? 'exact' : s === best || s.score >= WEAK_MATCH ? 'fuzzy' : 'related',
      score: s.score,
    });
    // Two sentences of one quote give the same excerpt; show it once.
    if (excerpts.some((x) => x.article.id === e.article.id && x.paragraph === e.paragraph && (x.text.includes(e.text) || e.text.includes(x.text)))) continue;
    excerpts.push(e);
  }
  return {
    command: 'ask',
    excerpts,
    ...(weak ? { notice: 'The story may not answer this directly; these are the closest passages.' } : {}),
  };
}

/**
 * The chance (0–1) that the best of `found`'s candidates answers `questionText` (askConfidence.ts,
 * weights fitted by bench/trainNotice.ts); 0 when there is no candidate.
 */
export function askConfidence(found: Candidates, questionText: string): number {
  const inputs = confidenceInputs(found, questionText);
  return inputs ? confidenceOf(inputs, NOTICE_WEIGHTS) : 0;
}

/**
 * A sentence that names its subject only as "He" or "The company" is shown with the sentence it
 * continues in the paragraph ("The council also chose Erik Vann as the new head of the transport
 * department. He takes over from …"), so the excerpt says who; only when both have the same
 * attribution (both the reporter's, or one statement), so the label stays true for the two.
 */
function withAntecedent(kb: KnowledgeBase, s: Candidate, range: { start: number; end: number }): { start: number; end: number } {
  if (!pointsBack(s.sentence.text)) return range;
  const sentences = sentencesOf(s.rec.paragraph);
  const k = sentences.findIndex((x) => x.start === s.sentence.start);
  const prev = k > 0 ? sentences[k - 1]! : undefined;
  if (!prev) return range;
  if (statementAt(kb, s.rec, prev.start, prev.end) !== statementAt(kb, s.rec, s.sentence.start, s.sentence.end)) return range;
  return { start: Math.min(range.start, prev.start), end: Math.max(range.end, s.sentence.end) };
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
