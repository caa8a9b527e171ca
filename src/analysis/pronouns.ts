/**
 * Pronoun resolution over a salience history: statement sources and sentence subjects are
 * preferred to other mentions, the current sentence before earlier ones, and gender must agree
 * when it is known on both sides.
 */
import type { Person } from './speakers';

export interface SalienceEntry {
  pos: number;
  sentence: number;
  person: Person;
  /** A statement source or the first person named in its sentence's narration. */
  subject: boolean;
  /** Source of a statement. */
  speaker: boolean;
}

/** How far back (in sentences) a pronoun may reach. */
const MAX_SENTENCES_BACK = 8;

function compatible(p: Person, gender: 'male' | 'female' | undefined): boolean {
  return !gender || !p.gender || p.gender === gender;
}

/**
 * Resolves a personal pronoun at `pos` in sentence `sentence`. `history` is ordered by position and
 * only holds entries before `pos`. Returns null rather than a weak guess when no candidate agrees.
 */
export function resolvePronoun(history: SalienceEntry[], pos: number, sentence: number, gender: 'male' | 'female' | undefined): Person | null {
  // Walk back from the newest entry; within a sentence prefer speakers, then subjects.
  // Binary search for the last entry before `pos` (history is in text order).
  let lo = 0;
  let hi = history.length - 1;
  let i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((history[mid]?.pos ?? 0) < pos) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  let curSentence = sentence;
  let fallback: Person | null = null;
  while (i >= 0) {
    const sent = history[i]?.sentence ?? -1;
    if (sentence - sent > MAX_SENTENCES_BACK) break;
    // Entries of one sentence.
    const group: SalienceEntry[] = [];
    while (i >= 0 && history[i]?.sentence === sent) {
      group.push(history[i] as SalienceEntry);
      i--;
    }
    curSentence = sent;
    // A gendered pronoun prefers a candidate whose gender is known to agree.
    const known = (e: SalienceEntry): boolean => !gender || e.person.gender === gender;
    const order: Array<(e: SalienceEntry) => boolean> = [
      (e) => e.speaker && known(e),
      (e) => e.subject && known(e),
      (e) => e.speaker && compatible(e.person, gender),
      (e) => e.subject && compatible(e.person, gender),
    ];
    for (const f of order) {
      const hit = group.find(f);
      if (hit) return hit.person;
    }
    if (!fallback) fallback = group.find((e) => known(e))?.person ?? null;
  }
  void curSentence;
  return fallback;
}
