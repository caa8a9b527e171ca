/**
 * Cues learned from PolNeAR train (`tools/learnCues.ts` → `lexicon/learnedCues.ts`): a verb the
 * hand-written word lists do not know, in the frames where train showed it reports what somebody
 * said, thinks or stands for ("X vowed that …", "X dismissed the plan", "X hinted at …"). The
 * frame detectors are the hand-written ones (`clauseFrames.ts`, `objectFrame.ts`); the lexicon
 * only says which word may open which frame.
 */
import { clauseFrame } from './clauseFrames';
import { adjectiveOnly, canBeVerb, cueStem } from './lexicon/cueStem';
import { AFTER_PREP, objectFrame } from './objectFrame';
import { OPEN_Q, type RawStatement } from './statement';
import type { CueFrame, CueLexicon } from './types';
import type { QuoteIndex, Sentence } from '../text/structure';
import type { Token } from '../text/tokens';

/** Every frame kind, in the order the learner lists them. */
export const CUE_FRAMES: readonly CueFrame[] = ['that', 'inverted', 'to', 'obj', 'for', 'on', 'upon', 'about', 'of', 'against', 'with', 'at', 'over', 'into', 'from', 'toward', 'towards'];

/** The frames `toks[i]` may open under `lexicon`, or undefined when it is no learned cue. */
export function learnedCueFrames(lexicon: CueLexicon, t: Token): ReadonlySet<CueFrame> | undefined {
  if (lexicon.size === 0 || t.lower.length < 3 || !/^\p{Ll}+$/u.test(t.lower) || !canBeVerb(t.lower)) return undefined;
  return lexicon.get(cueStem(t.lower));
}

/**
 * A statement opened by the learned cue `toks[i]` in one of `frames`, tagged with its key and
 * frame (`learned`, for the learner's counts), or null.
 */
export function learnedFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex, frames: ReadonlySet<CueFrame>): RawStatement | null {
  const t = toks[i] as Token;
  // "amid Seoul's renewed push …", "Clinton's push to …": after a possessive or an adjective the
  // word is a noun, not a verb.
  const prev = toks[i - 1];
  if (prev && (prev.possessive || (!prev.cap && adjectiveOnly(prev.lower)))) return null;
  // A quotation inside belongs to its own cue: a learned frame never decides who said quoted words
  // ("Washington and Seoul appear to be …, with a top US security official saying … “…”").
  const tag = (st: RawStatement, f: CueFrame): RawStatement | null => (OPEN_Q.test(body.slice(st.content[0], st.content[1])) ? null : { ...st, learned: `${cueStem(t.lower)} ${f}` });
  if (frames.has('that') || frames.has('inverted')) {
    const st = clauseFrame(body, s, si, toks, i, false, qi);
    if (st) {
      const kind: CueFrame | null = st.pattern === 'clause-inverted' ? 'inverted' : /^that\b/i.test(body.slice(st.content[0], st.content[0] + 5)) ? 'that' : null;
      if (kind && frames.has(kind)) return tag(st, kind);
    }
  }
  const next = toks[i + 1];
  if (!next) return null;
  const kind: CueFrame = next.lower === 'to' ? 'to' : AFTER_PREP.test(next.lower) ? (next.lower as CueFrame) : 'obj';
  if (!frames.has(kind)) return null;
  const st = objectFrame(body, s, si, toks, i, qi, kind === 'obj' ? null : new RegExp(`^${kind}$`));
  return st ? tag(st, kind) : null;
}
