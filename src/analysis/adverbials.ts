/**
 * Opening adverbials that are not reported clauses. "During the two-hour service, the pastor
 * asked …", "In a two-minute response, Cruz said “CNN” five times", "A year later, Mr. Obama
 * called …": the words before the comma say when, where or how, and the verb after the subject
 * starts its own frame. Read as an inverted tag ("CLAUSE, X said") they were wrong on every one
 * of 25 cases on PolNeAR train.
 */
import { tokenize } from '../text/tokens';

/** Words that open an adverbial phrase. */
const ADVERBIAL_OPENER = /^(?:with|without|despite|during|on|in|at|from|since|perhaps|most|a|an|now|to|for|after|before|by|under|over|amid|despite|like|unlike|as|once|yet|still|more|less)$/i;
/** A word that makes the phrase a clause: a finite or past verb (a plural noun does not: "with 214 delegates at stake"). */
const CLAUSE_WORD = /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did|am|\p{L}+n['\u2019]t|\p{L}+['\u2019](?:s|re|ve|ll|d)|\p{Ll}{3,}ed)$/u;

/** Words after which a participle is an adjective. */
const ATTRIBUTIVE_BEFORE = /^(?:the|a|an|of|with|without|his|her|their|its|our|some|many|several|no|two|three|recent|newly)$/;

/**
 * Whether body[start, end) is only an opening adverbial ("With 214 delegates at stake", "Most
 * recently"): it starts with an adverbial opener and has no word that would make it a clause.
 */
export function adverbialOnly(body: string, start: number, end: number): boolean {
  const toks = tokenize(body, start, end);
  const first = toks[0];
  if (!first || !ADVERBIAL_OPENER.test(first.lower)) return false;
  // A participle after a determiner or a preposition is an adjective ("of failed tests").
  return !toks.slice(1).some((t, k) => CLAUSE_WORD.test(t.text) && !t.cap && !(/ed$/.test(t.lower) && ATTRIBUTIVE_BEFORE.test(toks[k]?.lower ?? '')));
}
