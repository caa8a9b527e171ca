/**
 * `/ask`'s sentence-score weights and notice threshold. Written by `npm run train:ask`
 * (bench/trainAsk.ts) from the tune half of the SQuAD dev sample; do not edit by hand.
 * Tune half when written: answer-in-top-1 0.735, top-3 0.871 (by sentence). `meaning`,
 * `meaningParagraph` and `tense` fitted with every other weight held, notice refitted (0.764 / 0.882
 * by sentence; docs/ask-log.md, "Third pass").
 */
import type { Weights } from './askCandidates';

export const ASK_WEIGHTS: Weights = { lexical: 0.55, paragraph: 0.5, rank: 0.04, neighbours: 0, proximity: 0.04, complete: 0.12, pairs: 0.2, length: 0, anchors: 0, articleAnchors: 0.2, date: 0.3, number: 0.15, person: 0.01, place: 0.15, reason: 0.02, name: 0.3, answerNear: 0, carried: 0.5, subject: 0, expressions: 0.01, figureNear: 0, spoken: 0.4, figureTouch: 0.05, slot: 0, beside: 0, spelledOut: 0.3, soft: 0.15, softParagraph: 0.4, focus: 0, focusParagraph: 0, typed: 0.3, kind: 0.06, spread: 0.04, meaning: 0.2, meaningParagraph: 0.3, meaningGap: 0, meaningGated: 0, meaningParagraphGated: 0, tense: 0.04 };

/**
 * Below this score a runner-up excerpt is marked `related` (closest passage, not a match). The
 * notice itself reads a fitted confidence (askConfidence.ts, bench/trainNotice.ts), and this score
 * only when no other paragraph matches to fit a confidence by (`askNotice` in ask.ts).
 */
export const WEAK_MATCH = 0.919;
