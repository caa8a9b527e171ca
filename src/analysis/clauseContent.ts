/**
 * Whether the words after a verb of saying, read without "that" or a quotation, are a reported
 * clause at all (issue #12, the precision round on PolNeAR train): a time, place, topic or agent
 * phrase with no verb of its own says when, where, about what or by whom something was said, and a
 * bare noun phrase after a verb with a concrete sense ("wrote the letter", "maintains a lead") is
 * its object.
 */
import { FINITE } from './clauseEnd';
import { STRONG_SPEECH_VERBS } from './lexicon';
import { WEEKDAYS } from './lexicon/cueWords';
import { OPEN_Q } from './statement';
import { tokenize } from '../text/tokens';

/** A day or time word opening the words after the verb ("…,” Toner said Friday."). */
const TIME_START = new RegExp(`^(?:${WEEKDAYS}|today|yesterday|tonight|this|last|earlier|later)\\b`, 'i');
/**
 * "said in a statement", "said about Latinos", "wrote to the company's chief executive", "named in
 * reports as X": a place, occasion or topic after a verb of saying (a stance verb's preposition is
 * its frame: "believe in …", "complained about …", "argued in favor of …"; "at least" is no place).
 */
const TOPIC_START = /^(?:on|about|in|at(?! least| most)|during|after|before|than|with|from|to|as)\b/i;
const SAYING = /^(?:said|says|say|saying|wrote|writes|write|reported|reports|report|noted|notes|told|tells)$/;
/** Verbs of saying that also take a concrete object ("wrote a book", "maintained a lead", "added jobs"). */
const OBJECT_SENSE = /^(?:wrote|writes|write|maintained|maintains|maintain|added|adds)$/;

/** Whether [start, end) has a verb or a subject pronoun of its own: a clause, not a phrase. */
function hasClause(body: string, start: number, end: number): boolean {
  return tokenize(body, start, end).some((x) => FINITE.test(x.lower) || /^(?:he|she|they|we|i|it)$/.test(x.lower) || /\p{Ll}{2,}ed$/u.test(x.text));
}

/**
 * Whether the words [start, end) after the cue `lower` (read as a bare reported clause: no "that",
 * no "as" object) are no report: "…,” Toner said Friday.", "Hicks said in the statement.", "was
 * first reported by the Herald" (43 of 44 such statements wrong on train), "Baker wrote the letter
 * Feb. 2 to …", "Clinton maintains a wide lead" (30 of 35 wrong). `evidence` marks a poll's or a
 * record's finding ("the data show …"), which keeps its noun-phrase object.
 */
export function notReported(body: string, lower: string, start: number, end: number, evidence: boolean): boolean {
  const text = body.slice(start, end);
  if (OPEN_Q.test(text) || hasClause(body, start, end)) return false;
  if (TIME_START.test(text) || /^by\b/i.test(text) || (SAYING.test(lower) && TOPIC_START.test(text))) return true;
  return !evidence && OBJECT_SENSE.test(lower);
}

/**
 * Verbs that need an object when active ("X accused Y of …"): straight before "of", "for" or
 * "with" they are passive participles describing the noun in front ("Alan Gross, an American
 * contractor accused of spying", "officials blamed for the delay"), and nobody says anything.
 */
const OBJECT_ONLY_PARTICIPLES = new Set(
  'accused blamed criticized criticised praised charged convicted suspected credited condemned faulted thanked applauded hailed slammed blasted denounced mocked'.split(' '),
);

/** Whether a cue word and the word after it are such a describing participle ("accused of"). */
export function describingParticiple(verb: string, next: string): boolean {
  return OBJECT_ONLY_PARTICIPLES.has(verb) && /^(?:of|for|with)$/.test(next);
}

/**
 * Whether a cue word before "by" is a participle before its agent ("the facts reported by the
 * government", "call sheets maintained by her aides"): no clause report of the noun in front (the
 * passive stance frame in `objectFrame.ts` reads the agent's stance instead).
 */
export function agentParticiple(verb: string, next: string): boolean {
  return next === 'by' && /ed$/.test(verb) && !STRONG_SPEECH_VERBS.has(verb);
}
