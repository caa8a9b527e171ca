/**
 * The key a learned cue is stored under: WordNet's base form for an irregular verb ("said" →
 * "say", from `wink-lexicon`), then the Porter2 stem (`wink-porter2-stemmer`), so "endorsed",
 * "endorses" and "endorse" share one entry and a form train never showed still finds it.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const porter = require('wink-porter2-stemmer') as (word: string) => string;
const VERB_EXCEPTIONS = require('wink-lexicon/src/wn-verb-exceptions.js') as Record<string, string>;
/** Penn part-of-speech tags a word form can take (wink-lexicon's English lexicon, ~13,000 words). */
const TAGS = require('wink-lexicon/src/lexicon.js') as Record<string, string[] | undefined>;

/**
 * Whether a lower-case word form can be a verb: tagged VB* by the lexicon, or a form it does not
 * know ("retweeted"). "million", "lawsuit" and "opinion" cannot open a learned verb frame.
 */
export function canBeVerb(lower: string): boolean {
  const tags = posTags(lower);
  return tags.length === 0 || tags.some((t) => t.startsWith('VB'));
}

/** The Penn tags the lexicon gives a lower-case word form, most frequent first ([] when unknown). */
export function posTags(lower: string): readonly string[] {
  return (Object.hasOwn(TAGS, lower) ? TAGS[lower] : undefined) ?? [];
}

/**
 * Whether a lower-case word in -ly is an adverb or an adjective ("recently", "friendly") rather
 * than a noun ("family", "rally", "assembly", "ally"): the lexicon tags it as an adverb, or never
 * as a noun. Unknown words count as adverbs, as before the lexicon was asked.
 */
export function lyModifier(lower: string): boolean {
  if (!/ly$/.test(lower)) return false;
  const tags = posTags(lower);
  // "briefly" and "daily" are tagged nouns too, but adverbs as well: a modifier.
  return tags.includes('RB') || !tags.some((t) => t.startsWith('NN'));
}

const memo = new Map<string, string>();
/**
 * Whether a lower-case word form is only ever an adjective or a participle ("renewed", "new"): a
 * verb right after one is the head noun of a phrase ("Seoul's renewed push to …"), not a cue.
 */
export function adjectiveOnly(lower: string): boolean {
  return onlyTagged(lower, /^(?:JJ[RS]?|VBN|VBD)$/);
}

/**
 * Whether a lower-case word form is only ever a verb's past form, an adjective, an adverb or an
 * interjection ("revealed", "confirmed"): a one-word headline prefix of
 * that kind ("Revealed: …") is a teaser label, not a name.
 */
export function modifierOnly(lower: string): boolean {
  return onlyTagged(lower, /^(?:VBD|VBN|JJ[RS]?|RB[RS]?|UH)$/);
}

/** Whether the lexicon knows the word and every tag it gives matches `tag`. */
function onlyTagged(lower: string, tag: RegExp): boolean {
  const tags = posTags(lower);
  return tags.length > 0 && tags.every((t) => tag.test(t));
}

/** Bounded: an article's vocabulary is small, a hostile body of random words is not. */
const MEMO_MAX = 50_000;

/** The learned-cue key of a lower-case word ("endorsed" → "endors", "said" → "say"). */
export function cueStem(lower: string): string {
  const hit = memo.get(lower);
  if (hit !== undefined) return hit;
  const base = Object.hasOwn(VERB_EXCEPTIONS, lower) ? (VERB_EXCEPTIONS[lower] as string) : lower;
  const stem = porter(base);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(lower, stem);
  return stem;
}
