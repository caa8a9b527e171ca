/**
 * Makes the install-time WordNet table (wordnetTable.ts) from the live lookups of wordnet.ts, so
 * that by construction each line is what those lookups answer.
 */
import { computeKey } from './questionTerms';
import { allLemmas, liveSenseCount, liveSynonyms, TABLE_RULE } from './wordnet';
import { fingerprint, formatWordNetTable, type WordNetEntry } from './wordnetTable';

/** The header a table made now carries (and a table read now must carry). */
export const tableHeader = (): string => fingerprint(TABLE_RULE);

/** The table's entry for `lemma`, from the database files; undefined for what is not a lemma shape it answers. */
export function liveEntry(lemma: string): WordNetEntry | undefined {
  if (lemma.length > 40) return undefined;
  if (/^[a-z][a-z-]*$/.test(lemma)) {
    const synonyms = liveSynonyms(lemma, false);
    const keys = synonyms.map(computeKey);
    // The line's lists are space-separated: a key that is empty or holds a space would shift them.
    for (const k of keys) if (!/^\S+$/.test(k)) throw new Error(`WordNet table: unusable key ${JSON.stringify(k)} for ${lemma}`);
    return { senses: liveSenseCount(lemma), synonyms, keys };
  }
  if (/^[a-z][a-z-]*_[a-z][a-z-]*$/.test(lemma)) return { senses: 0, synonyms: liveSynonyms(lemma, true), keys: [] };
  return undefined;
}

/** The table's text for `lemmas` (every lemma WordNet lists by default). */
export function buildWordNetTable(lemmas: Iterable<string> = allLemmas()): string {
  const entries: Array<[string, WordNetEntry]> = [];
  for (const lemma of lemmas) {
    const e = liveEntry(lemma);
    if (e) entries.push([lemma, e]);
  }
  return formatWordNetTable(tableHeader(), entries);
}
