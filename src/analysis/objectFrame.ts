/**
 * Object frames: "Trump called for a ban", "the NAACP criticized the plan" — a stance verb whose
 * object is the attributed content, with no "that" and no quote marks.
 */
import { FINITE } from './clauseEnd';
import { AUXILIARIES, countryOf, isPlace } from './lexicon';
import { INTRO, OBJECT_ONLY_WITH } from './lexicon/cueWords';
import { phraseEnd } from './nounFrames';
import { backNP, sentenceSubject, validSource } from './nounPhrases';
import { UNNAMED_LABEL } from './unnamedFrames';
import { mk, OPEN_Q, PARTICIPLE_TAIL, type RawStatement, skipSpace, trimEnd } from './statement';
import { QuoteIndex, type Sentence } from '../text/structure';
import { type Token, tokenize } from '../text/tokens';
/** Quantifiers and determiners that open a subject without naming anybody. */
const QUANTIFIER = /^(?:every|each|all|some|any|no|one|many|most|both|either|neither|this|that|these|those|the|a|an)$/i;

/**
 * Words that open an adverbial or relative clause with a subject of its own inside a predicate
 * ("upset after Obama called …", "cheered when Trump spotted …", "a man who …"). A "that" clause
 * is left out: its coordinated verb is the main subject's as often as not ("Putin forecast that
 * the economy would rebound and praised …").
 */
const SUBORDINATOR = /^(?:who|whom|which|whose|after|before|because|when|if|whether|while|since|although|though|until|unless|where)$/;

/**
 * "SUBJECT VERB OBJECT." for OBJECT_VERBS: the object to the end of the clause is the content.
 * `needNext` (learned cues, `learnedFrames.ts`) replaces the word list's rule for the word after
 * the verb: a pattern it must match ("to", "about"), or null for a plain noun-phrase object.
 */
