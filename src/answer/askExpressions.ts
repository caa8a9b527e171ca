/**
 * Phrasal verbs of a question that WordNet lists ("going on" → go_on), and where their
 * WordNet synonyms stand in a paragraph, as one word or two ("taking place" → take_place,
 * "happening"): what the `expressions` feature of `/ask` counts. Word by word, "going on" is a
 * question word and a stop word, and "taking place" shares neither.
 */
import type { Word } from '../text/words';
import { irregularForms, keyOf } from './questionTerms';
import { expressionSynonyms, wordNetBase } from './wordnet';

/** One expression of the question, with the forms that stand for it. */
export interface Expression {
  lemma: string;
  /** Single-word synonyms, by match key (`keyOf`: "happening" and "happened" share one). */
  singles: ReadonlySet<string>;
  /** Two-word synonyms and the expression itself, as the first word's key and the second word: "take place". */
  pairs: ReadonlySet<string>;
  /**
   * The first two letters of every form and of its irregular forms ("went" for go): a text word
   * sharing none is not keyed (a word not keyed yet is stemmed, 15–35 µs; a paragraph has hundreds).
   */
  prefixes: ReadonlySet<string>;
}

/** Particles that make a verb a phrasal verb ("go on", "step down", "take over"). */
const PARTICLES = new Set(['on', 'off', 'up', 'out', 'in', 'into', 'apart', 'back', 'down', 'over', 'away', 'through', 'along', 'about']);

/** Verb endings and what replaces them ("going" → go, "taking" → take, "signed" → sign). */
const ENDINGS: ReadonlyArray<[string, string]> = [['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e'], ['es', ''], ['s', '']];

/**
 * The forms a word may stand for: itself, WordNet's base form, and the word without a verb
 * ending ("taking" is a noun in WordNet too, and "take" the verb of "taking place").
 */
function bases(word: string): string[] {
  const out = [word, wordNetBase(word)];
  for (const [end, put] of ENDINGS) if (word.length > end.length + 1 && word.endsWith(end)) out.push(word.slice(0, -end.length) + put);
  return out;
}

/** The WordNet expression a verb form and a particle make ("going", "on" → go_on), or null. */
function phrasalVerb(verb: string, particle: string): { lemma: string; synonyms: readonly string[] } | null {
  for (const base of bases(verb)) {
    const lemma = `${base}_${particle}`;
    const synonyms = expressionSynonyms(lemma);
    if (synonyms.length > 0) return { lemma, synonyms };
  }
  return null;
}

/** The question's phrasal verbs that WordNet lists with synonyms ("going on": go_on). */
export function questionExpressions(ws: readonly Word[]): Expression[] {
  const out: Expression[] = [];
  for (let i = 0; i + 1 < ws.length; i++) {
    const a = ws[i]!.norm;
    const b = ws[i + 1]!.norm;
    if (!/^[a-z]+$/.test(a) || !PARTICLES.has(b)) continue;
    const found = phrasalVerb(a, b);
    if (!found) continue;
    const { lemma, synonyms: syns } = found;
    if (out.some((e) => e.lemma === lemma)) continue;
    const singles = new Set(syns.filter((s) => !s.includes('_')).map(keyOf));
    const pairs = new Set(
      [lemma, ...syns]
        .map((s) => s.split('_'))
        .filter((p) => p.length === 2)
        .map(([a, b]) => `${keyOf(a!)} ${b}`),
    );
    const firsts = [lemma, ...syns].map((s) => s.split('_')[0]!);
    const prefixes = new Set(firsts.flatMap((w) => [w, ...irregularForms(w)]).map((w) => w.slice(0, 2)));
    out.push({ lemma, singles, pairs, prefixes });
  }
  return out;
}

/**
 * Per expression, the indexes of the paragraph words where it (or a synonym) starts, comparing
 * match keys (`key`: the knowledge base's table, so a text word costs a lookup). Empty lists when
 * the question has none, at no cost.
 */
export function expressionHits(ws: readonly Word[], exprs: readonly Expression[], key: (norm: string) => string = keyOf): number[][] {
  const out = exprs.map(() => [] as number[]);
  if (exprs.length === 0) return out;
  for (let j = 0; j < ws.length; j++) {
    const norm = ws[j]!.norm;
    if (!exprs.some((e) => e.prefixes.has(norm.slice(0, 2)))) continue;
    const k = key(norm);
    const next = ws[j + 1]?.norm;
    exprs.forEach((e, i) => {
      if (e.singles.has(k) || (next !== undefined && e.pairs.has(`${k} ${next}`))) out[i]!.push(j);
    });
  }
  return out;
}

/** The share of the expressions found among the paragraph words [from, to). */
export function expressionShare(hits: readonly number[][], from: number, to: number): number {
  if (hits.length === 0) return 0;
  let n = 0;
  for (const list of hits) if (list.some((j) => j >= from && j < to)) n++;
  return n / hits.length;
}
