/**
 * Finds party names in text. A token lookup over every alias (longest first, so "South Korea"
 * wins over "Korea" and "UN Command" over "UN"), then generic checks against the usual
 * confusions: case matters ("US" the country, "us" the pronoun), an ambiguous name inside a longer
 * capitalised name is not the party ("George Washington", "Latin America"), and a capital used as
 * a place ("met in Washington", "the Hanoi summit") is marked locative.
 */
import { letterOrDigitBefore, letterOrDigitWidth, letterRunEnd } from '../text/wordRule';
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


/** One alias as the scanner tries it. */
interface Entry {
  alias: Alias;
  /** The alias text split at whitespace; matched against text with any run of whitespace between. */
  parts: string[];
  /** The first letter may be upper or lower case ("the regime" / "The regime"). */
  flexible: boolean;
}

/**
 * Finds party names by looking up each word of the text in a map keyed by the lower-cased first
 * word of every alias, then trying that word's aliases longest first. Same matches as one big
 * alternation of every alias (`(?<![\p{L}\p{N}'’.-])(?:…)(?![\p{L}\p{N}])`), but linear in the
 * text: a word that starts no alias costs one map lookup.
 */
export class PartyMatcher {
  private readonly byFirst = new Map<string, Entry[]>();
  /** Cheap pre-check of a word before the map lookup: its first two letters (ASCII, lower case) and length. */
  private readonly shapes = new Set<number>();
  private readonly byText = new Map<string, Alias>();
  /** Aliases that do not start with a letter or digit (odd parties.yaml entries), as a fallback. */
  private readonly odd: RegExp | null;

  constructor(aliases: readonly Alias[]) {
    const sorted = [...aliases].sort((a, b) => b.text.length - a.text.length);
    const oddPatterns: string[] = [];
    for (const a of sorted) {
      const key = lookupKey(a.text, a.kind);
      if (this.byText.has(key)) continue;
      this.byText.set(key, a);
      // A name's first word: letters and digits up to the first other character.
      const firstEnd = letterRunEnd(a.text, 0);
      if (firstEnd === 0) {
        oddPatterns.push(pattern(a));
        continue;
      }
      const k = a.text.slice(0, firstEnd).toLowerCase();
      this.shapes.add(shape(k.charCodeAt(0), k.length > 1 ? k.charCodeAt(1) : 0, k.length));
      const list = this.byFirst.get(k) ?? [];
      list.push({ alias: a, parts: a.text.split(/\s+/).filter(Boolean), flexible: flexibleFirst(a.text, a.kind) });
      this.byFirst.set(k, list);
    }
    this.odd = oddPatterns.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}'’.\\-])(?:${oddPatterns.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  }

  /** Every party mention in `text`, in order, with locative use marked. */
  find(text: string): PartyMention[] {
    const out: PartyMention[] = [];
    const spans: Array<[number, number]> = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const j = letterRunEnd(text, i);
      if (j === i) {
        i++;
        continue;
      }
      // A name starts at a word that follows no letter, digit, apostrophe, dot or hyphen.
      if (i > 0 && blocksStart(text, i)) {
        i = j;
        continue;
      }
      const list = this.mayStart(text, i, j) ? this.byFirst.get(text.slice(i, j).toLowerCase()) : undefined;
      let next = j;
      if (list) {
        for (const e of list) {
          const end = matchAt(text, i, e);
          if (end < 0) continue;
          spans.push([i, end]);
          // Matches do not overlap: go on after this one.
          next = end;
          break;
        }
      }
      i = next;
    }
    if (this.odd) {
      for (const m of text.matchAll(this.odd)) {
        const end = m.index + m[0].length;
        if (!spans.some(([a, b]) => m.index < b && a < end)) spans.push([m.index, end]);
      }
      spans.sort((x, y) => x[0] - y[0]);
    }
    for (const [start, end] of spans) {
      const surface = text.slice(start, end);
      const alias = this.aliasFor(surface);
      if (!alias) continue;
      if (alias.ambiguous && insideLongerName(text, start, end)) continue;
      out.push({ partyId: alias.partyId, start, end, text: surface, kind: alias.kind, locative: isLocative(text, start, alias), ...(alias.ambiguous ? { ambiguous: true } : {}) });
    }
    return out;
  }

  /** Whether the word text[i, j) can be the first word of an alias (false only when surely not). */
  private mayStart(text: string, i: number, j: number): boolean {
    const a = text.charCodeAt(i);
    const b = j - i > 1 ? text.charCodeAt(i + 1) : 0;
    if (a >= 128 || b >= 128) return true;
    return this.shapes.has(shape(lowerAscii(a), lowerAscii(b), j - i));
  }

  private aliasFor(surface: string): Alias | undefined {
    return this.byText.get(surface) ?? this.byText.get(lowerFirst(surface));
  }
}

/** End of the alias written at `start` of `text` (whitespace runs between its parts), or -1. */
function matchAt(text: string, start: number, e: Entry): number {
  let pos = start;
  for (let i = 0; i < e.parts.length; i++) {
    const part = e.parts[i]!;
    if (i > 0) {
      const from = pos;
      while (pos < text.length && /\s/.test(text[pos]!)) pos++;
      if (pos === from) return -1;
    }
    if (i === 0 && e.flexible) {
      const c = text[pos];
      const f = part.charAt(0);
      if (c !== f.toLowerCase() && c !== f.toUpperCase()) return -1;
      if (!text.startsWith(part.slice(1), pos + 1)) return -1;
    } else if (!text.startsWith(part, pos)) return -1;
    pos += part.length;
  }
  // Not before a letter or digit ("Korean" is not "Korea"); a hyphen is fine ("US-led").
  if (letterOrDigitWidth(text, pos) > 0) return -1;
  return pos;
}

function shape(a: number, b: number, length: number): number {
  return (a * 128 + b) * 64 + Math.min(length, 63);
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** The character before `i` keeps a name from starting there ("pro-US", "Korea's", "N.Korea"). */
function blocksStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  if (c === 39 || c === 0x2019 || c === 46 || c === 45) return true;
  return letterOrDigitBefore(text, i);
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
