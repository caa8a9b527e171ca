/**
 * The key a person's name is known by: normalised like a word (case, accents, punctuation), runs of
 * spaces made one. Lives in the text layer because the people list (`knowledge/people.ts`) and the
 * party registry (`parties/`) both key on it and neither may import the other.
 */
import { normalizeWord } from './words';

export function personKey(name: string): string {
  return normalizeWord(name).replace(/\s+/g, ' ').trim();
}
