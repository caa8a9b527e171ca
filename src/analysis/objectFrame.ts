/**
 * Object frames: "Trump called for a ban", "the NAACP criticized the plan" — a stance verb whose
 * object is the attributed content, with no "that" and no quote marks.
 */
import { AUXILIARIES } from './lexicon';
import { OBJECT_ONLY_WITH } from './lexicon/cueWords';
import { backNP, sentenceSubject } from './nounPhrases';
import { mk, OPEN_Q, PARTICIPLE_TAIL, type RawStatement, skipSpace, trimEnd } from './statement';
import { QuoteIndex, type Sentence } from '../text/structure';
import type { Token } from '../text/tokens';
/** "SUBJECT VERB OBJECT." for OBJECT_VERBS: the object to the end of the clause is the content. */
export function objectFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex): RawStatement | null {
  const t = toks[i] as Token;
  const next = toks[i + 1];
  if (!next) return null;
  const need = OBJECT_ONLY_WITH.get(t.lower);
  if (need && !need.test(next.lower)) return null;
  const prev = toks[i - 1];
  // ", citing a threat to public health", "by saying he would never …": a participle report
  // whose source is the sentence's subject (or the statement it hangs on).
  if (/^(citing|urging|saying)$/.test(t.lower)) {
    const commaBefore = /,\s*$/.test(body.slice(prev ? prev.end : s.start, t.start));
    const prepBefore = !!prev && /^(by|from|after|before|while|for|of|in)$/.test(prev.lower) && t.lower === 'saying';
    if (!commaBefore && !prepBefore) return null;
    if (t.lower === 'saying' && commaBefore) return null; // ", saying …" is the clause frames' own
    const sentEnd = trimEnd(body, s.start, s.end);
    const cStart = next.start;
    if (cStart >= sentEnd) return null;
    let cEnd = sentEnd;
    const stop = /,\s+(?:but|and|while|which)\b|;|\s[\u2014\u2013]\s|\s--\s/.exec(body.slice(cStart, cEnd));
    if (stop) cEnd = cStart + stop.index;
    while (cEnd > cStart && /[\s,]/.test(body[cEnd - 1] ?? '')) cEnd--;
    if (cEnd - cStart < 8) return null;
    const subject = sentenceSubject(body, s.start, t.start) ?? undefined;
    const st = mk(body, [cStart, cEnd], null, [t.start, t.end], si, 'clause', qi);
    st.inherit = true;
    if (subject) st.subject = subject;
    return st;
  }
  // A participle or passive is not the subject's act: "the plan supported by …", "was criticized".
  if (prev && /^(was|were|been|being|be|is|are|by|to|the|a|an)$/.test(prev.lower)) return null;
  if (/ing$/.test(t.lower)) return null;
  if (!/^\s+$/.test(body.slice(t.end, next.start))) return null;
  const before = toks.slice(0, i);
  let b = before.length;
  while (b > 0 && AUXILIARIES.has(before[b - 1]?.lower ?? '')) b--;
  const gapBefore = b > 0 ? body.slice((before[b - 1] as Token).end, b < before.length ? (before[b] as Token).start : t.start) : '';
  if (gapBefore.includes(',') || b === 0) return null;
  const np = backNP(body, before.slice(0, b), s.start);
  if (!np.length) return null;
  const f = np[0] as Token;
  // The subject must be a name, a pronoun or a determiner phrase, not a stray noun.
  if (!f.cap && !/^(he|she|they|we|i|it|the|a|an|his|her|their|its|our)$/.test(f.lower)) return null;
  if (/^(it|this|that|there)$/i.test(f.text) && np.length === 1) return null;
  const sentEnd = trimEnd(body, s.start, s.end);
  const cStart = need && /^(for|on|upon)$/.test(next.lower) ? skipSpace(body, next.end) : next.start;
  let cEnd = sentEnd;
  const tail = /,\s+(?:according to|(?:he|she|they|it|\p{Lu}\p{Ll}+)\s+(?:said|says|added|noted|told)|saying|adding|and\s+(?:said|says))\b|\s[\u2014\u2013]\s|;/u.exec(body.slice(cStart, cEnd));
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
  while (cEnd > cStart && /[\s,]/.test(body[cEnd - 1] ?? '')) cEnd--;
  if (cEnd - cStart < 8) return null;
  return mk(body, [cStart, cEnd], [f.start, (np[np.length - 1] as Token).end], [t.start, need && /^(for|on|upon)$/.test(next.lower) ? next.end : t.end], si, 'clause', qi);
}

