/**
 * Descriptions the text itself ties to a name by apposition: "According to his aunt, Jane
 * Starner, “…”" (the description, then the name between commas). Only an explicit tie counts: a
 * description the text never puts next to a name stays an honest label.
 */
import { roleWord } from './nounPhrases';
import type { NameMention } from './names';
import { ROLE_GENDER } from './sourceLabels';
import { tokenize } from '../text/tokens';

/** What may follow the appositive name: the closing comma, a colon, a full stop or a quotation. */
const AFTER_NAME = /^\s*(?:[,:.]|["\u201C\u201D]|$)/;

/**
 * The name in apposition right after source words that describe one person ("his aunt", "the
 * mayor", "a spokesman for the council") and hold no name themselves: "his aunt, Jane Starner,"
 * → the mention of Jane Starner. Undefined when none follows, when the description's head is no
 * person noun ("the letter, …"), or when the name runs on into more words ("his aunt, Jane
 * Starner and …": a list, not an apposition).
 */
export function appositiveName(body: string, source: [number, number], namesIn: (s: number, e: number) => NameMention[]): NameMention | undefined {
  const [ss, se] = source;
  const words = tokenize(body, ss, se);
  const first = words[0];
  const head = words[words.length - 1];
  if (!first || !head || words.length > 6) return undefined;
  if (!/^(?:his|her|their|the|a|an)$/.test(first.lower)) return undefined;
  if (words.some((w) => w.cap && w !== first)) return undefined;
  if (!roleWord(head.lower) && !ROLE_GENDER[head.lower]) return undefined;
  const comma = /^,\s+/.exec(body.slice(se, se + 4));
  if (!comma) return undefined;
  const at = se + comma[0].length;
  const m = namesIn(at, at + 80).find((x) => x.start === at || x.runStart === at);
  if (!m || m.inQuote || m.possessive || m.tokens.length < 2) return undefined;
  return AFTER_NAME.test(body.slice(m.end, m.end + 3)) ? m : undefined;
}

/**
 * The group a definite plural description belongs to by the text's own apposition: "the
 * doctors" after "The doctors, members of a recently formed group Doctors for Camp Closure, …"
 * → "Doctors for Camp Closure". Only the same words ("the doctors", not "the physicians") and only
 * "members of" a capitalised name; undefined otherwise.
 */
export function groupNamed(body: string, source: [number, number]): string | undefined {
  const text = body.slice(source[0], source[1]);
  const m = /^the\s+(\p{Ll}+s)$/iu.exec(text);
  if (!m || !m[1] || /(?:ss|us)$/.test(m[1])) return undefined;
  const tie = new RegExp(`\\b[Tt]he\\s+${m[1]},\\s+(?:all\\s+|both\\s+)?members\\s+of\\s+(?:a\\s+|an\\s+|the\\s+)?(?:[\\p{Ll}-]+\\s+){0,4}(\\p{Lu}[\\p{L}'\\u2019&-]*(?:\\s+(?:of|for|and|the|\\p{Lu}[\\p{L}'\\u2019&-]*))*)`, 'u');
  const g = tie.exec(body.slice(0, source[0]));
  return g?.[1]?.replace(/\s+(?:of|for|and|the)$/u, '');
}
