/**
 * Where a reported clause or object ends, for frames whose end the clause and object detectors
 * read too far (found in the error classes of PolNeAR train, `tools/attributionClasses.ts`):
 * - a report inside an opening subordinate clause ("While Ramos said that …, he appears …"): it
 *   ends at the comma before the main clause's subject;
 * - a relative source ("Curiel, who declined to comment, was born in …"): the relative clause
 *   closes at the comma before the main clause's verb, and so does what it reports;
 * - "declined to comment for this story": the refusal is "to comment" (and its topic, "on the
 *   data program"), not where the reporter asked;
 * - "…, but Mrs. Clinton would leave it at 35 percent", "…, although he again refused …", "…, and
 *   analysts agreed …": a contrast or second clause with its own subject (a pronoun, or a short
 *   noun phrase, also one headed by a quantifier or after an adverb: "…, and three of the four
 *   supporters hold …", "…, and now Koizumi was …") and verb is the reporter's narration going on;
 * - ", not wanting to alienate …": a negated participle is the reporter's comment, as an
 *   unnegated one already is (`statement.ts` PARTICIPLE_TAIL);
 * - "vowed to keep abortion legal and celebrated the ruling", "denied the charges and
 *   counter-accused her": after an object or infinitive (no finite verb of its own), "and" with a
 *   finite verb in the cue's tense and no subject is a second predicate of the report's subject,
 *   and so is "but" with a finite verb or an auxiliary ("backed the plan but did not say …");
 *   after a participle cue ("urging voters to … and promising …") a second participle is too;
 * - "… and she accused Trump of …": the subject's pronoun with a speech or stance verb in the
 *   cue's tense starts a new report of the same person;
 * - "…for Donald Trump, who is joined on the ballot by …": a non-restrictive relative clause
 *   running to the sentence's end describes, it does not report;
 * - "…to speak to reporters as she left the breakfast": "as" with a pronoun and a full verb is
 *   when it happened ("as he did" compares and stays).
 * These only shorten a span, never below three words' worth of characters, never inside a
 * quotation and never before a quotation still to come.
 */
import { FINITE, pastCue } from './clauseEnd';
import { SPEECH_VERBS } from './lexicon';
import { MIXED_VERBS } from './lexicon/cueWords';
import { posTags } from './lexicon/cueStem';
import { OPEN_Q, type RawStatement } from './statement';
import type { QuoteIndex } from '../text/structure';

