/**
 * Sources inside prepositional frames, where no verb says who holds the content:
 * - a poll or survey as the frame of a finding: "In a CNN/ORC poll released Monday, Clinton led
 *   by 5 points." / "Clinton led by 5 points in the latest Quinnipiac poll.";
 * - a person's perspective: "To Sanders, the shift is overdue.", "In Trump's view, the deal is
 *   dead." / "The deal is dead in his view.".
 * The source is the noun phrase of the frame; a possessive ("Trump's view") names its possessor.
 */
import { reportEnd } from './clauseEnd';
import { mk, type RawStatement, skipLead, skipSpace, trimEnd } from './statement';
import type { QuoteIndex, Sentence } from '../text/structure';
import { type Token, tokenize } from '../text/tokens';

/** Heads of a phrase naming a poll or survey. */
const POLL = /^(?:poll|polls|survey|surveys|polling)$/;
/** Nouns of a person's perspective ("in his view", "in Trump's words"). */
const PERSPECTIVE = /^(?:view|views|opinion|eyes|mind|words|estimation|judgment|judgement|telling|account)$/;
/** A noun phrase after "To" that can hold a view: a name, a pronoun, people. */
const HOLDER = /^(?:him|her|them|many|some|others|most|critics|supporters|voters|democrats|republicans|conservatives|liberals|activists|observers|analysts|experts|fans|believers)$/;

