/**
 * Question frames: "A reporter asked Sanders how he is feeling", "Trump asked whether …", "she
 * asked about the emails". The question is what the subject asked; it needs a named or described
 * subject, so "Asked if …, Ryan said" (the asker unnamed) gives no statement.
 */
import { AUXILIARIES } from './lexicon';
import { reportEnd } from './clauseEnd';
import { backNP } from './nounPhrases';
import { mk, OPEN_Q, PARTICIPLE_TAIL, type RawStatement, skipSpace, trimEnd } from './statement';
import { QuoteIndex, type Sentence } from '../text/structure';
import type { Token } from '../text/tokens';

/** Forms of "ask" that introduce a question. */
export const ASK_VERBS = new Set(['asked', 'asks', 'ask']);
const QUESTION_WORD = /^(whether|if|how|what|why|when|where|who|which|about)$/;

/** "SUBJECT asked [whom] WH-CLAUSE" or "SUBJECT asked about NP": the question is the content. */
export function askFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex): RawStatement | null {
  const t = toks[i] as Token;
  // The question word within a short addressee ("asked Sanders how", "asked the judge whether").
  let q = -1;
  for (let j = i + 1; j < Math.min(toks.length, i + 5); j++) {
    const x = toks[j] as Token;
    if (!/^\s+$/.test(body.slice((toks[j - 1] as Token).end, x.start))) return null;
    if (QUESTION_WORD.test(x.lower)) {
      q = j;
      break;
    }
  }
  if (q < 0) return null;
  const qw = toks[q] as Token;
  const before = toks.slice(0, i);
  let b = before.length;
  while (b > 0 && AUXILIARIES.has(before[b - 1]?.lower ?? '')) b--;
  if (b === 0) return null;
  const gapBefore = body.slice((before[b - 1] as Token).end, b < before.length ? (before[b] as Token).start : t.start);
  if (/[,;:]/.test(gapBefore)) return null;
  const np = backNP(body, before.slice(0, b), s.start);
  const f = np[0];
  if (!f || (!f.cap && !/^(he|she|they|we|i|the|a|an|his|her|their|its|our)$/.test(f.lower))) return null;
  if (/^(it|this|that|there)$/i.test(f.text) && np.length === 1) return null;
  // "When Trump asked about …, Clinton said": a subordinate clause ends at its comma.
  const subordinate = /^[\s"'\u201C]*(?:when|after|before|while|as|if|since|because|although|though|once|until|unless)\b/i.test(body.slice(s.start, f.start));
  const sentEnd = trimEnd(body, s.start, s.end);
  const cStart = qw.lower === 'about' ? skipSpace(body, qw.end) : qw.start;
  let cEnd = sentEnd;
  if (subordinate) {
    const comma = body.indexOf(',', cStart);
    if (comma < 0 || comma >= cEnd) return null;
    cEnd = comma;
  }
  const participle = PARTICIPLE_TAIL.exec(body.slice(cStart, cEnd));
  if (participle && !qi.at(cStart + participle.index)) cEnd = cStart + participle.index;
  const tail = /,\s+(?:according to|(?:he|she|they|it|\p{Lu}\p{Ll}+)\s+(?:said|says|added|noted|told))\b|\s[\u2014\u2013]\s/u.exec(body.slice(cStart, cEnd));
  if (tail) cEnd = cStart + tail.index;
  cEnd = reportEnd(body, cStart, cEnd, qi);
  // A quotation after the question is the answer or another frame's; the question ends before it.
  const open = OPEN_Q.exec(body.slice(cStart, cEnd));
  if (open && open.index > 0 && /[,:]\s*$/.test(body.slice(cStart, cStart + open.index))) cEnd = cStart + open.index;
  while (cEnd > cStart && /[\s,:]/.test(body[cEnd - 1] ?? '')) cEnd--;
  if (cEnd - cStart < 8) return null;
  return mk(body, [cStart, cEnd], [f.start, (np[np.length - 1] as Token).end], [t.start, t.end], si, 'clause', qi);
}
