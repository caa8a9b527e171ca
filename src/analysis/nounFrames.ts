/**
 * Stances and statements carried by a noun whose holder is its possessor: "his claim that …",
 * "Trump's decision to …", "Clinton's support for …", "the DNC's refusal to …", "Rubio's answer
 * was that …". The content is the noun's complement (the "that" clause, the infinitive, or the
 * object of its preposition); the source is the possessor. A possessor is only ever the whole
 * possessive phrase: "Trump's critics' claim" is the critics', never Trump's.
 */
import { FINITE, reportEnd } from './clauseEnd';
import { ROLE_NOUNS, UNNAMED_SOURCE_NOUNS } from './lexicon';
import { backNP } from './nounPhrases';
import { INTRO } from './lexicon/cueWords';
import { posTags } from './lexicon/cueStem';
import { STANCE_NOUN_LEMMAS } from './lexicon/stanceNouns';
import { UNNAMED_LABEL } from './unnamedFrames';
import { mk, OPEN_Q, PARTICIPLE_TAIL, type RawStatement, trimEnd } from './statement';
import type { QuoteIndex, Sentence } from '../text/structure';
import type { Token } from '../text/tokens';

/** The stance nouns and their regular plurals ("claims", "promises", "remarks"). */
export const STANCE_NOUNS: ReadonlySet<string> = new Set(
  STANCE_NOUN_LEMMAS.flatMap((n) => [n, /(?:s|sh|ch|x|z)$/.test(n) ? `${n}es` : /[^aeiou]y$/.test(n) ? `${n.slice(0, -1)}ies` : `${n}s`]),
);

/** Part-of-speech tags of common English words (wink-lexicon): "ban" → NN, VB, VBP. */
const tags = posTags;

const POSSESSIVE_PRONOUNS = /^(?:his|her|their|its)$/;
/** Determiners of a stance noun whose holder is not named ("the claim that …"). */
const DETERMINER = /^(?:the|a|an|this|such)$/;
/** Prepositions whose object is what the stance is about ("support for", "criticism of"). */
const OBJECT_PREPS = /^(?:of|for|on|about|against|toward|towards|over|regarding)$/;
/** An object that is a time, not a topic ("his remarks on Saturday"). */
const TIME_START = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|\d+)$/;
/** Words that end a possessor phrase scanned backwards (a verb or a function word before it). */
const NP_BREAK = /^(?:and|or|but|that|which|who|whom|whose|of|in|on|at|to|for|with|from|by|as|about|said|says|told|than|if|when|while|because|after|before|since|under|over|into|against)$/;