export function objectFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex, needNext?: RegExp | null): RawStatement | null {
  const t = toks[i] as Token;
  const next = toks[i + 1];
  if (!next) return null;
  const need = needNext === undefined ? OBJECT_ONLY_WITH.get(t.lower) : (needNext ?? undefined);
  const naming = /^call(?:s|ed|ing)?$/.test(t.lower) && namesAs(body, toks, i);
  if (need && !need.test(next.lower) && !naming) return null;
  const prev = toks[i - 1];
  // ", citing a threat to public health", "by saying he would never …": a participle report
  // whose source is the sentence's subject (or the statement it hangs on).
  // A learned cue ("…, accusing him of …", "for dismissing the idea …") reads the same way.
  const learnedParticiple = needNext !== undefined && /\p{Ll}{3}ing$/u.test(t.lower);
  if (/^(citing|urging|saying|referring)$/.test(t.lower) || (t.lower === 'calling' && (naming || /^(for|on)$/.test(next.lower))) || learnedParticiple) {
    const commaBefore = /,\s*$/.test(body.slice(prev ? prev.end : s.start, t.start));
    const prepBefore = !!prev && /^(by|from|after|before|while|for|of|in)$/.test(prev.lower) && (t.lower === 'saying' || learnedParticiple);
    if (!commaBefore && !prepBefore) return null;
    if (t.lower === 'saying' && commaBefore) return null; // ", saying …" is the clause frames' own
    const sentEnd = trimEnd(body, s.start, s.end);
    // "…, referring to the party's convention": the object after "to".
    const cStart = t.lower === 'referring' || (t.lower === 'calling' && !naming) || (learnedParticiple && !!need && AFTER_PREP.test(next.lower)) ? skipSpace(body, next.end) : next.start;
    if (cStart >= sentEnd) return null;
    let cEnd = sentEnd;
    const stop = /,\s+(?:but|and|while|which)\b|;|\s[\u2014\u2013]\s|\s--\s/.exec(body.slice(cStart, cEnd));
    if (stop) cEnd = cStart + stop.index;
    while (cEnd > cStart && /[\s,]/.test(body[cEnd - 1] ?? '')) cEnd--;
    if (cEnd - cStart < 8) return null;
    const subject = sentenceSubject(body, s.start, t.start) ?? undefined;
    // "On September 27 they published … by announcing that …": an opening phrase without its
    // comma is read as the subject ("On September"); a learned cue then gives no statement.
    if (learnedParticiple && subject && INTRO.test(body.slice(subject[0], subject[1]).split(/\s/)[0] ?? '')) return null;
    const st = mk(body, [cStart, cEnd], null, [t.start, t.end], si, 'clause', qi);
    st.inherit = true;
    if (subject) st.subject = subject;
    return st;
  }
  const passive = passiveStance(body, s, si, toks, i, qi);
  if (passive !== undefined) return passive;
  // A participle or passive is not the subject's act: "the plan supported by …", "was criticized".
  if (prev && /^(was|were|been|being|be|is|are|by|to|the|a|an)$/.test(prev.lower)) return null;
  if (/ing$/.test(t.lower)) {
    // "a super PAC supporting Jeb Bush", "voters backing Clinton": a participle right after its
    // noun reports that noun's stance (not "is supporting", "for backing", ", supporting").
    if (!POSTNOMINAL.test(t.lower) || !prev || !/^\s+$/.test(body.slice(prev.end, t.start)) || /^(?:is|are|was|were|be|been|being|by|for|of|in|from|about|without|after|before|and|or|but|those|who|that)$/.test(prev.lower)) return null;
    if (!/^\s+$/.test(body.slice(t.end, next.start)) || /^(?:the\s+)?(?:way|idea|effort|efforts)$/.test(next.lower)) return null;
    const np = backNP(body, toks.slice(0, i), s.start);
    const head = np[np.length - 1];
    if (!head || head !== prev || /(?:ed|ly)$/.test(head.lower) || /['\u2019]|^(?:he|she|they|we|i|it|him|her|them|herself|himself|themselves|first|record)$/.test(head.text)) return null;
    const st = objectStatement(body, s, si, toks, i, qi, np, undefined, need);
    // The object is a noun phrase: it ends at a comma or at the verb the whole phrase is the
    // subject of ("super PACs backing Mr. Cruz began March with …").
    if (st) st.content[1] = phraseEnd(body, toks, st.content[0], st.content[1], 'object', true, qi);
    return st && st.content[1] - st.content[0] >= 3 ? st : null;
  }
  // "backed away from", "backed down", "the C.I.A.-backed rebels": no stance.
  if (/^back/.test(t.lower) && (/^(?:away|out|off|down|up|into|onto)$/.test(next.lower) || /-$/.test(body.slice(t.start - 1, t.start)))) return null;
  // No object: "something he has supported throughout his presidency" (the object came before).
  if (!need && /^(throughout|in|on|at|during|for|with|by|from|since|after|before|over|under|into|as|while|when|because|until|about|against|amid|despite|through)$/.test(next.lower)) return null;
  if (!/^\s+$/.test(body.slice(t.end, next.start))) return null;
  const before = toks.slice(0, i);
  let b = before.length;
  // "Donald Trump on Friday endorsed …": a time adverbial between subject and verb is skipped.
  while (b > 0) {
    const w = before[b - 1]?.lower ?? '';
    if (AUXILIARIES.has(w) || ADVERBIAL.test(w) || /n['\u2019]t$|^not$|^never$/.test(w) || (/^(on|last|this|early|late)$/.test(w) && b < before.length && ADVERBIAL.test(before[b]?.lower ?? ''))) b--;
    else break;
  }
  const gapBefore = b > 0 ? body.slice((before[b - 1] as Token).end, b < before.length ? (before[b] as Token).start : t.start) : '';
  if (b === 0) return null;
  let antecedent: [number, number] | undefined;
  if (gapBefore.includes(',')) {
    if (!/^\s*,\s*$/.test(gapBefore)) return null;
    // "Erin Brockovich, the legendary activist and lawyer, endorsed Sanders' approach": a name
    // opening the sentence, then one appositive, then the verb.
    const appos = appositiveSubject(body, s, before.slice(0, b));
    if (!appos) return null;
    return objectStatement(body, s, si, toks, i, qi, appos, undefined, need);
  }
  let np = backNP(body, before.slice(0, b), s.start);
  let unsure = false;
  let coordinated = false;
  if (!np.length && /^(and|but)$/.test(before[b - 1]?.lower ?? '') && !/,/.test(gapBefore)) {
    // A coordinated predicate: "Sanders questions Clinton's ties and has called for …", "He
    // denounced the United Nations and rejected …" — the sentence's subject (as the clause
    // frames read "and told them that …"). When an adverbial or relative clause of another
    // subject comes between ("upset after Obama called bankers “fat cats” and proposed …",
    // "cheered when Trump spotted a sign and asked …") the verb may be that clause's: no source
    // is named.
    const subj = sentenceSubject(body, s.start, t.start);
    // A quantifier is no subject ("Every one of his colleagues loved Ford and wanted …").
    if (subj && !QUANTIFIER.test(body.slice(subj[0], subj[1]))) {
      np = toks.filter((x) => x.start >= subj[0] && x.end <= subj[1]);
      coordinated = true;
      unsure = tokenize(body, subj[1], (before[b - 1] as Token).start).some((x) => SUBORDINATOR.test(x.lower));
    }
  }
  if (!np.length && /^(who|which)$/.test(before[b - 1]?.lower ?? '') && b > 1) {
    // "Bernie Sanders, who on Tuesday endorsed Clinton": the source words are "who", the
    // person is the noun phrase it hangs on (as in the clause frames).
    const who = before[b - 1] as Token;
    const ante = backNP(body, before.slice(0, b - 1), s.start);
    const gap = ante.length ? body.slice((ante[ante.length - 1] as Token).end, who.start) : '';
    if (!ante.length || !/^,\s*$/.test(gap) || !(ante[0] as Token).cap) return null;
    np = [who];
    antecedent = [(ante[0] as Token).start, (ante[ante.length - 1] as Token).end];
  }
  if (!np.length) return null;
  const f = np[0] as Token;
  // The subject must be a name, a pronoun or a determiner phrase, not a stray noun.
  if (!antecedent && !f.cap && !/^(he|she|they|we|i|it|the|a|an|his|her|their|its|our)$/.test(f.lower)) return null;
  if (/^(it|this|that|there)$/i.test(f.text) && np.length === 1) return null;
  const st = objectStatement(body, s, si, toks, i, qi, np, antecedent, need);
  // A coordinated predicate never decides who said quoted words ("said X had been “…” but
  // declined to comment on what he described as “…”"): the quotation's own cue does.
  if (st && coordinated && needNext === undefined && OPEN_Q.test(body.slice(st.content[0], st.content[1]))) return null;
  if (st && unsure) {
    st.source = null;
    st.label = UNNAMED_LABEL;
  }
  return st;
}

/**
 * The subject of "NAME, APPOSITIVE, VERB …" when the name opens the sentence and the appositive is
 * a description ("the legendary activist", "a digital outfit"), else null.
 */
function appositiveSubject(body: string, s: Sentence, before: Token[]): Token[] | null {
  let open = s.start;
  let first = body.indexOf(',', s.start);
  // "In October, Mrs. Clinton, the Democratic nominee, proposed …": a short opening time or
  // place phrase before the name.
  const lead = before.filter((x) => x.end <= first);
  if (first >= 0 && lead.length > 0 && lead.length <= 5 && INTRO.test((lead[0] as Token).text) && !lead.some((x) => FINITE.test(x.lower))) {
    open = first + 1;
    first = body.indexOf(',', open);
  }
  const last = before.length ? (before[before.length - 1] as Token).end : -1;
  if (first < 0 || last <= first) return null;
  const headToks = before.filter((x) => x.start >= open && x.end <= first);
  const np = backNP(body, headToks, open);
  const f = np[0];
  if (!f || !f.cap || f.start !== skipSpace(body, open) || headToks.length !== np.length) return null;
  // The appositive runs from the first comma to the comma before the verb (the caller's gap).
  const appos = body.slice(first + 1, last).trim();
  if (!/^(?:a|an|the|another|\p{Ll})/u.test(appos) || appos.split(/\s+/).length > 15 || /[,;:"\u201C\u201D]/.test(appos)) return null;
  if (/\b(?:said|says|is|was|were|are|has|had|have|will|would)\b/.test(appos)) return null;
  return np;
}

function objectStatement(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex, np: Token[], antecedent: [number, number] | undefined, need: RegExp | undefined): RawStatement | null {
  const t = toks[i] as Token;
  const next = toks[i + 1] as Token;
  const f = np[0] as Token;
  const sentEnd = trimEnd(body, s.start, s.end);
  const afterPrep = !!need && AFTER_PREP.test(next.lower);
  const cStart = afterPrep ? skipSpace(body, next.end) : next.start;
  let cEnd = sentEnd;
  const tail = /,\s+(?:according to|(?:he|she|they|it|\p{Lu}\p{Ll}+)\s+(?:said|says|added|noted|told)|saying|adding|and\s+(?:said|says))\b|\s[\u2014\u2013]\s|\s-{1,2}\s|;/u.exec(body.slice(cStart, cEnd));
  if (tail) cEnd = cStart + tail.index;
  const participle = PARTICIPLE_TAIL.exec(body.slice(cStart, cEnd));
  if (participle && !qi.at(cStart + participle.index)) cEnd = cStart + participle.index;
  // "When Mayor Jo Lund criticized the plan, Senator Ray Ito shot back": a subordinate clause
  // ends at its comma, and its object never runs into the main clause's quotation.
  if (/^[\s"'\u201C]*(?:when|after|before|while|as|if|since|because|although|though|once|until|unless)\b/i.test(body.slice(s.start, f.start))) {
    const comma = body.indexOf(',', cStart);
    if (comma < 0 || comma >= cEnd) return null;
    cEnd = comma;
  }
  const q = OPEN_Q.exec(body.slice(cStart, cEnd));
  if (q && q.index > 0 && /,\s*$/.test(body.slice(cStart, cStart + q.index))) cEnd = cStart + q.index;
  // The object ends before a second predicate or the when and where of the act ("endorsed Trump
  // last week and has appeared …", "praised Boyle at a press conference on Monday").
  // Only a noun-phrase object: "wants to visit Charlotte on Sunday" and "announced it will …"
  // are clauses whose time words belong to what was said.
  const nounObject = !/^(to|that)$/.test(next.lower) && !CLAUSE_OBJECT.test(t.lower);
  const end = nounObject ? OBJECT_END.exec(body.slice(cStart, cEnd)) : null;
  if (end && end.index > 0 && !qi.at(cStart + end.index) && !/(?:ed|en|born)$/.test(body.slice(cStart, cStart + end.index))) cEnd = cStart + end.index;
  while (cEnd > cStart && /[\s,]/.test(body[cEnd - 1] ?? '')) cEnd--;
  // A short object counts when it is a name ("endorsed Cruz"), not a pronoun ("praised him").
  if (cEnd - cStart < 8 && !(cEnd - cStart >= 3 && /^\p{Lu}/u.test(body.slice(cStart, cEnd)) && !/^(?:It|He|She|Him|Her|Them|They|This|That|Us)$/.test(body.slice(cStart, cEnd)))) return null;
  // "The Varangs attacked the town", "Tamsin laid siege to Orrin": a verb of acting as often as of
  // saying, with a plain noun-phrase object and no quoted words, is the act (as "wrote the letter"
  // is in `clauseContent.ts`).
  if (actNotSaying(body, t.lower, next, cStart, cEnd)) return null;
  const st = mk(body, [cStart, cEnd], [f.start, (np[np.length - 1] as Token).end], [t.start, afterPrep ? next.end : t.end], si, 'clause', qi);
  if (antecedent) st.subject = antecedent;
  return st;
}

/**
 * "called him a political opportunist", "calling Trump a fascist", "called the plan reckless": the
 * verb's object is a name, a pronoun or a short definite phrase, and what it is called follows
 * ("a/an …" or an adjective). Not "called the police" or "called the crew to the deck".
 */
function namesAs(body: string, toks: Token[], i: number): boolean {
  let j = i + 1;
  const first = toks[j];
  if (!first) return false;
  const joined = (k: number): boolean => !!toks[k] && /^\s+$/.test(body.slice((toks[k - 1] as Token).end, (toks[k] as Token).start));
  if (/^(?:him|her|them|it|us|me|himself|herself|themselves)$/.test(first.lower)) j++;
  else if (first.cap) while (j < i + 4 && joined(j) && (toks[j] as Token).cap) j++;
  else if (/^(?:the|his|her|their|its|this|that)$/.test(first.lower)) {
    j++;
    while (j < i + 5 && joined(j) && !/^(?:a|an)$/.test((toks[j] as Token).lower) && !COMPLEMENT_ADJ.test((toks[j] as Token).lower)) j++;
  } else return false;
  const c = toks[j];
  if (!c || !joined(j) || c.cap) return false;
  return /^(?:a|an)$/.test(c.lower) || COMPLEMENT_ADJ.test(c.lower);
}
/**
 * Whether a verb that reports a stance as often as it names an act has the act's object, with no
 * quoted words: "laid siege to Orrin", "laid a wreath" (not "laid out his plan", "laid bare the
 * rift": 16 of train's statements with "lay out" and "lay bare" are right), and "attacked" a place
 * ("attacked Kyiv"; "attacked Trump", "attacked the plan" are stances PolNeAR annotates: keeping
 * them all costs 0.0005 all-F1 on train).
 */
function actNotSaying(body: string, verb: string, next: Token, cStart: number, cEnd: number): boolean {
  if (OPEN_Q.test(body.slice(cStart, cEnd))) return false;
  if (/^(?:lay|lays|laid|laying)$/.test(verb)) return !/^(?:out|bare)$/.test(next.lower);
  if (!/^attack(?:s|ed|ing)?$/.test(verb)) return false;
  const place = /^\p{Lu}[\p{L}'\u2019-]*(?:\s+\p{Lu}[\p{L}'\u2019-]*)*/u.exec(body.slice(cStart, cEnd))?.[0] ?? '';
  return !!place && (isPlace(place) || !!countryOf(place));
}

/** Prepositions whose object, not the preposition, is the content ("called for a ban"); "to" stays ("wants to …"). */
export const AFTER_PREP = /^(?:for|on|upon|about|of|against|with|at|over|into|from|toward|towards)$/;

/** Adjectives a person calls something ("divisive", "dangerous", "unfit", "reckless"). */
const COMPLEMENT_ADJ = /^(?:\p{Ll}{3,}(?:ive|ous|ful|less|ic|able|ible|ent|ant|ist)|unfit|wrong|right|crazy|weak|stupid|dishonest|racist|sexist|corrupt|incompetent|absurd|ridiculous|unacceptable)$/u;

/** Participles of support and opposition that follow their noun ("groups backing Cruz"). */
const POSTNOMINAL = /^(?:supporting|backing|opposing|endorsing)$/;

/** Time words that may stand between a subject and its verb ("Trump on Friday endorsed"). */
const ADVERBIAL = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|recently|previously|publicly|privately|formally|officially|quickly|initially|eventually|finally|week|month|year|weekend|night|morning|afternoon|evening)$/;

/** Object verbs whose object may be a whole clause ("announced it will …"). */
const CLAUSE_OBJECT = /^(announced|agreed|agrees|denied|hopes|hoped|intends|intended|plans|planned|proposes|proposed|pledged|vowed)$/;

/** Where a verb's object ends: a coordinated predicate, a time, an occasion or a reason. */
const OBJECT_END = new RegExp(
  [
    String.raw`,?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:has|have|had|is|was|are|were|will|would|said|says|told|added|\p{Ll}{3,}ed)\b`,
    String.raw`,?\s+(?:last|this|next)\s+(?:week|month|year|weekend|night|spring|summer|fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!['\u2019])`,
    String.raw`,?\s+(?:on\s+|early\s+|late\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
    String.raw`,?\s+(?:yesterday|today|tonight|earlier|later)\b`,
    String.raw`,?\s+in\s+(?:early\s+|late\s+|mid-)?(?:january|february|march|april|may|june|july|august|september|october|november|december|\d{4})\b`,
    String.raw`,?\s+(?:during|amid|because|while|whereas)\s`,
    String.raw`\s+(?:at|in|on|during)\s+(?:a|an|the|his|her|their|its)\s+(?:\p{Ll}+\s+)?(?:press|news|conference|rally|speech|interview|statement|debate|town|meeting|event|campaign|hearing|op-ed|letter|post|tweet|video|radio|show|appearance|briefing)\b`,
  ].join('|'),
  'iu',
);

/** Stance verbs whose passive participle after a noun reports the agent's stance on it. */
const PASSIVE_STANCE = /^(?:opposed|supported|endorsed|criticized|criticised|backed|praised|favored|favoured|rejected|condemned|denounced|championed|welcomed|applauded|proposed|questioned|disputed)$/;

/**
 * "The immigration bill, opposed by House Republicans, never became law", "a practice criticized
 * by Miller and some civil rights advocates": a stance participle with its "by" agent after a
 * noun phrase reports the agent's stance on that noun phrase. Undefined when `toks[i]` is no such
 * participle (the caller goes on), null when it is one but the phrase is not readable.
 */
function passiveStance(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex): RawStatement | null | undefined {
  const t = toks[i] as Token;
  if (!PASSIVE_STANCE.test(t.lower) || toks[i + 1]?.lower !== 'by') return undefined;
  const prev = toks[i - 1];
  if (!prev) return null;
  const gap = body.slice(prev.end, t.start);
  // Only right after the noun phrase or after its comma: "was opposed by" is a clause's passive.
  if (!/^(?:\s+|\s*,\s*)$/.test(gap) || /^(?:was|were|been|being|be|is|are|has|have|had|and|or|but|not)$/.test(prev.lower)) return null;
  const np = backNP(body, toks.slice(0, i), s.start);
  if (!np.length || (np[np.length - 1] as Token) !== prev || /^(?:he|she|they|we|i|it|him|her|them|this|that|which|who)$/i.test((np[0] as Token).text)) return null;
  // Only a comment on the noun phrase: the participle after its comma ("The immigration bill,
  // opposed by …"), or the noun phrase itself an appositive (", a practice criticized by …").
  // A restrictive participle ("sought a compromise plan endorsed by …") is how the reporter names
  // the thing, not a stance report: 3 right of 14 on train.
  const appositive = /[,\u2014\u2013]\s*$|\s-{1,2}\s*$/.test(body.slice(s.start, (np[0] as Token).start));
  if (!gap.includes(',') && !appositive) return null;
  const agent: Token[] = [];
  for (let k = i + 2; k < toks.length && agent.length < 10; k++) {
    const x = toks[k] as Token;
    if (agent.length && /[,;:()\u2014\u2013."\u201C\u201D]/.test(body.slice((agent[agent.length - 1] as Token).end, x.start))) break;
    agent.push(x);
  }
  if (!agent.length || !validSource(agent)) return null;
  const content: [number, number] = [(np[0] as Token).start, prev.end];
  if (content[1] - content[0] < 3 || qi.at(content[0])) return null;
  return mk(body, content, [(agent[0] as Token).start, (agent[agent.length - 1] as Token).end], [t.start, (toks[i + 1] as Token).end], si, 'clause', qi);
}
