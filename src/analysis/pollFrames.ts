/**
 * Poll and survey results as statements: "47% say the United States should …", "Nearly nine out
 * of 10 say they will need …", "About three-quarters support a temporary ban …", "those surveyed
 * say …", "a majority of Republicans support deportation". The subject is a share of the people
 * asked, which the subject finders reject (a bare number is no speaker, "out of" stops a noun
 * phrase); PolNeAR annotates the share as the source. The share is labelled by its words and is
 * never a person.
 */
import { reportEnd } from './clauseEnd';
import { INTRO } from './lexicon/cueWords';
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

/** Verbs evidence reports a finding with. */
const EVIDENCE_VERB = /^(?:show|shows|showed|shown|find|finds|found|indicate|indicates|indicated|suggest|suggests|suggested|reveal|reveals|revealed)$/;
/** Heads of a phrase naming evidence: a poll, an average, an analysis, a record, a video. */
const EVIDENCE_HEAD = /^(?:poll|polls|polling|survey|surveys|average|averages|analysis|analyses|data|study|studies|report|reports|records|record|figures|numbers|results|research|tally|count|estimates|documents|filings|statistics|census|audit|review|investigation|footage|video|videos|photos|images|emails|memo|model|forecast|index|tracker|returns)$/;

/**
 * "The latest Reuters/Ipsos opinion poll released Friday shows that …", "POLITICO's Battleground
 * States average shows Clinton ahead …", "Video of the incident shows him …": a subject whose head
 * names evidence, however long its modifiers (which the noun-phrase finder stops at: "released
 * Friday", "of polls taken over the past two weeks"), reports the clause or object after the verb.
 * The subject runs from the sentence start (after an opening conjunction) to the verb, has no
 * comma and no finite verb, and opens with a determiner, a possessive or a capitalised word.
 */
export function evidenceFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex): RawStatement | null {
  const t = toks[i] as Token;
  if (!EVIDENCE_VERB.test(t.lower) || i === 0) return null;
  let start = skipSpace(body, s.start);
  // "In 2013, research conducted by … found …": an opening time or place phrase and its comma.
  const comma = body.lastIndexOf(',', t.start);
  if (comma > start && INTRO.test(/^[\p{L}]+/u.exec(body.slice(start, start + 12))?.[0] ?? '') && !/[,;:]/.test(body.slice(start, comma))) start = skipSpace(body, comma + 1);
  const subj = toks.slice(0, i).filter((x) => x.start >= start);
  const lead = /^(?:but|and|yet|so|still|meanwhile|though|although)$/i.test(subj[0]?.text ?? '') ? 1 : 0;
  const np = subj.slice(lead);
  const f = np[0];
  if (!f || np.length > 16 || /[,;:()\u2014\u2013"\u201C\u201D]/.test(body.slice(f.start, t.start))) return null;
  if (!/^(?:the|a|an|this|that|these|those|its|their|his|her|our|new|recent|latest)$/.test(f.lower) && !f.cap && !f.possessive) return null;
  if (/^(?:it|this|that|he|she|they|we|i)$/i.test(f.text) && np.length === 1) return null;
  const headAt = np.findIndex((x) => EVIDENCE_HEAD.test(x.lower));
  if (headAt < 0 || headAt > 7) return null;
  // A finite verb before the head is a clause, not a subject ("He said the poll shows …").
  if (np.slice(0, headAt).some((x) => /^(?:is|are|was|were|has|have|had|will|would|said|says|say|do|does|did|can|could)$/.test(x.lower))) return null;
  if (np.slice(headAt + 1).some((x) => /^(?:is|are|was|were|will|would|can|could|should|said|says)$/.test(x.lower))) return null;
  const sentEnd = trimEnd(body, s.start, s.end);
  const cStart = skipSpace(body, t.end);
  if (cStart >= sentEnd || qi.at(cStart) || /^[,.;:(]/.test(body.slice(cStart, cStart + 1))) return null;
  let cEnd = reportEnd(body, cStart, sentEnd, qi);
  while (cEnd > cStart && /[\s,;:]/.test(body[cEnd - 1] ?? '')) cEnd--;
  if (cEnd - cStart < 8) return null;
  // The source ends at its head's phrase: not the auxiliaries before the verb ("polls have shown").
  let last = np.length - 1;
  while (last > headAt && /^(?:has|have|had|seems|seem|seemed|appears|appear|appeared|to|continue|continues|continued|also|now|still|recently|again)$/.test((np[last] as Token).lower)) last--;
  return mk(body, [cStart, cEnd], [f.start, (np[last] as Token).end], [t.start, t.end], si, 'clause', qi);
}
