/**
 * The weights of `/ask`'s confidence (askConfidence.ts) and the chance below which the notice is
 * given. Written by `npx tsx bench/trainNotice.ts` from the tune half of the SQuAD dev sample (a
 * logistic fit of "top excerpt right"); do not edit by hand.
 */
import type { NoticeFeature } from './askConfidence';

export const NOTICE_WEIGHTS: { bias: number } & Readonly<Record<NoticeFeature, number>> = { bias: -1.697, score: 1.119, margin: 3.234, otherParagraph: 2.803, lexical: 1.477, paragraph: -1.234, typeMissing: -0.233, formMissing: -0.699 };

/** Below this chance of being right, the best sentence is said to maybe not answer. */
export const NOTICE_BELOW = 0.5;