/** A noun-carried stance around the stance noun `toks[i]`, or null. */
export function nounFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex): RawStatement | null {
  const t = toks[i] as Token;
  if (t.cap) return null;
  // Tokens end before a possessive "'s" (and a plural's bare apostrophe: "the hawks' claim").
  const joined = (a: Token, b: Token): boolean => /^(?:['\u2019]s?)?\s+$/.test(body.slice(a.end, b.start)) && (a.possessive || /s$/.test(a.lower) || /^\s+$/.test(body.slice(a.end, b.start)));
  // Up to three modifiers between the possessor and the noun: "his long support", "Trump's
  // controversial proposal", "Mr. Obama's original pledge", "his campaign platform".
  let j = i - 1;
  while (j >= 0 && i - j <= 3) {
    const m = toks[j] as Token;
    if (!joined(m, toks[j + 1] as Token) || m.possessive || /^['\u2019]\s/.test(body.slice(m.end, m.end + 2)) || m.cap || POSSESSIVE_PRONOUNS.test(m.lower) || DETERMINER.test(m.lower)) break;
    if (!modifier(m.lower)) return null;
    j--;
  }
  const p = toks[j];
  if (!p || !joined(p, toks[j + 1] as Token)) return null;
  let source: [number, number] | null;
  const apostrophe = /^['\u2019]\s/.test(body.slice(p.end, p.end + 2));
  // "its stance", "their claim": the engine never resolves "it" or "they" to a holder, and a
  // statement labelled "its" tells a reader nothing, so only "his" and "her" carry a stance.
  if (/^(?:its|their)$/.test(p.lower) && !p.possessive) return null;
  if (POSSESSIVE_PRONOUNS.test(p.lower) && !p.possessive) source = [p.start, p.end];
  else if (p.possessive || apostrophe) {
    const np = possessorPhrase(body, toks, j);
    if (!np) return null;
    source = np;
  } else if (DETERMINER.test(p.lower) && !p.cap) source = assertedBy(body, s, toks, j);
  else return null;
  // The complement, maybe after the day it was made ("Clinton's comments Tuesday on …").
  let next = toks[i + 1];
  if (next && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)$/.test(next.lower) && toks[i + 2] && OBJECT_PREPS.test((toks[i + 2] as Token).lower)) {
    i++;
    next = toks[i + 1];
  }
  if (!next || !joined(toks[i] as Token, next)) return null;
  const sentEnd = trimEnd(body, s.start, s.end);
  let cStart: number;
  let kind: 'that' | 'to' | 'object';
  const after = toks[i + 2];
  if (next.lower === 'that' && after && complementSubject(after)) {
    cStart = next.start;
    kind = 'that';
  } else if (/^(?:is|was)$/.test(next.lower) && after?.lower === 'that' && toks[i + 3] && complementSubject(toks[i + 3] as Token)) {
    // "Rubio's answer was that …"
    cStart = after.start;
    kind = 'that';
  } else if (next.lower === 'to' && after && !after.cap && tags(after.lower).includes('VB')) {
    cStart = next.start;
    kind = 'to';
  } else if (OBJECT_PREPS.test(next.lower) && after && !TIME_START.test(after.lower)) {
    cStart = after.start;
    kind = 'object';
  } else return null;
  if (qi.at(cStart) && kind !== 'object') return null;
  // "the claim that …", "a widespread fear that …": whose it is the phrase does not say; only a
  // "that" clause is clearly its content.
  if (!source && kind !== 'that') return null;
  let cEnd = sentEnd;
  const text = body.slice(cStart, cEnd);
  const tail = /,\s+(?:according to|(?:he|she|they|it|\p{Lu}\p{Ll}+)\s+(?:said|says|added|noted|told)|saying|adding)\b|\s[\u2014\u2013]\s|\s-{1,2}\s|;/u.exec(text);
  if (tail) cEnd = cStart + tail.index;
  const participle = PARTICIPLE_TAIL.exec(body.slice(cStart, cEnd));
  if (participle && !qi.at(cStart + participle.index)) cEnd = cStart + participle.index;
  cEnd = reportEnd(body, cStart, cEnd, qi);
  // The stance phrase as the subject of its clause ("His refusal to act inflamed …"): the
  // complement ends at the clause's main verb.
  const lead = body.slice(s.start, source ? source[0] : t.start).trim().replace(/^(?:but|and|yet|so|still|also|instead)\b\s*/i, '');
  const subject = lead === '' || /(?:,|\b(?:that|because|but|and|while|if|when|as|since|although|though))$/i.test(lead);
  if (kind !== 'that') cEnd = phraseEnd(body, toks, cStart, cEnd, kind, subject, qi);
  while (cEnd > cStart && /[\s,]/.test(body[cEnd - 1] ?? '')) cEnd--;
  if (cEnd - cStart < 3) return null;
  // A quotation that opens inside and runs past the content is not cut in two.
  // A quotation inside belongs to its own cue: a noun frame never decides who said quoted words
  // (its source is often only "his", where the quote's own cue names the speaker).
  if (OPEN_Q.test(body.slice(cStart, cEnd))) return null;
  const st = mk(body, [cStart, cEnd], source, [t.start, kind === 'object' ? next.end : t.end], si, 'clause', qi);
  st.noun = true;
  if (!source) st.label = UNNAMED_LABEL;
  return st;
}

/** A modifier of the stance noun: an adjective, an adverb-made adjective or a noun ("campaign"). */
export function modifier(w: string): boolean {
  const tg = tags(w);
  if (!tg.length) return /^\p{Ll}[\p{Ll}-]*(?:ed|al|ive|ous|ful|ic|ent|ant|ary|ory)$/u.test(w);
  const first = tg[0] ?? '';
  return first === 'JJ' || first === 'JJS' || first === 'JJR' || first === 'NN' || (first === 'VBN' && tg.includes('JJ')) || /^(?:own|earlier|later|latest|recent|initial|original|repeated)$/.test(w);
}

/** The subject of a "that" complement, not the verb of a relative clause ("his plan that was …"). */
function complementSubject(w: Token): boolean {
  if (w.cap) return true;
  if (FINITE.test(w.lower) || /n['\u2019]t$/.test(w.lower)) return false;
  const first = tags(w.lower)[0] ?? '';
  // "a comment that egregiously described …": an adverb then a verb is a relative clause.
  return !/^(?:VB|MD|RB)/.test(first) && !/\p{Ll}{3,}ly$/u.test(w.lower);
}

/** Verbs whose subject puts forward the claim, idea or point they take ("X made the point that …"). */
const ASSERTING = /^(?:made|makes|make|making|offered|offers|floated|floats|repeated|repeats|reiterated|voiced|voices|issued|issues|raised|raises|advanced|pushed|pushes|put)$/;

/**
 * The subject of an asserting verb right before the determiner `toks[j]` ("Gorka made the point
 * that …" → "Gorka"), or null: the holder of an unowned stance noun is otherwise not named.
 */
function assertedBy(body: string, s: Sentence, toks: Token[], j: number): [number, number] | null {
  let v = j - 1;
  if (toks[v] && /^(?:also|again|first|then|repeatedly|once)$/.test((toks[v] as Token).lower)) v--;
  const verb = toks[v];
  if (!verb || !ASSERTING.test(verb.lower)) return null;
  let b = v;
  while (b > 0 && /^(?:has|have|had|also|again|then|repeatedly|once|never|later|first|just|recently)$/.test((toks[b - 1] as Token).lower)) b--;
  if (b === 0 || /[,;:]/.test(body.slice((toks[b - 1] as Token).end, (toks[b] as Token).start))) return null;
  const np = backNP(body, toks.slice(0, b), s.start);
  const f = np[0];
  if (!f || (!f.cap && !/^(?:he|she|they|we|i|the|a|an|his|her|their|its)$/.test(f.lower))) return null;
  return [f.start, (np[np.length - 1] as Token).end];
}

/**
 * The possessive phrase ending at `toks[j]` ("Trump's", "the DNC's", "the Obama administration's",
 * "Trump's critics'"): capitalised words, role nouns and common nouns back to a determiner or a
 * break, as body offsets without the "'s".
 */
export function possessorPhrase(body: string, toks: Token[], j: number): [number, number] | null {
  const end = toks[j] as Token;
  let k = j;
  while (k > 0 && j - k < 6) {
    const prev = toks[k - 1] as Token;
    if (/[,;:()\u2014\u2013"\u201C\u201D]/.test(body.slice(prev.end, (toks[k] as Token).start))) break;
    if (/^(?:the|a|an)$/.test(prev.lower)) {
      k--;
      break;
    }
    // "Despite Mr. Trump's", "address voters' worries": a preposition or a verb is no part of it.
    if (NP_BREAK.test(prev.lower) || INTRO.test(prev.text) || (!prev.cap && tags(prev.lower).includes('VB'))) break;
    if (prev.cap || prev.possessive || ROLE_NOUNS.has(prev.lower) || UNNAMED_SOURCE_NOUNS.has(prev.lower) || /^(?:NN|NNS|JJ)$/.test(tags(prev.lower)[0] ?? '')) k--;
    else break;
  }
  const first = toks[k] as Token;
  // A sentence-initial capital that is no name ("Democrats' …" is one; "Instead Trump's" is not).
  if (!first.cap && !/^(?:the|a|an)$/.test(first.lower) && !end.cap && !UNNAMED_SOURCE_NOUNS.has(end.lower) && !ROLE_NOUNS.has(end.lower)) return null;
  return [first.start, end.end];
}

/**
 * Where an infinitive or a prepositional object ends: before the main verb when the stance noun
 * phrase is the subject ("His support for X hasn't hurt him"), before a comma, or before a time
 * or occasion ("… on Tuesday", "during the debate").
 */
export function phraseEnd(body: string, toks: Token[], cStart: number, cEnd: number, kind: 'to' | 'object', subject: boolean, qi: QuoteIndex): number {
  let end = cEnd;
  const comma = body.slice(cStart, end).search(/,\s/);
  // A comma ends a prepositional object, and an infinitive that is the clause's subject ("His
  // promises to tax the rich notwithstanding, …").
  if ((kind === 'object' || subject) && comma >= 0 && !qi.at(cStart + comma)) end = cStart + comma;
  let prevLower = '';
  for (const x of toks) {
    if (!subject) break;
    if (x.start < cStart || x.start >= end) continue;
    const tg = tags(x.lower);
    const verb = FINITE.test(x.lower) || /n['\u2019]t$/.test(x.lower) || (!x.cap && (/^VB[DZ]$/.test(tg[0] ?? '') || (/\p{Ll}{3,}ed$/u.test(x.lower) && (!tg.length || tg.includes('VBD')) && !/^(?:to|be|been|being|get|got|was|were|is|are|has|have|had)$/.test(prevLower))));
    if (!qi.at(x.start) && verb && !/^(?:that|which|who|it|he|she|they|we|i)$/.test(prevLower)) {
      end = x.start;
      break;
    }
    prevLower = x.lower;
  }
  const time = /\s(?:on|last|this|next|earlier|later|during|in)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|the\s+(?:debate|interview|speech))\b/i.exec(body.slice(cStart, end));
  if (time && time.index > 0) end = cStart + time.index;
  return end;
}
