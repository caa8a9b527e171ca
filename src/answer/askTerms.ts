/**
 * A question word as `/ask` looks for it: its match key (Porter2 stem after WordNet's irregular
 * forms), the index terms standing for it (its inflections and derivations found in the
 * vocabulary, WordNet synonyms weighing less, one-typo neighbours for a word no paragraph has) and
 * its weight (idf times how specific the word is in general English).
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { words } from '../text/words';
import { askVocabulary } from './askVocabulary';
import { SYNONYM_WEIGHT, TYPO_WEIGHT, baseForm, irregularForms, specificity, synonymKeys } from './questionTerms';

/** Vocabulary terms read per question word to find its inflections, at most. */
const MAX_FORMS = 150;

/** One content word of the question, as the scorer uses it. */
export interface Term {
  norm: string;
  particle?: string;
  /** Match key → weight (1 the word's own key, less for synonyms and typos). */
  keys: Map<string, number>;
  /**
   * Index terms standing for it, with weights (stage 1), and each term's id and document
   * frequency in the index (`id` −1: no paragraph has it), so a question reads them from here
   * instead of looking every form up in the vocabulary's tree again.
   */
  forms: Array<{ term: string; weight: number; id?: number; df?: number }>;
  idf: number;
}

/** Index terms for a name's words (each as typed). */
export function nameForms(name: string): Array<{ term: string; weight: number }> {
  return words(name)
    .map((w) => w.norm.replace(/'s$/, ''))
    .filter((t) => t.length > 1)
    .map((term) => ({ term, weight: 1 }));
}

const TERM_CACHE_MAX = 20_000;
const newTermCache = (): Map<string, Term> => new Map();

/** `termOf`, remembered per knowledge base (questions share most of their words). */
export function cachedTerm(kb: KnowledgeBase, norm: string, particle: string | undefined, idf: (df: number) => number): Term {
  const cache = kb.derived(newTermCache);
  let t = cache.get(norm);
  if (!t) {
    t = termOf(kb, norm, undefined, idf);
    if (cache.size >= TERM_CACHE_MAX) cache.clear();
    cache.set(norm, t);
  }
  return particle ? { ...t, particle } : t;
}

/**
 * A question word with what stands for it: its own key; the index terms sharing that key (found
 * among the terms starting like it, plus its irregular forms); WordNet synonyms' keys and terms;
 * for a word no paragraph has, the terms one typo away. Its weight is the idf of the paragraphs
 * holding any of its forms (approximated by the most frequent form).
 */
function termOf(kb: KnowledgeBase, norm: string, particle: string | undefined, idf: (df: number) => number): Term {
  // Vocabulary terms' keys come from the table (askVocabulary.ts): stemming them was most of the
  // time of a question with words nobody asked about before.
  const vocabulary = askVocabulary(kb);
  const own = vocabulary.keyOf(norm);
  const keys = new Map<string, number>([[own, 1]]);
  const forms = new Map<string, number>();
  let df = 0;
  // The vocabulary's terms come with their ids (`termIdsWithPrefix`); other candidates (the stem
  // itself, irregular forms, "-ed" guesses) are looked up by text (`idOf`), and keyed only when found.
  const ids = new Map<string, number>();
  const addForm = (c: string, knownId: number | undefined, key: string, weight: number) => {
    // The id first: a candidate no paragraph has ("runned") is then never stemmed, which costs
    // 15–35 µs against a lookup's one or two.
    const id = knownId ?? vocabulary.idOf(c);
    if (id === undefined || vocabulary.keyOf(c) !== key) return;
    const f = kb.index.documentFrequencyOf(id);
    if (f === 0) return;
    if (weight === 1) df = Math.max(df, f);
    if ((forms.get(c) ?? 0) < weight) forms.set(c, weight);
    ids.set(c, id);
  };
  const addWords = (candidates: Iterable<string>, key: string, weight: number) => {
    for (const c of candidates) addForm(c, undefined, key, weight);
  };
  const addPrefixed = (prefix: string, max: number, key: string, weight: number) => {
    // By id: most of the terms sharing a prefix have another key, and are passed over without
    // reading their text (`addForm` with the same term and id for the others).
    for (const id of kb.index.termIdsWithPrefix(prefix, max)) if (vocabulary.keyOfId(id) === key) addForm(vocabulary.term(id), id, key, weight);
  };
  const base = baseForm(norm);
  const prefixOf = (k: string) => (k.length >= 4 ? k.slice(0, Math.max(4, k.length - 1)) : k);
  const tryKey = (key: string, word: string, weight: number) => {
    addWords([word, key, baseForm(word), ...irregularForms(baseForm(word))], key, weight);
    if (key.length >= 4 && /^[a-z]+$/.test(key)) addPrefixed(prefixOf(key), MAX_FORMS, key, weight);
    else addWords([`${word}s`, `${word}es`, `${word}ed`, `${word}d`, `${word}ing`], key, weight);
  };
  tryKey(own, base, 1);
  if (forms.size === 0 && !/-/.test(norm)) {
    for (const t of kb.index.typoTerms(norm)) {
      const k = vocabulary.keyOf(t);
      if (!keys.has(k)) keys.set(k, TYPO_WEIGHT);
      forms.set(t, TYPO_WEIGHT);
    }
  }
  for (const k of synonymKeys(norm, vocabulary.keyOf)) {
    if (keys.has(k)) continue;
    keys.set(k, SYNONYM_WEIGHT);
    addWords([k], k, SYNONYM_WEIGHT);
    addPrefixed(prefixOf(k), 40, k, SYNONYM_WEIGHT);
  }
  // Hyphenated question words ("end-of-war") are indexed whole and by part.
  if (norm.includes('-')) for (const part of norm.split('-')) if (part.length > 2) forms.set(part, Math.max(forms.get(part) ?? 0, 0.5));
  const formList = [...forms].map(([term, weight]) => {
    const id = ids.get(term) ?? vocabulary.idOf(term) ?? -1;
    return { term, weight, id, df: id >= 0 ? kb.index.documentFrequencyOf(id) : 0 };
  });
  return { norm, ...(particle ? { particle } : {}), keys, forms: formList, idf: idf(Math.max(df, 1)) * specificity(norm) };
}
