/**
 * Autocomplete over a fixed list, prepared once: the same ranking as `rankChoices`
 * (search/suggest.ts) — whole-key prefix, then a word of a key starting with the typed text,
 * then containing it; ties by weight, then name; at most 25 distinct values.
 *
 * Prepared so that a keystroke does not walk every entry (46,000 article titles at a million
 * paragraphs took 22 ms at p99 that way):
 * - keys sorted, so the entries a whole-key prefix picks are one binary-searched range; when they
 *   hold 25 distinct values, that is the answer;
 * - otherwise every key in tie order in one string, so `indexOf` (native, fast) finds each place
 *   the typed text occurs, and the place says the rank (key start, word start, inside a word).
 */
import { clip, MAX_CHOICES, rankChoices, type Choice, type Choosable } from './suggest';
import { normalizeWord } from '../text/words';
import { graphemePrefix } from '../core/clip';

interface Prepared {
  name: string;
  value: string;
}

/** Joins keys in the haystack. Keys holding it (never in practice) take the slow path; typed text holding it then matches nothing. */
const SEPARATOR = '\u0000';
const WORD_BREAK = /[\s-]/;

export class ChoiceIndex {
  /** Entries in tie order: weight descending, then name. */
  private readonly entries: Prepared[];
  /** Every normalised key, in tie order, each followed by SEPARATOR. */
  private readonly haystack: string;
  /** Per key (haystack order): where it starts in the haystack, and its entry. */
  private readonly keyStart: Int32Array;
  private readonly keyEntry: Int32Array;
  /** Key numbers (haystack order) sorted by key text, for whole-key prefix ranges. */
  private readonly sorted: Int32Array;
  private readonly keys: string[];
  /** Set when some key holds SEPARATOR: then every keystroke takes `rankChoices`. */
  private readonly unprepared: Choosable[] | null;

  constructor(entries: Choosable[]) {
    const ordered = [...entries].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0) || a.name.localeCompare(b.name));
    this.entries = ordered.map((e) => ({ name: clip(e.name), value: clip(e.value) }));
    const keys: string[] = [];
    const keyEntry: number[] = [];
    ordered.forEach((e, i) => {
      for (const k of e.keys) {
        keys.push(normalizeWord(k));
        keyEntry.push(i);
      }
    });
    this.keys = keys;
    this.unprepared = keys.some((k) => k.includes(SEPARATOR)) ? entries : null;
    this.keyEntry = Int32Array.from(keyEntry);
    this.keyStart = new Int32Array(keys.length);
    let at = 0;
    keys.forEach((k, i) => {
      this.keyStart[i] = at;
      at += k.length + 1;
    });
    this.haystack = keys.join(SEPARATOR) + SEPARATOR;
    this.sorted = Int32Array.from(keys.keys()).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  }

  rank(typed: string): Choice[] {
    const q = graphemePrefix(normalizeWord(typed.trim()).replace(/\s+/g, ' '), 100);
    if (!q) return this.firstDistinct(this.entries.keys());
    if (this.unprepared) return rankChoices(this.unprepared, typed);
    if (q.includes(SEPARATOR)) return []; // no key holds it
    const fromPrefix = this.prefixEntries(q);
    const answer = this.firstDistinct(fromPrefix);
    if (answer.length >= MAX_CHOICES) return answer;
    // Too few whole-key prefixes: rank every occurrence of the typed text.
    const rankOf = new Uint8Array(this.entries.length);
    const wordQ = !WORD_BREAK.test(q); // text with a space or hyphen can't start a single word
    let key = 0;
    for (let at = this.haystack.indexOf(q); at >= 0; at = this.haystack.indexOf(q, at + 1)) {
      while (key + 1 < this.keyStart.length && this.keyStart[key + 1]! <= at) key++;
      const entry = this.keyEntry[key]!;
      const rank = at === this.keyStart[key] ? 3 : wordQ && WORD_BREAK.test(this.haystack[at - 1]!) ? 2 : 1;
      if (rank > rankOf[entry]!) rankOf[entry] = rank;
    }
    const ordered: number[] = [];
    for (const rank of [3, 2, 1]) for (let e = 0; e < rankOf.length; e++) if (rankOf[e] === rank) ordered.push(e);
    return this.firstDistinct(ordered);
  }

  /** Entries with a key starting with `q`, in tie order. */
  private prefixEntries(q: string): number[] {
    const { keys, sorted } = this;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[sorted[mid]!]! < q) lo = mid + 1;
      else hi = mid;
    }
    const found = new Set<number>();
    for (let i = lo; i < sorted.length && keys[sorted[i]!]!.startsWith(q); i++) found.add(this.keyEntry[sorted[i]!]!);
    return [...found].sort((a, b) => a - b);
  }

  /** The first 25 entries with distinct values, as choices. */
  private firstDistinct(entries: Iterable<number>): Choice[] {
    const seen = new Set<string>();
    const out: Choice[] = [];
    for (const i of entries) {
      const e = this.entries[i]!;
      if (seen.has(e.value)) continue;
      seen.add(e.value);
      out.push({ name: e.name, value: e.value });
      if (out.length >= MAX_CHOICES) break;
    }
    return out;
  }
}
