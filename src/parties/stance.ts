/**
 * Does a sentence say something about a party's stance, or just name it? A party (or a person
 * linked to it) is a stance holder when it is
 * - the subject of a stance, plan, speech or thought verb: "Seoul views …", "Washington has begun
 *   looking into …", "the North wants …", "The US has been largely mum on …";
 * - the owner of a stance noun: "Seoul's renewed push …", "Washington's position …";
 * - the one whose consent others weigh: "difficult for Washington to sign on …", "persuade
 *   Washington to alleviate sanctions".
 * Everything else ("talks with Pyongyang", "met in Washington") is a plain mention.
 */
import { SPEECH_VERBS, verbForms } from '../analysis/lexicon';
import { mayJoinWord, wordFrom, words } from '../text/words';
import type { Word } from '../text/words';

/** How the holder takes part: subject of a stance verb, owner of a stance noun, or whose consent is weighed. */
export type FrameKind = 'subject' | 'possessive' | 'consent';

/** A stance construction found around a holder mention. */
export interface StanceFrame {
  kind: FrameKind;
  /** Offsets in the scanned text from the holder's mention to the stance word. */
  start: number;
  end: number;
}

const STANCE_BASES = (
  'view see want wish seek plan intend hope expect believe think consider regard insist demand call ' +
  'urge push press propose support back endorse favor favour oppose reject refuse resist accept agree ' +
  'welcome condemn criticise criticize warn vow pledge promise threaten aim argue maintain stress ' +
  'emphasise emphasize announce declare state signal indicate deny dismiss doubt fear worry look ' +
  'review weigh study explore examine begin start decide choose prefer need ask offer suggest ' +
  'recommend question remain appear seem hesitate decline undertake pursue sign engage resume ' +
  'abandon withdraw ease lift impose alleviate persuade convince describe commit consent approve ' +
  'veto block balk hold keep stick object protest retaliate respond counter blame accuse'
)
  .split(/\s+/)
  .filter(Boolean);

const IRREGULAR_PAST: Record<string, string[]> = {
  begin: ['began', 'begun'],
  hold: ['held'],
  keep: ['kept'],
  stick: ['stuck'],
  seek: ['sought'],
  see: ['saw', 'seen'],
  choose: ['chose', 'chosen'],
  withdraw: ['withdrew', 'withdrawn'],
  undertake: ['undertook', 'undertaken'],
};

const STANCE_VERBS = new Set<string>([
  ...SPEECH_VERBS,
  ...STANCE_BASES.flatMap((b) => [...verbForms(b), ...(IRREGULAR_PAST[b] ?? [])]),
]);

const STANCE_ADJECTIVES = new Set(
  ('mum silent reluctant keen eager wary skeptical sceptical opposed committed determined willing ' +
    'unwilling ready open cautious firm adamant hesitant aligned concerned worried confident ' +
    'interested supportive critical against unhappy satisfied dissatisfied insistent intent bent ' +
    'receptive resistant averse amenable lukewarm cool').split(' '),
);

const STANCE_NOUNS = new Set(
  ('push position positions stance proposal proposals view views plan plans bid demand demands call ' +
    'calls offer policy policies opposition support refusal insistence decision goal goals aim aims ' +
    'intention intentions concern concerns reluctance effort efforts request requests approach ' +
    'strategy initiative response priority priorities objection objections commitment pledge idea ' +
    'vision wish wishes hopes hope position stand line preference agenda reaction review drive ' +
    'campaign appeal ultimatum condition conditions terms').split(' '),
);

/**
 * Words that may sit between a subject and its verb: auxiliaries, adverbs, negation. Not "to":
 * in "for Washington to sign" and "wants the US to withdraw" the party is not the subject.
 */
const BETWEEN = new Set(
  ('has have had is are was were will would could can may might should must did does do also still ' +
    'now recently reportedly largely already not never been being be so far long repeatedly ' +
    'publicly privately officially internally reportedly apparently clearly firmly strongly ' +
    'increasingly quietly openly formally again once first always just yet').split(' '),
);

/** Verbs that put someone's consent in question: "persuade Washington to …". */
const CONSENT_VERBS = new Set(
  ['persuade', 'convince', 'urge', 'press', 'pressure', 'pressing', 'get', 'coax', 'induce', 'lobby'].flatMap(verbForms),
);

