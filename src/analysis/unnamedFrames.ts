/**
 * Attributions whose source the text does not name: a question put by somebody unnamed ("Asked
 * whether he would run, Ryan said …") and an expectation held by nobody in particular ("The vote
 * is expected to pass", "Turnout appears to be falling"). PolNeAR annotates both as attributions
 * without a source. They never get a person: the label says the text names nobody.
 */
import { FINITE, reportEnd } from './clauseEnd';
import { mk, OPEN_Q, PARTICIPLE_TAIL, type RawStatement, skipSpace, trimEnd } from './statement';
import type { QuoteIndex, Sentence } from '../text/structure';
import type { Token } from '../text/tokens';

/** The label of a statement whose source the text does not name. */
export const UNNAMED_LABEL = 'not named';

/** Cue words these frames start from. */
export const UNNAMED_CUES = new Set(['asked', 'expected', 'seems', 'seemed', 'appears', 'appeared']);

const QUESTION_START = /^(whether|if|how|what|why|when|where|who|which|about|to)$/;

/**
 * "Asked whether …, NAME said" (at the start of a sentence or after "when"/"after"), and "Asked by
 * NAME to …": the question up to the comma that closes the participle phrase.
 */
function askedFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex): RawStatement | null {
  const t = toks[i] as Token;
  const prev = toks[i - 1];
  const lead = body.slice(prev ? prev.end : s.start, t.start);
  // "Asked whether …," opening the sentence, and "when asked whether …" anywhere ("Christie said
  // when asked whether he would …").
  const opens = i === 0 ? /^[\s"'\u201C]*$/.test(body.slice(s.start, t.start)) : /^(?:when|after|once|if)$/.test(prev?.lower ?? '') && (i === 1 || /,\s*$/.test(body.slice((toks[i - 2] as Token).end, prev?.start ?? t.start)) || prev?.lower === 'when');
  if (!opens || /[;:]/.test(lead)) return null;
  let j = i + 1;
  let source: [number, number] | null = null;
  if (toks[j]?.lower === 'by') {
    // "Asked by Stephanopoulos to respond …": the asker is named after "by".
    let k = j + 1;
    while (k < toks.length && (toks[k] as Token).cap && /^\s+$/.test(body.slice((toks[k - 1] as Token).end, (toks[k] as Token).start))) k++;
    if (k === j + 1) return null;
    source = [(toks[j + 1] as Token).start, (toks[k - 1] as Token).end];
    j = k;
  }
  // "Asked on Fox News who …", "Asked during a January debate why …", "Asked specifically what …":
  // an adverb or a short prepositional phrase may stand between "asked" and the question.
  if (!source) j = afterAskedModifier(body, toks, j);
  const qw = toks[j];
  if (!qw || !QUESTION_START.test(qw.lower) || !/^\s+$/.test(body.slice((toks[j - 1] as Token).end, qw.start))) return null;
  const cStart = qw.lower === 'about' ? skipSpace(body, qw.end) : qw.start;
  const sentEnd = trimEnd(body, s.start, s.end);
  let comma = body.indexOf(',', cStart);
  // "… told CNN in an interview when asked which candidate she would back.": a trailing question
  // runs to the sentence's end.
  if ((comma < 0 || comma >= sentEnd) && i > 1 && qw.lower !== 'to' && qw.lower !== 'about') comma = sentEnd;
  if (comma < 0 || comma > sentEnd || qi.at(comma) || OPEN_Q.test(body.slice(cStart, comma))) return null;
  if (comma - cStart < 8) return null;
  const st = mk(body, [cStart, comma], source, [t.start, t.end], si, 'clause', qi);
  if (!source) st.label = UNNAMED_LABEL;
  return st;
}

/** Words that close the clause before a subject (its subject starts after them). */
const SUBJECT_BOUNDARY = /^(?:that|because|if|when|while|although|though|as|but|and|since|so|where|whether|until|unless|after|before|once|why|how|who|which|what)$/;

/**
 * "The vote is expected to pass", "Turnout appears to be falling", "Trump's supporters seemed
 * unperturbed": the subject and the rest of its clause, with no source. Not "it seems" (a dummy
 * subject) and not a person's own expectation ("he expected the vote to pass" is the clause
 * frames').
 */
function raisingFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex): RawStatement | null {
  const t = toks[i] as Token;
  const next = toks[i + 1];
  if (!next || !/^\s+$/.test(body.slice(t.end, next.start))) return null;
  let v = i;
  if (t.lower === 'expected') {
    if (next.lower !== 'to' || !/^(?:is|are|was|were|be|been)$/.test(toks[i - 1]?.lower ?? '')) return null;
    v = i - 1;
    while (v > 0 && /^(?:also|now|still|widely|generally|largely|not)$/.test(toks[v - 1]?.lower ?? '')) v--;
  } else if (next.lower !== 'to') return null;
  // Auxiliaries and modals before the verb ("could be expected", "has appeared").
  while (v > 0 && /^(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|should|must|do|does|did)$/.test(toks[v - 1]?.lower ?? '')) v--;
  // The subject: tokens back to a clause boundary (punctuation or a subordinating word).
  let b = v;
  while (b > 0) {
    const x = toks[b - 1] as Token;
    const gap = body.slice(x.end, (toks[b] as Token).start);
    if (/[,;:()\u2014\u2013]/.test(gap) || SUBJECT_BOUNDARY.test(x.lower)) break;
    b--;
  }
  // Adverbs opening the clause are not the subject ("but recently it appears …").
  while (b < v && /^(?:\p{Ll}+ly|now|then|also|still|even|so|yet|though)$/u.test((toks[b] as Token).text)) b++;
  if (b === v || v - b > 12) return null;
  const first = toks[b] as Token;
  // A pronoun subject is somebody the reporter describes ("it appears to be giving the idea some
  // thought"): the reporter's narration, not an unnamed source's view.
  if (v - b === 1 && /^(?:it|this|that|there|what|which|who|he|she|they|we|i|you)$/i.test(first.text)) return null;
  if (qi.at(first.start)) return null;
  // A finite verb inside the "subject" means the boundary was missed: no guess.
  if (toks.slice(b, v).some((x) => FINITE.test(x.lower) || /^(?:belong|belongs|say|says|said)$/.test(x.lower))) return null;
  const sentEnd = trimEnd(body, s.start, s.end);
  let cEnd = sentEnd;
  const participle = PARTICIPLE_TAIL.exec(body.slice(first.start, cEnd));
  if (participle && !qi.at(first.start + participle.index)) cEnd = first.start + participle.index;
  cEnd = reportEnd(body, first.start, cEnd, qi);
  const stop = /,\s+(?:according to|(?:he|she|they|it|\p{Lu}\p{Ll}+)\s+(?:said|says|added|noted|told))\b|\s[\u2014\u2013]\s/u.exec(body.slice(first.start, cEnd));
  if (stop) cEnd = first.start + stop.index;
  // The writer's own addition after a comma: "…, but Republicans seem confident", "…, with both …".
  const aside = /,\s+(?:but|and|with|as|while|which|who|although|though|because|yet)\s/.exec(body.slice(first.start, cEnd));
  if (aside && !qi.at(first.start + aside.index)) cEnd = first.start + aside.index;
  if (cEnd <= next.end + 3) return null;
  const st = mk(body, [first.start, cEnd], null, [t.start, t.end], si, 'clause', qi);
  st.label = UNNAMED_LABEL;
  return st;
}

