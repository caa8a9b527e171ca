/**
 * Acronyms a text defines: "the National Football League (NFL)", "alternating current (AC)",
 * "Children's Memorial Health Institute (CMHI)", and the rarer "NFL (National Football League)".
 * The text itself says the two wordings name the same thing, so `/ask` may match one for the other.
 */
import { withoutPossessive, words, type Word } from './words';

/** One definition: the acronym and its long form, both as normalised words. */
export interface AcronymDefinition {
  /** The acronym's normalised word ("nfl", "kengen"). */
  acronym: string;
  /** The long form's normalised words, connectives included ("office", "of", "alien", "property"). */
  long: string[];
}

/** Words a long form may hold that its acronym skips ("Office of Alien Property" is OAP). */
const CONNECTIVES = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', 'de', 'du', 'des', 'la', 'le', '&']);

/** A parenthesised acronym: a capital, then letters, closed or followed by more ("(OAPEC, consisting of …)"). */
const IN_PARENS = /\(([A-Z][A-Za-z]{1,9})(?:\)|[,;] )/y;
/** "NFL (National Football League)": the acronym before a parenthesis of capitalised words (read where the word starts). */
const BEFORE_PARENS = /([A-Z][A-Za-z]{1,9}) \(([A-Z][^()]{3,120})\)/y;

/** Words of the text before the parenthesis read for a long form, at most. */
const LOOK_BACK_CHARS = 160;

const capitals = (s: string) => (s.match(/[A-Z]/g) ?? []).length;
/** At least two capitals, and at least half the letters ("DoD", "NFL"; not "McDonald"). */
export const acronymLike = (s: string) => capitals(s) >= 2 && capitals(s) * 2 >= s.length;

/**
 * The acronyms `text` defines, in order of appearance (a repeated definition once). The long form
 * is the run of words right before "(ABC)" whose initials spell the acronym's capitals (its
 * lower-case letters may be skipped or spelled: "KenGen" is not "Kenya Electricity Generating
 * Company", "DoD" is "Department of Defense"), connectives allowed inside, never at either end;
 * its words are either all capitalised or all lower case ("gross domestic product (GDP)").
 */
export function acronymDefinitions(text: string): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  const seen = new Set<string>();
  const add = (acronym: string, long: string[] | null) => {
    if (!long) return;
    const key = `${acronym.toLowerCase()} ${long.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ acronym: acronym.toLowerCase(), long });
  };
  // Each "(" followed by a capital, found by indexOf: a regex over every paragraph of a large
  // library was most of the cost of gathering its acronyms.
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
    const c = text.charCodeAt(at + 1);
    if (c < 65 || c > 90) continue;
    IN_PARENS.lastIndex = at;
    const inner = IN_PARENS.exec(text);
    if (inner && inner.index === at && acronymLike(inner[1]!)) {
      const before = text.slice(Math.max(0, at - LOOK_BACK_CHARS), at);
      // The long form stands right before the parenthesis (a space, nothing else, between them).
      if (/[\p{L}\p{N}'’]\s+$/u.test(before)) add(inner[1]!, spelledBackwards(inner[1]!, before, words(before)));
      continue;
    }
    // "NFL (National Football League)": the word before " (" read from its start.
    if (text[at - 1] !== ' ') continue;
    let from = at - 1;
    while (from > 0 && from > at - 12 && /[A-Za-z]/.test(text[from - 1]!)) from--;
    if (from > 0 && /[\p{L}\p{N}]/u.test(text[from - 1]!)) continue;
    BEFORE_PARENS.lastIndex = from;
    const m = BEFORE_PARENS.exec(text);
    if (!m || !acronymLike(m[1]!)) continue;
    const ws = words(m[2]!);
    const long = spelledForwards(m[1]!, m[2]!, ws);
    if (long && long.length === ws.length) add(m[1]!, long);
  }
  return out;
}

/** Whether the word is written with a capital first letter. */
const capitalised = (text: string, w: Word) => /^\p{Lu}/u.test(text.slice(w.start, w.end));

/**
 * Whether the word `w` spells `letter`: its first letter, where a lower-case connective spells no
 * capital ("Office of Alien Property" is OAP; "Department of Defense" is DoD).
 */
const spells = (text: string, w: Word, letter: string) =>
  w.norm.startsWith(letter.toLowerCase()) && !(CONNECTIVES.has(w.norm) && letter !== letter.toLowerCase() && !capitalised(text, w));

/**
 * The long form ending at the last word of `ws` whose initials spell `acronym` (read from its last
 * letter back), or null.
 */
function spelledBackwards(acronym: string, text: string, ws: Word[]): string[] | null {
  const letters = [...acronym];
  let l = letters.length - 1;
  let i = ws.length - 1;
  let first = ws.length;
  while (l >= 0 && i >= 0) {
    const w = ws[i]!;
    const letter = letters[l]!;
    const upper = letter !== letter.toLowerCase();
    if (spells(text, w, letter)) {
      first = i;
      l--;
      i--;
    } else if (!upper) l--; // a lower-case letter of the acronym may be spelled by no word
    else if (CONNECTIVES.has(w.norm) && first < ws.length) i--;
    else return null;
  }
  // Lower-case letters left over at the acronym's start spell nothing; a capital must be spelled.
  while (l >= 0 && letters[l] === letters[l]!.toLowerCase()) l--;
  if (l >= 0 || first >= ws.length) return null;
  return checked(text, ws.slice(first));
}

/** The long form at the start of `ws` whose initials spell `acronym`, or null. */
function spelledForwards(acronym: string, text: string, ws: Word[]): string[] | null {
  const letters = [...acronym];
  let l = 0;
  let i = 0;
  while (l < letters.length && i < ws.length) {
    const w = ws[i]!;
    const letter = letters[l]!;
    const upper = letter !== letter.toLowerCase();
    if (spells(text, w, letter)) {
      l++;
      i++;
    } else if (!upper) l++;
    else if (CONNECTIVES.has(w.norm) && i > 0) i++;
    else return null;
  }
  while (l < letters.length && letters[l] === letters[l]!.toLowerCase()) l++;
  if (l < letters.length || i === 0) return null;
  return checked(text, ws.slice(0, i));
}

/**
 * The run's words, when it is a name: at least two words, no connective at either end, content
 * words all capitalised or all lower case ("the Royal Society (UK)" is no definition of UK anyway;
 * "Kenya's gross domestic product (GDP)" starts at "gross").
 */
function checked(text: string, run: Word[]): string[] | null {
  if (run.length < 2) return null;
  if (CONNECTIVES.has(run[0]!.norm) || CONNECTIVES.has(run.at(-1)!.norm)) return null;
  const content = run.filter((w) => !CONNECTIVES.has(w.norm));
  const caps = content.filter((w) => capitalised(text, w)).length;
  if (caps !== 0 && caps !== content.length) return null;
  return run.map((w) => withoutPossessive(w.norm));
}
