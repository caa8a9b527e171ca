/**
 * Ranked autocomplete. Discord allows at most 25 choices with names and values of at most 100
 * characters, and the answer must come within 3 seconds, so this runs in memory and is cheap.
 */
import { normalizeWord } from '../text/words';
import { clip as clipText, graphemePrefix } from '../core/clip';
import { MAX_CHOICE_LENGTH, MAX_CHOICES } from '../core/limits';

export interface Choice {
  name: string;
  value: string;
}

export interface Choosable extends Choice {
  /** Strings the typed prefix is matched against (name, aliases, id). */
  keys: string[];
  /** Tie-breaker: more important entries first (e.g. number of quotes). */
  weight?: number;
}

export { MAX_CHOICES };

/**
 * Ranks entries for a typed prefix: whole-key prefix first, then a word of the key starting with
 * it, then containing it; ties by weight, then name. An empty prefix lists the heaviest entries.
 */
export function rankChoices(entries: Choosable[], typed: string): Choice[] {
  const q = graphemePrefix(normalizeWord(typed.trim()).replace(/\s+/g, ' '), 100);
  const scored: Array<{ entry: Choosable; rank: number }> = [];
  for (const entry of entries) {
    let rank = q ? 0 : 1;
    for (const key of entry.keys) {
      const k = normalizeWord(key);
      if (!q) break;
      if (k.startsWith(q)) rank = Math.max(rank, 3);
      else if (k.split(/[\s-]+/).some((w) => w.startsWith(q))) rank = Math.max(rank, 2);
      else if (k.includes(q)) rank = Math.max(rank, 1);
    }
    if (rank > 0) scored.push({ entry, rank });
  }
  scored.sort(
    (a, b) => b.rank - a.rank || (b.entry.weight ?? 0) - (a.entry.weight ?? 0) || a.entry.name.localeCompare(b.entry.name),
  );
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const { entry } of scored) {
    const value = clip(entry.value);
    if (seen.has(value)) continue;
    seen.add(value);
    out.push({ name: clip(entry.name), value });
    if (out.length >= MAX_CHOICES) break;
  }
  return out;
}

/** A choice name or value as Discord accepts it: one line, at most 100 characters. */
export function clip(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return clipText(flat, MAX_CHOICE_LENGTH);
}
