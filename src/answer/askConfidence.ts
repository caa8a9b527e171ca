/**
 * How likely `/ask`'s best sentence is to answer the question: a small logistic model over what the
 * scoring already worked out (weights in askNoticeWeights.ts, fitted by `npx tsx
 * bench/trainNotice.ts` on the tune half only; nothing is learned at run time). The notice "may not
 * answer this directly" is given when the chance is below `NOTICE_BELOW` (issue #15: "when the best
 * sentence is weak, say so; when it is strong, do not").
 *
 * The top score alone tells a right answer from a wrong one poorly: a sentence that holds every
 * word of the question but not the date it asks for scores high. So the model also reads:
 *   - `score`: the top score; `margin`: its lead over the runner-up; `otherParagraph`: its lead
 *     over the best sentence of another paragraph (two close paragraphs mean the index is unsure
 *     which one is meant; two sentences of one paragraph are often both fine; a rival saying the
 *     same sentence word for word is none: `rivalsOf`);
 *   - `lexical`, `paragraph`: the idf-weighted share of the question's words in the sentence and
 *     in its paragraph;
 *   - `typeMissing`: the question asks for a date, number, person, place, reason or name and the
 *     sentence holds none (answerType.ts); `formMissing`: it names the answer's form ("What year")
 *     and the sentence holds no figure of that form (askTyped.ts);
 * All are read from the candidates already scored: no pass over them beyond the first few. Tried
 * and left out (no gain leaving one tune article out): the share of the people and parties the
 * question names that the sentence, or its article, does not name; the lead over another article's
 * best; `complete`, `meaning`, `proximity`, the number of question words, how many sentences score
 * near the top.
 */
import type { Candidate, Candidates } from './askCandidates';
import { answerForm } from './askTyped';

/** The inputs of the confidence model, in the order of its weight vector (after the intercept). */
export const NOTICE_FEATURES = ['score', 'margin', 'otherParagraph', 'lexical', 'paragraph', 'typeMissing', 'formMissing'] as const;
export type NoticeFeature = (typeof NOTICE_FEATURES)[number];

/** A lead over a rival counts up to this much: beyond it the rival is no rival. */
const MAX_LEAD = 0.5;

/**
 * The confidence model's inputs for the best candidate of `found` (sorted best first, as
 * `askCandidates` returns them), or undefined when there is none. `rivals`: `rivalsOf(found)`, when
 * the caller has it already.
 */
export function confidenceInputs(found: Candidates, questionText: string, rivals = rivalsOf(found)): Record<NoticeFeature, number> | undefined {
  const { candidates, expected } = found;
  const top = candidates[0];
  if (!top) return undefined;
  const { runnerUp, other } = rivals;
  const lead = (rival: Candidate | undefined) => Math.min(MAX_LEAD, rival === undefined ? MAX_LEAD : top.score - rival.score);
  const f = top.features;
  const form = answerForm(questionText);
  return {
    score: top.score,
    margin: lead(runnerUp),
    otherParagraph: lead(other),
    lexical: f.lexical,
    paragraph: f.paragraph,
    typeMissing: expected === 'none' ? 0 : 1 - Math.min(1, f[expected]),
    formMissing: form ? 1 - Math.min(1, f.typed) : 0,
  };
}

/**
 * The best candidate's rivals in `found` (sorted best first): the runner-up, and the best sentence
 * of another paragraph; undefined where there is none. Candidates are sorted, so these are the
 * first such ones (a few steps at most in practice; the loop stops there). A sentence saying word
 * for word what the best one says (another report of the same story, wire copy) agrees with it: it
 * is no rival, or a second report would turn a plain answer into "may not answer".
 */
export function rivalsOf(found: Candidates): { runnerUp: Candidate | undefined; other: Candidate | undefined } {
  const [top, ...rest] = found.candidates;
  if (!top) return { runnerUp: undefined, other: undefined };
  const same = top.sentence.text.replace(/\s+/g, ' ').trim();
  let runnerUp: Candidate | undefined;
  for (const c of rest) {
    if (c.sentence.text.replace(/\s+/g, ' ').trim() === same) continue;
    runnerUp ??= c;
    if (c.rec.id !== top.rec.id) return { runnerUp, other: c };
  }
  return { runnerUp, other: undefined };
}

/** The chance that the best sentence answers, by the logistic model `weights` (`bias` first). */
export function confidenceOf(inputs: Readonly<Record<NoticeFeature, number>>, weights: { bias: number } & Readonly<Record<NoticeFeature, number>>): number {
  let z = weights.bias;
  for (const k of NOTICE_FEATURES) z += weights[k] * inputs[k];
  return 1 / (1 + Math.exp(-z));
}
