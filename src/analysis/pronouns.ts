/**
 * Pronoun resolution over a salience history: statement sources and sentence subjects are
 * preferred to other mentions, the current sentence before earlier ones, and gender must agree
 * when it is known on both sides.
 */
import type { Person } from './speakers';
import { lastAtOrBefore } from '../text/sortedSearch';

export interface SalienceEntry {
  pos: number;
  sentence: number;
  person: Person;
  /** A statement source or the first person named in its sentence's narration. */
  subject: boolean;
  /** Source of a statement. */
  speaker: boolean;
  /**
   * A he/she subject that could not be resolved: it stands for somebody, so a later pronoun that
   * would reach it resolves to nobody rather than to a name further back. `person` is a stand-in.
   */
  unknown?: boolean;
}

/** How far back (in sentences) a pronoun may reach. */
const MAX_SENTENCES_BACK = 8;

function compatible(p: Person, gender: 'male' | 'female' | undefined): boolean {
  return !gender || !p.gender || p.gender === gender;
}

/**
 * Resolves a personal pronoun at `pos` in sentence `sentence`. `history` is ordered by position and
 * only holds entries before `pos`. Returns null rather than a weak guess when no candidate agrees,
 * and null when two people fit and nothing separates them: a gendered pronoun whose nearest
 * subject is of unknown gender while a person known to have that gender is also in reach is
 * ambiguous ("Prime Minister Keir Starmer met Giorgia Meloni … she said" must not go to Starmer
 * on recency alone). `exclude` holds people who cannot be the antecedent (those named inside the
 * quotation itself: speakers do not name themselves in the third person).
 */
export function resolvePronoun(history: SalienceEntry[], pos: number, sentence: number, gender: 'male' | 'female' | undefined, exclude?: ReadonlySet<Person>): Person | null {
  // Walk back from the newest entry; within a sentence prefer speakers, then subjects.
  // The last entry before `pos` (history is in text order; offsets are integers, so "before pos"
  // is "at or before pos - 1").
  let i = lastAtOrBefore(history, pos - 1, (e) => e.pos);
  let fallback: Person | null = null;
  while (i >= 0) {
    const sent = history[i]?.sentence ?? -1;
    if (sentence - sent > MAX_SENTENCES_BACK) break;
    // Entries of one sentence.
    const group: SalienceEntry[] = [];
    while (i >= 0 && history[i]?.sentence === sent) {
      const e = history[i] as SalienceEntry;
      if (!exclude?.has(e.person)) group.push(e);
      i--;
    }
    // A gendered pronoun prefers a candidate whose gender is known to agree.
    const known = (e: SalienceEntry): boolean => !gender || e.person.gender === gender;
    const order: Array<(e: SalienceEntry) => boolean> = [
      (e) => e.speaker && known(e),
      (e) => e.subject && known(e),
      (e) => e.speaker && compatible(e.person, gender),
      (e) => e.subject && compatible(e.person, gender),
    ];
    let hit: SalienceEntry | undefined;
    for (const f of order) {
      hit = group.find(f);
      // Two people of one sentence fit equally ("Anna Berg and Lena Berg …, she said"): no guess.
      if (hit && group.some((e) => e.person !== hit?.person && !e.unknown && f(e))) return null;
      if (hit) break;
    }
    // A known-gender mention in this sentence or a newer one.
    if (!fallback) fallback = group.find((e) => !e.unknown && gender && e.person.gender === gender)?.person ?? null;
    // Capitalised words with nothing of a person about them ("a Khamag Mongol's chief … he
    // declared") are no antecedent of a pronoun; whoever is meant, the text has not said: nobody.
    if (hit?.unknown || hit?.person.weak) return null;
    if (hit) {
      if (!gender || hit.person.gender === gender) return hit.person;
      // An unknown-gender subject, and a person known to fit mentioned as recently: ambiguous.
      if (fallback && gender && fallback !== hit.person) return null;
      return hit.person;
    }
  }
  return fallback;
}
