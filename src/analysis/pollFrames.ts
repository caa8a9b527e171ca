/**
 * Poll and survey results as statements: "47% say the United States should …", "Nearly nine out
 * of 10 say they will need …", "About three-quarters support a temporary ban …", "those surveyed
 * say …", "a majority of Republicans support deportation". The subject is a share of the people
 * asked, which the subject finders reject (a bare number is no speaker, "out of" stops a noun
 * phrase); PolNeAR annotates the share as the source. The share is labelled by its words and is
 * never a person.
 */
import { reportEnd } from './clauseEnd';
import { mk, type RawStatement, skipSpace, trimEnd } from './statement';
import type { QuoteIndex, Sentence } from '../text/structure';
import type { Token } from '../text/tokens';

/** Verbs a share of respondents reports with: a clause ("say …") or an object ("support …"). */
const CLAUSE_VERBS = /^(?:say|says|said|believe|believes|believed|think|thinks|thought|feel|feels|felt|expect|expects|agree|agrees|agreed)$/;
const OBJECT_VERBS = /^(?:want|wants|wanted|support|supports|supported|oppose|opposes|opposed|favor|favors|favored|favour|favours|prefer|prefers|preferred|back|backs|backed|approve|approves|approved|disapprove|disapproves|disapproved|reject|rejects|rejected)$/;

const HEDGE = String.raw`(?:(?:only|just|nearly|almost|about|roughly|around|some|more\s+than|less\s+than|fewer\s+than|over|under|at\s+least|slightly\s+more\s+than|a\s+little\s+over|well\s+over)\s+)*`;
const NUMBER = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)`;
const SHARE = String.raw`(?:\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)|${NUMBER}\s+(?:in|out\s+of)\s+(?:\d+|ten)|half|a\s+third|a\s+quarter|two-thirds|three-quarters|three\s+quarters|two\s+thirds|a\s+(?:slim\s+|narrow\s+|clear\s+|large\s+|solid\s+)?(?:majority|plurality|minority)|majorities|pluralities)`;
/** Who was asked: "of Democrats", "of those surveyed", "of Republican primary voters in all five states". */
const GROUP_WORD = String.raw`(?!(?:said|says|say|who|that|which|they|he|she|it|need|needs|were|are|was|is|have|has|had|will|would|do|does|did|not)\b)[\p{L}\p{N}-]+(?![\p{L}'\u2019])`;
const OF_GROUP = String.raw`(?:\s+of\s+(?:the\s+|all\s+|those\s+)?${GROUP_WORD}(?:\s+${GROUP_WORD}){0,7})?`;
/** A plain group after a share ("4 in 10 Republican voters in each state"). */
const GROUP_AFTER = String.raw`(?:\s+(?:[\p{L}'\u2019-]+\s+){0,2}(?:voters|respondents|americans|democrats|republicans|independents|adults|people|residents|women|men|students|members|senators|delegates|supporters|evangelicals|conservatives|liberals|latinos|hispanics|blacks|whites)(?:\s+(?:in|polled|surveyed|questioned|interviewed|asked)(?:\s+[\p{L}\p{N}'\u2019-]+){0,4})?)?`;
const SUBJECT = new RegExp(
  String.raw`^(?:(?:and|but|while|yet|whereas|although|though|still)\s+)?(${HEDGE}${SHARE}${OF_GROUP}${GROUP_AFTER}|those\s+(?:surveyed|polled|questioned|interviewed|asked)|(?:most|many)\s+(?:voters|respondents|americans|democrats|republicans|independents))\s*$`,
  'iu',
);

/**
 * A poll finding reported by the share at `toks[i]`'s verb ("47% say …"), or null. The subject is
 * the words between the last clause boundary (sentence start, a comma, a colon, a semicolon or
 * a dash) and the verb, and must be a share of respondents.
 */
export function pollFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex): RawStatement | null {
  const t = toks[i] as Token;
  const clause = CLAUSE_VERBS.test(t.lower);
  if (!clause && !OBJECT_VERBS.test(t.lower)) return null;
  const before = body.slice(s.start, t.start);
  const boundary = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('\u2014'), before.lastIndexOf('\u2013'));
  const segStart = skipSpace(body, s.start + boundary + 1);
  const seg = body.slice(segStart, t.start);
  const subject = seg.trimEnd();
  const m = SUBJECT.exec(subject);
  if (!m || !m[1] || qi.at(segStart)) return null;
  const srcEnd = segStart + subject.length;
  const srcStart = srcEnd - m[1].length;
  const sentEnd = trimEnd(body, s.start, s.end);
  const cStart = skipSpace(body, t.end);
  if (cStart >= sentEnd || /^[,.;:(]/.test(body.slice(cStart, cStart + 1))) return null;
  let cEnd = reportEnd(body, cStart, sentEnd, qi);
  // The next share's result ("…, 32% call themselves …", "… and 37% disagree") is its own.
  const next = new RegExp(String.raw`(?:,\s+|\s+(?:and|but|while|compared\s+with|compared\s+to|versus|vs\.?)\s+)(?:${HEDGE}${SHARE})(?![\p{L}\p{N}])|,\s+(?:up|down)\s+from\b|\s+than\s`, 'iu').exec(body.slice(cStart, cEnd));
  if (next) cEnd = cStart + next.index;
  // An object ends at its phrase: a comma or a dash.
  if (!clause) {
    const stop = /,\s|\s[\u2014\u2013]\s|\s--\s/.exec(body.slice(cStart, cEnd));
    if (stop) cEnd = cStart + stop.index;
  }
  while (cEnd > cStart && /[\s,;:]/.test(body[cEnd - 1] ?? '')) cEnd--;
  if (cEnd - cStart < 3 || (clause && cEnd - cStart < 8)) return null;
  return mk(body, [cStart, cEnd], [srcStart, srcEnd], [t.start, t.end], si, 'clause', qi);
}
