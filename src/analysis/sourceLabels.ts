/**
 * Words for sources the engine cannot name as a person: readable labels for unnamed and
 * organisational sources, stand-ins for unresolved subjects, and role nouns that tell a gender.
 */
import { countryOf, isPlace, ROLE_NOUNS, TITLES, UNNAMED_SOURCE_NOUNS } from './lexicon';
import type { Person } from './speakers';

/**
 * "Ford’s now-deceased father" → "the now-deceased father of Ford": a description led by a
 * possessive name reads as a description, not as the name of the speaker.
 */
export function possessiveLabel(label: string): string {
  const m = /^((?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*)['\u2019]s\s+(\p{Ll}[^,;]*)$/u.exec(label);
  // "Russia’s foreign ministry" is an organisation's name in all but form: keep it.
  return m && m[1] && !isPlace(m[1]) && !countryOf(m[1]) ? `the ${m[2]} of ${m[1]}` : label;
}

/**
 * A readable label for an unnamed or organisational source ("Reports" → "reports"). A capitalised
 * first word whose lower-case form the article also uses ("Teachers chanted" beside "teacher
 * protest") is a common noun at the start of a sentence, not a name.
 */
export function cleanLabel(text: string, body = ''): string {
  let t = text.replace(/\s+/g, ' ').trim();
  t = t.replace(/\s+(here|there|too|also)$/i, '');
  const first = t.split(' ')[0] ?? '';
  const lower = first.toLowerCase();
  if (UNNAMED_SOURCE_NOUNS.has(lower) || /^(a|an|the|some|many|several|most|other|two|three|few)$/.test(lower)) {
    // Sentence-initial capital on a common noun or determiner; keep "The White House" style names.
    const rest = t.slice(first.length);
    if (lower !== 'the' || !/^\s+\p{Lu}/u.test(rest)) t = lower + rest;
  } else if (/^\p{Lu}\p{Ll}+$/u.test(first) && body && !/^\p{Lu}\S*(?:\s+\p{Lu}\S*)+$/u.test(t) && !capitalisedPair(t)) {
    // Not "Drug Abuse", "Human Rights Watch": words all capitalised are a name, common words or
    // not; nor "Credit Suisse published a study", whose capitalised pair opening the words is one.
    const stem = lower.replace(/(?:es|s)$/, '');
    if (stem.length > 3 && new RegExp(`(?:^|[^\\p{L}])${stem}(?:s|es)?(?![\\p{L}])`, 'u').test(body)) t = lower + t.slice(first.length);
  }
  return t;
}

/**
 * "Credit Suisse published …": the words open with two capitalised words, a name. Not when the
 * second is a demonym ("Modern Mongolian historians") or the first a title or role ("Former
 * Secretary of State …", "Rival Hillary Clinton's campaign"), capitalised only by the sentence.
 */
function capitalisedPair(text: string): boolean {
  const m = /^(\S+)\s+(\p{Lu}\p{Ll}+)/u.exec(text);
  if (!m) return false;
  const first = (m[1] as string).toLowerCase();
  return !countryOf(m[2] as string) && !TITLES.has(first) && !ROLE_NOUNS.has(first);
}

/** A stand-in for a subject the text names but the engine cannot identify (never a speaker). */
export function standIn(name: string, gender: 'male' | 'female' | undefined): Person {
  return { id: '', name, tokens: [], titles: new Set(), aliases: new Set(), mentions: [], lastSpoke: -1, lastMention: -1, lastMentionPara: -1, ...(gender ? { gender } : {}) };
}

/** Role nouns that tell a gender. */
export const ROLE_GENDER: Record<string, 'male' | 'female'> = {
  mother: 'female', wife: 'female', daughter: 'female', sister: 'female', aunt: 'female', grandmother: 'female', actress: 'female', chairwoman: 'female', spokeswoman: 'female', congresswoman: 'female', queen: 'female', widow: 'female',
  father: 'male', husband: 'male', son: 'male', brother: 'male', uncle: 'male', grandfather: 'male', chairman: 'male', spokesman: 'male', congressman: 'male', king: 'male', widower: 'male',
};