/** Statements framed by a sentence's prepositional phrases, if any. */
export function prepFrames(body: string, s: Sentence, si: number, toks: Token[], qi: QuoteIndex): RawStatement[] {
  const out: RawStatement[] = [];
  const sentEnd = trimEnd(body, s.start, s.end);
  const start = skipLead(body, s.start, sentEnd);
  const first = toks.find((t) => t.start >= start);
  if (!first || qi.at(first.start)) return out;
  // "In a poll …, CLAUSE." / "In Trump's view, CLAUSE." / "To Sanders, CLAUSE."
  if (/^(?:in|to)$/i.test(first.text) && first.cap) {
    const comma = body.indexOf(',', first.end);
    if (comma > 0 && comma < sentEnd) {
      const np = tokenize(body, first.end, comma);
      const head = np[np.length - 1];
      const cStart = skipSpace(body, comma + 1);
      const holder = first.lower === 'in' ? inFrameSource(np) : toHolder(np);
      if (head && holder && np.length <= 14 && !qi.at(cStart) && clauseAfter(body, cStart, sentEnd)) {
        const cEnd = reportEnd(body, cStart, sentEnd, qi);
        if (cEnd - cStart >= 12) out.push(possessed(mk(body, [cStart, cEnd], holder, [first.start, first.end], si, 'according-to', qi)));
      }
    }
  }
  const as = asFrame(body, s, si, toks, start, sentEnd, qi);
  if (as) out.push(as);
  // "… because to her, “there's nothing more important …”", "But to others, he's a …": a
  // holder's "to X," after a conjunction, then the rest of the sentence.
  for (let k = 1; k + 1 < toks.length; k++) {
    const to = toks[k] as Token;
    const prev = toks[k - 1];
    if (to.lower !== 'to' || !prev || !/^(?:because|but|and|that|since|yet|so)$/.test(prev.lower) || to.start < start) continue;
    const comma = body.indexOf(',', to.end);
    if (comma < 0 || comma >= sentEnd) continue;
    const np = tokenize(body, to.end, comma);
    const holder = np.length === 1 && /^(?:him|her|them|many|others|some|most)$/.test((np[0] as Token).lower) ? toHolder(np) : null;
    const cStart = skipSpace(body, comma + 1);
    if (!holder || (!clauseAfter(body, cStart, sentEnd) && !qi.at(cStart))) continue;
    const q = qi.at(cStart);
    const cEnd = q && q.end > sentEnd ? q.end : reportEnd(body, cStart, sentEnd, qi);
    if (cEnd - cStart >= 12) out.push(mk(body, [cStart, cEnd], holder, [to.start, to.end], si, 'according-to', qi));
  }
  // "CLAUSE in the latest CNN poll." / "CLAUSE in his view.": the frame closes the sentence.
  const m = /\s(?:,\s*)?in\s+((?:(?:the|a|an|his|her|their|its|this|that|one|another|[\p{L}\p{N}'\u2019./&-]+)\s+){0,10}?(?:poll|polls|survey|surveys|view|opinion|eyes|mind|estimation))((?:\s+(?:released|conducted|taken|published|out)\b[^,;:]{0,60})?)$/u.exec(body.slice(start, sentEnd));
  if (m && m[1]) {
    const inAt = start + m.index + m[0].indexOf('in');
    const npStart = start + m.index + m[0].indexOf(m[1]);
    const np = tokenize(body, npStart, npStart + m[1].length);
    const holder = inFrameSource(np);
    // A named or dated poll, not the polls in general ("leading in the polls") nor a trip to
    // them ("voters head to the polls").
    const specific = np.some((t) => t.cap || /^(?:poll|survey|latest|new|recent)$/.test(t.lower)) && !np.some((t) => /^(?:to|head|heads|go|goes|went|leave|leaving|closed|close|at)$/.test(t.lower));
    let cEnd = inAt;
    while (cEnd > start && /[\s,]/.test(body[cEnd - 1] ?? '')) cEnd--;
    if (holder && (specific || !np.some((t) => POLL.test(t.lower))) && !qi.at(inAt) && cEnd - start >= 12 && tokenize(body, start, cEnd).length >= 3) out.push(possessed(mk(body, [start, cEnd], holder, [inAt, inAt + 2], si, 'according-to', qi)));
  }
  return out;
}

/** Verbs of an "As X reported," frame. */
const AS_REPORT = /^(?:reported|reports|noted|notes|said|says|wrote|writes|explained|explains|observed|observes|argued|argues|put|told|tells|pointed|points|revealed|reveals|detailed|documented|recounted)$/;

/**
 * "As The Washington Post reported, CLAUSE.", "As reported by Western Journalism, CLAUSE.", "As
 * Clinton told the New York Daily News, CLAUSE.", "As The Atlantic recently noted, CLAUSE.": the
 * source of the "as" phrase reports the main clause (14 of 15 such sentences on PolNeAR train).
 * Not a quotation after the comma, which the quote cues read with this tag.
 */
function asFrame(body: string, s: Sentence, si: number, toks: Token[], start: number, sentEnd: number, qi: QuoteIndex): RawStatement | null {
  const first = toks.find((t) => t.start >= start);
  if (!first || first.text !== 'As') return null;
  const comma = body.indexOf(',', first.end);
  if (comma < 0 || comma >= sentEnd || /[;:()\u2014\u2013"\u201C\u201D]/.test(body.slice(first.end, comma))) return null;
  const inner = tokenize(body, first.end, comma);
  if (inner.length < 2 || inner.length > 14) return null;
  let source: [number, number] | null = null;
  let verb: Token | undefined;
  let rest: Token[] = [];
  if (inner[0]?.lower === 'reported' && inner[1]?.lower === 'by' && inner.length > 2) {
    // "As reported by X,": everything after "by" is the source.
    verb = inner[0];
    source = [(inner[2] as Token).start, (inner[inner.length - 1] as Token).end];
  } else {
    const v = inner.findIndex((t, k) => k > 0 && AS_REPORT.test(t.lower));
    if (v < 1) return null;
    verb = inner[v] as Token;
    // Auxiliaries and adverbs between the source and its verb ("has reported", "recently noted").
    let e = v;
    while (e > 0 && /^(?:has|have|had|also|first|recently|once|previously|\p{Ll}+ly)$/u.test((inner[e - 1] as Token).lower)) e--;
    const np = inner.slice(0, e);
    const f = np[0];
    if (!f || (!f.cap && !/^(?:the|a|an|one|several|many|some|his|her|their)$/.test(f.lower)) || np.some((t) => !t.cap && /^(?:is|was|are|were|be|been|it|this|that|there)$/.test(t.lower))) return null;
    source = [f.start, (np[np.length - 1] as Token).end];
    rest = inner.slice(v + 1);
    // "told X", "pointed out", "put it", then a short time or place ("in December", "on Monday").
    if (verb.lower === 'put' && rest[0]?.lower !== 'it') return null;
    if (/^point/.test(verb.lower) && rest[0]?.lower !== 'out') return null;
    if (rest.length > 7) return null;
  }
  const cStart = skipSpace(body, comma + 1);
  if (qi.at(cStart) || /^["\u201C]|^''/.test(body.slice(cStart, cStart + 2)) || !clauseAfter(body, cStart, sentEnd)) return null;
  const cEnd = reportEnd(body, cStart, sentEnd, qi);
  if (cEnd - cStart < 12) return null;
  return mk(body, [cStart, cEnd], source, [first.start, verb.end], si, 'according-to', qi);
}

/** "in Trump's view": the possessor holds the view (see resolveSource), as for stance nouns. */
function possessed(st: RawStatement): RawStatement {
  st.noun = true;
  return st;
}

/**
 * The source of an "in …" frame: the whole poll phrase ("a CNN/ORC poll released Monday"), or
 * the possessor of a perspective noun ("Trump's" in "in Trump's view", "his" in "in his eyes").
 */
function inFrameSource(np: Token[]): [number, number] | null {
  const pollAt = np.findIndex((t) => POLL.test(t.lower));
  if (pollAt >= 0) {
    const f = np[0] as Token;
    // A determiner, a number or a name opens a poll phrase ("the polls", "a CBS News poll").
    if (!/^(?:the|a|an|this|that|one|another|its|their|his|her|most|several|recent|new|national|state|exit|early|latest)$/.test(f.lower) && !f.cap) return null;
    return [f.start, (np[np.length - 1] as Token).end];
  }
  const persp = np.findIndex((t) => PERSPECTIVE.test(t.lower));
  if (persp !== 1 && persp !== 2) return null;
  const owner = np.slice(0, persp);
  const last = owner[owner.length - 1] as Token;
  if (persp !== np.length - 1) return null;
  if (/^(?:his|her|their)$/.test(last.lower) && owner.length === 1) return [last.start, last.end];
  if (last.possessive && owner.every((t) => t.cap || t.possessive)) return [(owner[0] as Token).start, last.end];
  return null;
}

/** "To Sanders", "To many", "To Florida consultant Wilson": a holder of a view, or null. */
function toHolder(np: Token[]): [number, number] | null {
  const f = np[0];
  const l = np[np.length - 1];
  if (!f || !l || np.length > 6) return null;
  if (np.length === 1 && HOLDER.test(f.lower)) return [f.start, f.end];
  // A name: capitalised words (a lower-case role may lead: "Florida consultant Wilson").
  if (!l.cap || !f.cap || np.some((t) => /^(?:the|a|an|date|be|that|this|some|me|us)$/i.test(t.text))) return null;
  if (np.length === 1 && /^(?:Date|Be|That|This)$/.test(f.text)) return null;
  return [f.start, l.end];
}

/** Whether [from, to) opens a clause with its own subject and verb (not "To Sanders' credit"). */
function clauseAfter(body: string, from: number, to: number): boolean {
  const toks = tokenize(body, from, Math.min(to, from + 200));
  return toks.length >= 3 && toks.slice(1, 10).some((t) => /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|does|did|do|remains?|seems?|led|leads|trails?|trailed|won|holds?|held|marked|represents?|\p{Ll}{3,}(?:ed|es))$/u.test(t.lower));
}
