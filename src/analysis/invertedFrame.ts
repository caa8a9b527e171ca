/**
 * The inverted clause frame of narration: "CLAUSE, said one GOP source in the room." — the tag
 * after the reported clause, its subject after the verb (clauseFrames.ts reads the other frames).
 */
import { STRONG_SPEECH_VERBS } from './lexicon';
import { FINITE } from './clauseEnd';
import { takeNP } from './nounPhrases';
import { mk, OPEN_Q, type RawStatement, skipLead } from './statement';
import type { QuoteIndex, Sentence } from '../text/structure';
import { type Token, tokenize } from '../text/tokens';

/**
 * "CLAUSE, said one GOP source in the room." / "…, said Batchelder, an economist.": a strong
 * speech verb right after a comma, followed by its subject to the end of the sentence, reports
 * everything before the comma, however many commas the clause itself has.
 */
export function invertedAfterComma(body: string, s: Sentence, si: number, toks: Token[], i: number, sentEnd: number, qi: QuoteIndex): RawStatement | null {
  const t = toks[i] as Token;
  if (!STRONG_SPEECH_VERBS.has(t.lower) || i === 0) return null;
  const prevEnd = (toks[i - 1] as Token).end;
  if (!/^\s*,\s*$/.test(body.slice(prevEnd, t.start))) return null;
  const a = takeNP(body, toks.slice(i + 1));
  if (!a.length || !(a[0] as Token).cap && !/^(?:the|a|an|one|two|three|several|some|many|his|her|their|its|another|other|senior|top|state|local|federal|government|campaign|administration|party|\p{Ll}+s)$/u.test((a[0] as Token).lower)) return null;
  // The subject is a noun phrase, not the start of a clause ("said the states were …").
  if (a.some((x) => !x.cap && (FINITE.test(x.lower) || /\p{Ll}{2,}(?:ed|ing)$/u.test(x.text)))) return null;
  const afterNP = body.slice((a[a.length - 1] as Token).end, sentEnd + 1);
  // What may follow the subject: nothing, a short place or occasion ("in the room", "on
  // Tuesday"), or an appositive closing the sentence (", an economist at …").
  if (!/^\s*(?:(?:in|at|on|from|with|for|of|during|after|familiar)\s[^,;:"\u201C\u201D]{0,60})?[.!?]?$/u.test(afterNP) && !/^,\s+(?:a|an|the|his|her|who|\p{Ll})[^;:"\u201C\u201D]*[.!?]?$/u.test(afterNP)) return null;
  const commaEnd = body.lastIndexOf(',', t.start);
  const cStart = skipLead(body, s.start, commaEnd);
  if (commaEnd - cStart < 12 || qi.at(cStart)) return null;
  // A quotation in the clause belongs to the quote cues, which read it with this tag.
  if (OPEN_Q.test(body.slice(cStart, commaEnd))) return null;
  // What stands before the comma must be a clause, not a name and its appositive ("Ivanka Trump,
  // the nominee's eldest daughter, noted …").
  if (!tokenize(body, cStart, commaEnd).some((x) => FINITE.test(x.lower) || /\p{Ll}{2,}ed$/u.test(x.text))) return null;
  return mk(body, [cStart, commaEnd], [(a[0] as Token).start, (a[a.length - 1] as Token).end], [t.start, t.end], si, 'clause-inverted', qi);
}
