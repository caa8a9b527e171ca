/**
 * Headline frames: the first line of an article is often a report in its own conventions.
 * "Graham: Trump's Rhetoric Destroying GOP's Chance" (a name and a colon), and in Title Case,
 * "Bernie Sanders Says He's Already Started Writing His Inaugural Address" or "Ted Cruz Is A
 * 'Natural Born Citizen,' Board Of Election Finds" — where every word is capitalised, so the
 * cue verb cannot be told from a name by its case and the clause frames skip it.
 */
import { INTRO } from './lexicon/cueWords';
import { modifierOnly } from './lexicon/cueStem';
import { mk, type RawStatement } from './statement';
import type { QuoteIndex, Sentence } from '../text/structure';
import { type Token, tokenize } from '../text/tokens';

/** Section labels that open headlines without naming a source ("Watch: …", "Live: …"). */
const HEADLINE_LABELS = /^(?:watch|video|videos|live|live updates|update|updated|updates|exclusive|breaking|breaking news|analysis|opinion|photos|photo|gallery|listen|podcast|review|explainer|editorial|correction|factbox|fact check|timeline|the latest|latest|read|quiz|poll results|interview|q&a|op-ed|commentary|audio|report|sponsored|advertisement|related|more|see also|byline|dateline|developing|just in|must read|pictured|in pictures|wow|warning)$/i;

/**
 * Headline convention without quote marks: "Graham: Trump's Rhetoric Destroying GOP's Chance"
 * as the first line of the body is what the name before the colon said. A short capitalised
 * prefix only, never a section label ("Watch: …") or a time ("8:20").
 */
export function colonHeadline(body: string, sentences: Sentence[]): RawStatement | null {
  const m = /^(\s*)(\p{Lu}[^:\n.!?"\u201C\u201D]{1,40}?):\s+(?=["'\u2018\u201C]?\p{Lu})([^\n]{8,200}?)(?:[.!?](?=\s|$)|\n|$)/u.exec(body.slice(0, 260));
  if (!m || !sentences.length) return null;
  const lead = m[1] ?? '';
  const prefix = m[2] ?? '';
  const words = prefix.trim().split(/\s+/);
  if (words.length > 5 || HEADLINE_LABELS.test(prefix.trim()) || /\d/.test(prefix)) return null;
  // "Revealed: …", "Confirmed: …": one word the lexicon knows only as a participle,
  // adjective or adverb is a teaser label, not a name (names are unknown to it or also nouns).
  if (words.length === 1 && modifierOnly((words[0] as string).toLowerCase())) return null;
  const start = lead.length;
  const cStart = m[0].indexOf(m[3] ?? '', start + prefix.length + 1);
  const cEnd = cStart + (m[3] ?? '').length;
  if (cEnd - cStart < 8) return null;
  return { content: [cStart, cEnd], source: [start, start + prefix.length], cue: [start + prefix.length, start + prefix.length + 1], quotes: [], sentence: 0, quoted: [], pattern: 'clause' };
}

/** Report verbs as headlines write them (third person present, Title Case lowered). */
const HEADLINE_VERBS = new Set(
  ('says say tells calls urges warns wants slams blasts vows claims admits predicts accuses denies rips ' +
    'thinks believes pledges argues insists suggests finds shows reveals questions defends praises ' +
    'criticizes condemns demands rejects endorses backs touts mocks dismisses blames announces').split(' '),
);
/** Words after "Calls" that make it a call for something, not a naming ("Calls X a Y"). */
const CALL_PARTICLE = /^(?:for|on)$/;

/**
 * A Title Case first line with a report verb: "SOURCE Says CONTENT" or "CONTENT, SOURCE Says".
 * The source is a short run of capitalised words; an opening subordinate word ("After Trump
 * Heard …", "If Obama Says It") or a colon (the colon convention's own) is no source.
 */
export function titleCaseHeadline(body: string, sentences: Sentence[], qi: QuoteIndex): RawStatement | null {
  const s = sentences[0];
  if (!s || s.para !== 0) return null;
  const end = trimHeadline(body, s.start, s.end);
  const toks = tokenize(body, s.start, end);
  const words = toks.filter((t) => /^\p{L}{4,}/u.test(t.text));
  if (toks.length < 4 || toks.length > 30 || words.length < 3) return null;
  // Title Case: (almost) every word of four letters or more is capitalised.
  if (words.filter((t) => t.cap).length < 0.8 * words.length) return null;
  if (body.slice(s.start, end).includes(':')) return null;
  const v = toks.findIndex((t, i) => i > 0 && t.cap && HEADLINE_VERBS.has(t.lower));
  if (v < 1) return null;
  const verb = toks[v] as Token;
  // "Railing Against Trump, Sanders Vows …": an opening phrase before a comma is not the source.
  const lastComma = body.lastIndexOf(',', verb.start);
  const before = toks.slice(0, v).filter((t) => t.start > lastComma);
  if (!before.length) return null;
  const gap = body.slice((before[before.length - 1] as Token).end, verb.start);
  if (v === toks.length - 1 && /^,?\s+$/.test(gap)) {
    // "CONTENT, SOURCE Says": the source runs back to the comma.
    const comma = body.lastIndexOf(',', verb.start);
    if (comma <= s.start) return null;
    const src = toks.filter((t) => t.start > comma && t.end <= verb.start);
    if (!src.length || src.length > 6 || !src.every((t) => t.cap)) return null;
    const cEnd = comma;
    if (cEnd - s.start < 8) return null;
    return mk(body, [s.start, cEnd], span(src), [verb.start, verb.end], 0, 'clause', qi);
  }
  if (!/^\s+$/.test(gap) || before.length > 6 || INTRO.test((before[0] as Token).text) || !before.every((t) => t.cap)) return null;
  let c = v + 1;
  if (/^call/.test(verb.lower) && CALL_PARTICLE.test(toks[c]?.lower ?? '')) c++;
  else if (toks[c]?.lower === 'that') c++;
  const first = toks[c];
  if (!first || end - first.start < 8) return null;
  return mk(body, [first.start, end], span(before), [verb.start, verb.end], 0, 'clause', qi);
}

function span(toks: Token[]): [number, number] {
  return [(toks[0] as Token).start, (toks[toks.length - 1] as Token).end];
}

/** The headline's end without its final period. */
function trimHeadline(body: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.!?]/.test(body[e - 1] ?? '')) e--;
  return e;
}