/** A comma, then the main clause's verb ("…, was born in", "…, returned the rights"). */
const MAIN_VERB_AFTER_COMMA = /,\s+(?:also\s+|then\s+|later\s+)?([\p{Ll}'\u2019]+)\b/gu;
/** Past tenses that end in no "-ed". */
const IRREGULAR_PAST = /^(?:said|says|took|made|gave|went|came|ran|won|lost|left|held|told|wrote|became|began|kept|brought|sent|spent|built|led|met|paid|sat|stood|got|saw|knew|thought|found|drew)$/;
/** Where a refusal to comment ends: the occasion, a reason or a new predicate. */
const COMMENT_END = /,|\s+(?:for\s+(?:this|the|a|an)\s|because\s|and\s|but\s|until\s|when\s|after\s|while\s|beyond\s|through\s)/;
/** A contrast after a comma and the words that follow it (up to seven). */
const CONTRAST_CLAUSE = /,\s+(?:but|yet|although|though|even though|whereas|while|and)\s+((?:[\p{L}\p{N}.'\u2019-]+\s+){1,7})/gu;
/** A verb that makes those words a clause: finite, modal, negated, past or third person. */
const CONTRAST_VERB = /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did|\p{Ll}+n['\u2019]t|\p{Ll}{3,}ed|\p{Ll}{3,}s)$/u;
/** A one-word answer, then the reporter's comparison, time or occasion. */
const SHORT_ANSWER_THEN = /^(yes|no|so|the same|otherwise)(?=\s*[,;]|\s+(?:in|on|at|last|this|when|compared|while|after|before|during)\s)/i;
/** "and" (after a comma or not), an optional adverb, then a lower-case word that may be a verb. */
const AND_PREDICATE = /,?\s+and\s+(?:(?:also|then|later|even|again|once again|still|now|\p{Ll}{3,}ly),?\s+)?([\p{Ll}-]{2,})\b/gu;
/** "and/but" and a subject pronoun, an optional adverbial between commas, then a word. */
const PRONOUN_REPORT = /,?\s+(?:and|but)\s+(?:he|she|they)(?:,\s+[\p{Ll}\s]{2,20},)?\s+(?:also\s+|then\s+|later\s+)?(\p{Ll}+)\b/gu;
/** A comma, then a relative pronoun opening a non-restrictive clause. */
const RELATIVE = /,\s+(?:who|which)\s/g;
/** "(even/just) as" (a time clause), a subject pronoun, then a verb that is no auxiliary. */
const AS_PRONOUN_VERB = /,?\s+(?:even\s+|just\s+)?as\s+(?:he|she|they)\s+(?!(?:is|was|are|were|do|does|did|has|had|have|would|will|can|could|should|might|may|must)\b)\p{Ll}{2,}/u;
/** "but" (after a comma or not), an optional adverb, then a lower-case word that may be a verb. */
const BUT_PREDICATE = /,?\s+but\s+(?:(?:also|then|later|still|now|\p{Ll}{3,}ly),?\s+)?([\p{Ll}-]{2,})\b/gu;
/** A negated participle after a comma: ", not wanting to …". */
const NEGATED_PARTICIPLE = /,\s+not\s+\p{Ll}{3,}ing\b/u;

/** A subordinate clause opening the sentence, before its subject ("While", "A few weeks after"). */
const SUBORDINATE_LEAD = /^[\s"'\u201C]*(?:(?:but|and|yet|so)\s+)?(?:[\p{L}\d]+\s+){0,3}?(?:when|while|after|before|if|since|because|although|though|once|until|unless|whereas|having|as)\s/iu;
/** A comma, then the main clause's subject: a pronoun, a determiner or a capitalised word. */
const MAIN_SUBJECT_AFTER_COMMA = /,\s+(?=(?:he|she|they|we|i|it|there|the|a|an|his|her|their|its|this|that|these|those|\p{Lu}[\p{L}.'\u2019-]*)\s+\p{L})/gu;

/**
 * `st`'s content end after the rules above (its current end when none applies); `sentStart` is
 * where its sentence starts.
 */
export function contentEnd(body: string, st: RawStatement, qi: QuoteIndex, sentStart: number): number {
  const [start, end] = st.content;
  const text = body.slice(start, end);
  let cut = end;
  // "While Ramos said that journalists cannot …, he appears …", "After saying he was nervous …,
  // the man ended up …": a report inside an opening subordinate clause ends with that clause.
  const lead = st.cue ? body.slice(sentStart, Math.min(st.cue[0], st.source ? st.source[0] : st.cue[0])) : '';
  if (st.cue && sentStart < start && !lead.includes(',') && SUBORDINATE_LEAD.test(lead + ' ')) {
    MAIN_SUBJECT_AFTER_COMMA.lastIndex = 0;
    const m = MAIN_SUBJECT_AFTER_COMMA.exec(text);
    if (m) cut = Math.min(cut, start + m.index);
  }
  const source = st.source ? body.slice(st.source[0], st.source[1]).toLowerCase() : '';
  if ((source === 'who' || source === 'which') && st.subject) {
    cut = Math.min(cut, start + firstAccepted(MAIN_VERB_AFTER_COMMA, text, (m) => {
      const w = m[1] ?? '';
      return FINITE.test(w) || IRREGULAR_PAST.test(w) || /\p{Ll}{3,}ed$/u.test(w);
    }));
  }
  if (/^to\s+comment\b/i.test(text)) {
    const m = COMMENT_END.exec(text.slice(10));
    if (m) cut = Math.min(cut, start + 10 + m.index);
  }
  // "…, but Mrs. Clinton would leave it at 35 percent", "…, although he again refused …": a
  // contrast with its own subject and verb is the reporter's.
  cut = Math.min(cut, start + firstAccepted(CONTRAST_CLAUSE, text, (m) => {
    const words = (m[1] ?? '').trim().split(/\s+/);
    // An adverb before the subject ("…, and now Prime Minister Koizumi was …") is skipped.
    if (/^(?:now|then|still|also|\p{Ll}{3,}ly)$/u.test(words[0] ?? '') && words.length > 2) words.shift();
    const verbAt = words.findIndex((w, k) => k > 0 && CONTRAST_VERB.test(w));
    const pronoun = /^(?:he|she|they|we|it|i)$/i.test(words[0] ?? '');
    // A pronoun subject then any verb form ("…, and he put $100 million into …").
    const pronounVerb = pronoun && posTags((words[1] ?? '').toLowerCase()).some((t) => /^VB[DPZ]?$/.test(t));
    // A quantifier or number heads a subject as a determiner does ("…, and three of the four …"),
    // and "there" or a demonstrative stands as one ("…, but there is growing anger …").
    const quantifier = /^(?:both|another|each|either|neither|all|none|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.%]*)$/i.test(words[0] ?? '');
    return (pronoun && (verbAt >= 1 || pronounVerb)) || (verbAt >= 1 && verbAt <= 5 && (quantifier || /^(?:the|a|an|his|her|their|its|there|this|these|those|many|most|some|few|analysts|critics|officials|experts|polls|\p{Lu}.*)$/u.test(words[0] ?? '')));
  }));
  // "…denied the charges and counter-accused her", "…vowed to keep abortion legal and
  // celebrated the ruling": "and" with a finite verb but no subject of its own is a second
  // predicate of the report's subject, the reporter's narration going on.
  const cueWord = st.cue ? body.slice(st.cue[0], st.cue[1]).toLowerCase().split(/\s+/)[0] ?? '' : '';
  const past = pastCue(cueWord);
  cut = Math.min(cut, start + firstAccepted(AND_PREDICATE, text, (m) => {
    const w = m[1] ?? '';
    // "…, urging voters to see the big picture and promising to …": after a participle cue, a
    // second participle is a second act of the same subject.
    const participle = /ing$/.test(cueWord) && /\p{Ll}{3,}ing$/u.test(w) && posTags(w)[0] === 'VBG';
    return !!cueWord && (participle || (finitePredicate(w, past) && !hasFinite(text.slice(0, m.index))));
  }));
  // "…hacked into the committee's computers and she accused Trump of …", "… and he, once
  // again, pledged …": the subject's pronoun with a speech or stance verb in the cue's tense is
  // a new report of the same person (a present tense after a past cue is still the report:
  // "said the system is complex and he feels he can win").
  cut = Math.min(cut, start + firstAccepted(PRONOUN_REPORT, text, (m) => {
    const v = m[1] ?? '';
    if (!cueWord || !(SPEECH_VERBS.has(v) || MIXED_VERBS.has(v))) return false;
    return past ? /ed$|^(?:said|told|wrote)$/.test(v) : /[^s]s$/.test(v);
  }));
  // "…will cast their ballots for Donald Trump, who is joined on the ballot …": a
  // non-restrictive relative clause that runs to the end of the sentence is the reporter's
  // description — not when a comma closes it and the report goes on ("accused Rafael Cruz, who
  // was born in Cuba, of associating with …", "to form a task force, which would include the
  // military, to crack down on hackers").
  cut = Math.min(cut, start + firstAccepted(RELATIVE, text, (m) => !text.slice(m.index + m[0].length).includes(',')));
  // "…“excited where we stand” as he faces a critical test …", "to speak to reporters as she
  // left the breakfast": "as" with a pronoun and a full verb is when the reporter says it happened
  // ("as he did", "as it was" compare instead).
  const asWhile = AS_PRONOUN_VERB.exec(text);
  if (asWhile) cut = Math.min(cut, start + asWhile.index);
  // "…he is friendly with Trump's in-laws but took issue with …", "…the release of the pages,
  // but appeared to betray …": "but" with a finite verb and no subject is a second predicate of
  // the report's subject, the reporter's narration going on.
  cut = Math.min(cut, start + firstAccepted(BUT_PREDICATE, text, (m) => {
    const w = m[1] ?? '';
    return (/^(?:did|could|would|has|have|had|was|were|is|are|does|do|will|can|should)$/.test(w) || (!!cueWord && finitePredicate(w, past))) && !hasFinite(text.slice(0, m.index));
  }));
  // "46 percent said yes, compared with …", "half said so in the earlier poll": a one-word
  // answer is all that was said.
  const answer = SHORT_ANSWER_THEN.exec(text);
  if (answer && !qi.at(start)) return start + (answer[1] ?? '').length;
  const neg = NEGATED_PARTICIPLE.exec(text);
  if (neg) cut = Math.min(cut, start + neg.index);
  if (cut === end || qi.at(cut) || OPEN_Q.test(body.slice(cut, end)) || cut - start < 8) return end;
  while (cut > start && /[\s,;:]/.test(body[cut - 1] ?? '')) cut--;
  return cut;
}

/**
 * Whether a word after "and" is a finite verb with no subject before it: a past or third-person
 * form by its most frequent tag ("celebrated", "goes", "was"), or an "-ed" form the lexicon does
 * not know ("counter-accused"). Plural nouns ("jobs", "taxes") and participles used as adjectives
 * are not.
 */
function finitePredicate(w: string, past: boolean): boolean {
  const tags = posTags(w);
  if (tags.length === 0) return past && /\p{Ll}{3,}ed$/u.test(w);
  return past ? tags[0] === 'VBD' || (/ed$/.test(w) && tags[0] === 'VBN' && tags.includes('VBD')) : tags[0] === 'VBZ';
}

/** Whether words hold a finite verb of their own (a reported clause, not an object or infinitive). */
function hasFinite(words: string): boolean {
  return words.toLowerCase().split(/[^\p{L}'\u2019-]+/u).some((w) => FINITE.test(w) || /^\p{L}+n['\u2019]t$/u.test(w) || finitePredicate(w, true) || finitePredicate(w, false));
}

/**
 * The offset in `text` of the first match of the global `re` that `accept` takes, or Infinity:
 * each end rule above cuts at its first match that passes its checks.
 */
function firstAccepted(re: RegExp, text: string, accept: (m: RegExpExecArray) => boolean): number {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if (accept(m)) return m.index;
  return Infinity;
}
