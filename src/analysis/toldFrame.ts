/**
 * "X told reporters he …", "X told The Huffington Post Monday his firm …": a telling verb, its
 * addressee and a reported clause without "that". The clause frames require "that" after
 * "told" (without it the object is mostly a story or a joke: "told a joke"), so this frame only
 * reads a clause that visibly starts a new subject and verb after a short addressee.
 */
import { clauseFrame } from './clauseFrames';
import { FINITE } from './clauseEnd';
import type { RawStatement } from './statement';
import type { QuoteIndex, Sentence } from '../text/structure';
import type { Token } from '../text/tokens';

/** The telling verbs this frame opens. */
export const TELL_VERBS = new Set(['told', 'tells', 'tell', 'telling']);

/** Addressees that are one word ("told reporters", "told me"). */
const ONE_WORD_ADDRESSEE = /^(?:me|him|them|us|you|reporters|journalists|supporters|voters|delegates|donors|listeners|viewers|readers|lawmakers|senators|students|members)$/;
/** Words that may close the addressee before the clause ("told CNN on Monday", "told AP last week"). */
const TIME_AFTER = /^(?:on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last|this|week|month|year|night|morning|afternoon|evening|earlier|later|recently|again|also|privately|separately)$/;
/** Subject pronouns that open the reported clause. */
const SUBJECT_PRONOUN = /^(?:he|she|they|we|i|it|there|you)$/;
/** Contracted subject pronouns ("he's", "she'd", "they're"). */
const CONTRACTED = /^(?:he|she|they|we|i|it|there|you)['\u2019](?:s|d|ll|re|ve|m)$/;

/**
 * Where the addressee after `toks[i]` ends (the index of the first token after it), or -1: a
 * pronoun or group noun, or a run of capitalised words with "the"/"of" ("The Star-Ledger of
 * Newark", "the AP", "NBC News"), then time words.
 */
function addresseeEnd(body: string, toks: Token[], i: number): number {
  let j = i + 1;
  const first = toks[j];
  if (!first) return -1;
  if (ONE_WORD_ADDRESSEE.test(first.lower) && !first.possessive) j++;
  else {
    const start = j;
    if (/^the$/.test(first.lower)) j++;
    while (j < toks.length && j - start < 6) {
      const x = toks[j] as Token;
      const gap = body.slice((toks[j - 1] as Token).end, x.start);
      if (j > i + 1 && /[^\s]/.test(gap)) break;
      if (x.cap && !SUBJECT_PRONOUN.test(x.lower) && !CONTRACTED.test(x.lower) && !TIME_AFTER.test(x.lower)) j++;
      else if (x.lower === 'of' && j > start && toks[j + 1]?.cap) j++;
      else break;
      if (x.possessive) return -1; // "told Trump's aides …": a longer noun phrase
    }
    if (j === start || (j === start + 1 && first.lower === 'the')) return -1;
  }
  // Time words after the addressee ("told CNN on Monday", "told POLITICO last week").
  let k = j;
  while (k < toks.length && k - j < 3 && TIME_AFTER.test((toks[k] as Token).lower)) k++;
  if (/[,;:()\u2014\u2013"\u201C\u201D]/.test(body.slice((toks[i] as Token).end, toks[k] ? (toks[k] as Token).start : body.length))) return -1;
  return k;
}

/** Whether the tokens from `j` start a clause: a subject pronoun, or a short subject and a finite verb. */
function startsClause(toks: Token[], j: number): boolean {
  const x = toks[j];
  if (!x) return false;
  if (CONTRACTED.test(x.lower)) return true;
  if (SUBJECT_PRONOUN.test(x.lower)) {
    const v = toks[j + 1];
    // "told him it" / "told us there" need a verb after the pronoun, not "to" or another noun.
    return !!v && !/^(?:to|and|or|about|of|that)$/.test(v.lower);
  }
  if (!/^(?:the|a|an|his|her|their|its|our|my|\p{Lu}.*)$/u.test(x.text)) return false;
  // "told the AP his firm worked closely …": a finite verb, or a past tense after at least one
  // more word of the subject (not "told reporters the proposed …").
  for (let k = j + 1; k < Math.min(toks.length, j + 5); k++) {
    const w = toks[k] as Token;
    if (FINITE.test(w.lower) || (k >= j + 2 && !w.cap && /\p{Ll}{3,}ed$/u.test(w.lower))) return true;
  }
  return false;
}

/** "X told ADDRESSEE CLAUSE" with no "that": the clause is what X said, or null. */
export function toldFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex): RawStatement | null {
  const t = toks[i] as Token;
  if (!TELL_VERBS.has(t.lower)) return null;
  const j = addresseeEnd(body, toks, i);
  if (j < 0 || !startsClause(toks, j)) return null;
  // Read as "X said CLAUSE": the verb token stands for the verb and its addressee.
  const last = toks[j - 1] as Token;
  // ", telling reporters he …" reads as ", saying he …" (the sentence's subject is the source).
  const verb = t.lower === 'telling' ? 'saying' : 'said';
  const said: Token = { ...t, text: verb, lower: verb, end: last.end };
  const shifted = [...toks.slice(0, i), said, ...toks.slice(j)];
  const st = clauseFrame(body, s, si, shifted, i, false, qi);
  if (!st || st.pattern !== 'clause') return null;
  return { ...st, cue: [t.start, t.end] };
}