/** Adjectives allowed between a possessive and its stance noun ("Seoul's renewed push"). */
const MAX_POSSESSIVE_GAP = 2;
const MAX_BETWEEN = 4;

/**
 * The stance frame a holder mention at [start, end) of `text` takes part in, or null.
 * `holders` are every party or person mention in the text, so "Washington and Seoul appear …"
 * counts for both.
 */
export function stanceFrame(text: string, start: number, end: number, holders: ReadonlyArray<{ start: number; end: number }> = []): StanceFrame | null {
  if (!mayFrame(text, end)) return null;
  const ws = sentenceWords(text);
  const after = ws.filter((w) => w.start >= end);
  const before = ws.filter((w) => w.end <= start);
  // Possessive: "Seoul's renewed push", "Washington’s position".
  const tail = text.slice(end, end + 2);
  if (/^['’]s/.test(tail)) {
    for (const w of after.slice(0, MAX_POSSESSIVE_GAP + 1)) {
      const n = w.norm.replace(/^s\b/, '');
      if (STANCE_NOUNS.has(n)) return { kind: 'possessive', start, end: w.end };
    }
  } else {
    const subject = subjectVerb(text, after, end, holders);
    if (subject !== null) return { kind: 'subject', start, end: subject };
  }
  // Consent: "for Washington to sign on", "persuade Washington to alleviate".
  const prev = before[before.length - 1];
  const next = after[0];
  if (prev && next && next.norm === 'to' && gapOnlySpace(text, prev.end, start) && gapOnlySpace(text, end, next.start)) {
    if (prev.norm === 'for' || CONSENT_VERBS.has(prev.norm)) {
      return { kind: 'consent', start: prev.start, end: after[1]?.end ?? next.end };
    }
  }
  return null;
}

/** Every frame starts with one of these words straight after the holder (or with a possessive). */
const FIRST_WORDS = new Set<string>([...STANCE_VERBS, ...STANCE_ADJECTIVES, ...BETWEEN, 'and', 'to']);

/**
 * False when no frame can start after a holder ending at `end`: the next word is none of
 * `FIRST_WORDS` and no possessive follows. Most mentions are plain ("talks with Pyongyang"), and
 * this spares tokenising their sentence. True whenever unsure (the holder's end inside a word).
 */
function mayFrame(text: string, end: number): boolean {
  if (end >= text.length) return false;
  if (mayJoinWord(text, end)) return true;
  const next = wordFrom(text, end);
  return next !== null && FIRST_WORDS.has(next.norm);
}

let lastText: string | undefined;
let lastWords: Word[] = [];
/** Words of a sentence; the last one is kept, since its holders are asked about one after another. */
function sentenceWords(text: string): Word[] {
  if (text !== lastText) {
    lastWords = words(text);
    lastText = text;
  }
  return lastWords;
}

/** End offset of the stance word when the mention is the subject of a stance predicate. */
function subjectVerb(text: string, after: Word[], end: number, holders: ReadonlyArray<{ start: number; end: number }>): number | null {
  let i = 0;
  let pos = end;
  // "Washington and Seoul appear": skip a coordinated holder.
  if (after[0]?.norm === 'and') {
    const other = holders.find((h) => h.start >= after[0]!.end && gapOnlySpace(text, after[0]!.end, h.start));
    if (other) {
      pos = other.end;
      i = after.findIndex((w) => w.start >= other.end);
      if (i < 0) return null;
    }
  }
  let between = 0;
  for (; i < after.length; i++) {
    const w = after[i]!;
    // A clause boundary before the verb ends the subject ("Washington, which …" is not a stance).
    if (/[,;:.!?()“”"—–]/.test(text.slice(pos, w.start))) return null;
    if (STANCE_VERBS.has(w.norm) || STANCE_ADJECTIVES.has(w.norm)) return w.end;
    if (!BETWEEN.has(w.norm) || ++between > MAX_BETWEEN) return null;
    pos = w.end;
  }
  return null;
}

function gapOnlySpace(text: string, a: number, b: number): boolean {
  return a <= b && /^\s*$/.test(text.slice(a, b));
}