/** A statement with an unnamed source at cue token `toks[i]`, or null. */
export function unnamedFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex): RawStatement | null {
  const w = (toks[i] as Token).lower;
  if (w === 'asked') return askedFrame(body, s, si, toks, i, qi);
  return raisingFrame(body, s, si, toks, i, qi);
}

/** Prepositions that open a short phrase of time, place or occasion after "asked". */
const ASKED_PREPOSITIONS = /^(?:on|during|at|in|after|before|by|about)$/;

/**
 * The token index after an adverb ("specifically") or a short prepositional phrase ("on Fox News",
 * "during a January debate") that follows "asked" at `j`, when a question word comes next;
 * otherwise `j` itself.
 */
function afterAskedModifier(body: string, toks: Token[], j: number): number {
  const first = toks[j];
  if (!first) return j;
  if (/ly$/.test(first.lower) && QUESTION_START.test(toks[j + 1]?.lower ?? '')) return j + 1;
  if (!ASKED_PREPOSITIONS.test(first.lower) || first.lower === 'about' || first.lower === 'by') return j;
  for (let k = j + 2; k <= j + 5 && k < toks.length; k++) {
    const gap = body.slice((toks[k - 1] as Token).end, (toks[k] as Token).start);
    if (!/^\s+$/.test(gap)) return j;
    if (/^(?:whether|if|how|what|why|when|where|who|which)$/.test((toks[k] as Token).lower)) return k;
  }
  return j;
}
