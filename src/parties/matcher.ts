/**
 * Finds party names in text. One regular expression over every alias (longest first, so "South
 * Korea" wins over "Korea" and "UN Command" over "UN"), then generic checks against the usual
 * confusions: case matters ("US" the country, "us" the pronoun), an ambiguous name inside a longer
 * capitalised name is not the party ("George Washington", "Latin America"), and a capital used as
 * a place ("met in Washington", "the Hanoi summit") is marked locative.
 */
import type { Alias, PartyMention } from './types';

/** Prepositions and verbs after which a place name is a location, not an actor. */
const LOCATIVE_BEFORE = new Set(
  'in at to near outside inside around across into via visit visits visited visiting based held'.split(' '),
);
/** Capitalised words allowed right after an ambiguous name (titles, weekdays, months). */
const ALLOWED_AFTER = new Set(
  ('President Prime Minister Foreign Defense Defence Secretary Ambassador Embassy Government Army ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June ' +
    'July August September October November December').split(' '),
);
/** Capitalised words allowed right before an ambiguous name (sentence-initial function words). */
const FUNCTION_WORDS = new Set(
  'The In On At For With As After Before During Since Until While But And Or So Yet Still Also Then Now Meanwhile However Both Neither Even Only'.split(' '),
);

export class PartyMatcher {
  private readonly re: RegExp;
  private readonly byText = new Map<string, Alias>();

  constructor(aliases: readonly Alias[]) {
    const sorted = [...aliases].sort((a, b) => b.text.length - a.text.length);
    const patterns: string[] = [];
    for (const a of sorted) {
      const key = lookupKey(a.text, a.kind);
      if (this.byText.has(key)) continue;
      this.byText.set(key, a);
      patterns.push(pattern(a));
    }
    // Not after a letter, digit, apostrophe, hyphen or dot ("pro-US", "Korea's"); not before a
    // letter or digit. A trailing hyphen is fine: "US-led", "Seoul-based".
    this.re = new RegExp(`(?<![\\p{L}\\p{N}'’.\\-])(?:${patterns.join('|') || '(?!)'})(?![\\p{L}\\p{N}])`, 'gu');
  }

  /** Every party mention in `text`, in order, with locative use marked. */
  find(text: string): PartyMention[] {
    const out: PartyMention[] = [];
    for (const m of text.matchAll(this.re)) {
      const surface = m[0];
      const start = m.index;
      const end = start + surface.length;
      const alias = this.aliasFor(surface);
      if (!alias) continue;
      if (alias.ambiguous && insideLongerName(text, start, end)) continue;
      out.push({ partyId: alias.partyId, start, end, text: surface, kind: alias.kind, locative: isLocative(text, start, alias), ...(alias.ambiguous ? { ambiguous: true } : {}) });
    }
    return out;
  }

  private aliasFor(surface: string): Alias | undefined {
    return this.byText.get(surface) ?? this.byText.get(lowerFirst(surface));
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Aliases whose first letter may change case ("the regime"/"The regime") are stored lower-first. */
function lookupKey(text: string, kind: Alias['kind']): string {
  return flexibleFirst(text, kind) ? lowerFirst(text) : text;
}

function flexibleFirst(text: string, kind: Alias['kind']): boolean {
  return kind === 'context' || /^the\s/i.test(text);
}

function pattern(a: Alias): string {
  const escaped = a.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  if (!flexibleFirst(a.text, a.kind)) return escaped;
  const first = a.text.charAt(0);
  return `[${first.toLowerCase()}${first.toUpperCase()}]${escaped.slice(1)}`;
}

/** "George Washington", "Washington Post", "Latin America", "New Jersey": part of another name. */
function insideLongerName(text: string, start: number, end: number): boolean {
  const before = /([\p{L}.]+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start));
  if (before) {
    const prev = before[1]!;
    // Even at the start of a sentence a capitalised word before is a first name ("George
    // Washington said"), unless it is a function word that is capitalised only for that reason.
    if (/^\p{Lu}/u.test(prev) && !FUNCTION_WORDS.has(prev)) return true;
    if (/^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?$/.test(prev)) return true;
  }
  const after = /^[ \t]+(\p{Lu}[\p{L}'’.-]*)/u.exec(text.slice(end, end + 40));
  if (after && !ALLOWED_AFTER.has(after[1]!)) return true;
  // "Washington state", "Georgia county": the US place, not the country or its government.
  return /^[ \t]+(state|county|university)\b/.test(text.slice(end, end + 20));
}

function isLocative(text: string, start: number, alias: Alias): boolean {
  // Only capitals: a country's name after "from" or "to" is as often the actor as the place.
  if (alias.kind !== 'capital') return false;
  // "sign on to Seoul's proposal": a possessive is the government's, wherever it stands.
  if (/^['’]s\b/.test(text.slice(start + alias.text.length, start + alias.text.length + 3))) return false;
  const prev = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(0, start - 20), start))?.[1]?.toLowerCase();
  if (!prev) return false;
  if (LOCATIVE_BEFORE.has(prev)) return true;
  // "the Hanoi summit": a capital after "the" is an attribute of a place, not the government.
  return alias.kind === 'capital' && prev === 'the';
}
