/**
 * The raw statement every cue stage produces (a cue, its source words and its content, all still
 * offsets into the body), with the small offset helpers the stages share.
 */
import { ABBREVIATIONS } from './lexicon';
import { QuoteIndex } from '../text/structure';
export interface RawStatement {
  content: [number, number];
  fragments?: Array<[number, number]>;
  /** Source words, or null when the text names none. */
  source: [number, number] | null;
  /** Inherit the source of the previous statement in the same sentence ("…, noting that"). */
  inherit?: boolean;
  /** For an inherited source: the sentence's subject words, used when no earlier statement exists. */
  subject?: [number, number];
  cue?: [number, number];
  /** Indices of the quotes this statement consumed. */
  quotes: number[];
  sentence: number;
  /** Verbatim quoted pieces inside the content. */
  quoted: Array<[number, number]>;
  /** Quoted with single marks (a headline quote), still a direct quotation. */
  singleQuoted?: boolean;
  /** A quote paragraph continuing the previous statement's speaker (no cue of its own). */
  continued?: boolean;
  /** The label when the text names no source on purpose ("Asked whether …", "is expected to"). */
  label?: string;
  /**
   * Whose words the quotation is when that may not be the subject (`possessedQuotes.ts`): the
   * possessor of the stance noun holding it ("rejected her claim that “…”" → "her") or the
   * subject of a report inside the content ("said Varga had told him “…”" → "Varga").
   */
  owner?: [number, number];
  /** The owner when it is a pronoun ("his", "her", "he", "their", "its"). */
  ownerPronoun?: string;
  /** Found by a noun frame ("his claim that …"): the possessor is the source. */
  noun?: boolean;
  /** A learned cue's key and frame ("endors obj"), for the learner's counts (`tools/learnCues.ts`). */
  learned?: string;
  /** How the frame was recognised, for debugging and scoring filters. */
  pattern: 'quote-cue-after' | 'quote-cue-before' | 'clause' | 'clause-inverted' | 'according-to' | 'unattributed';
}

/** An opening quotation mark, NYT-style '' included. */
export const OPEN_Q = /["\u201C\u00AB]|''/;

export const PRONOUN_SRC = /^(he|she|they|we|i|it)$/i;

/** Offset of the first real sentence stop in [from, to) (abbreviations skipped), or -1. */
export function firstStop(body: string, from: number, to: number): number {
  const re = /[.!?;](?=\s|$)/g;
  const text = body.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0] === '.') {
      const w = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, m.index - 12), m.index));
      const word = (w?.[1] ?? '').toLowerCase().replace(/\.$/, '');
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word)) continue;
    }
    return from + m.index;
  }
  return -1;
}


export function mk(body: string, content: [number, number], source: [number, number] | null, cue: [number, number], sentence: number, pattern: RawStatement['pattern'], qi: QuoteIndex): RawStatement {
  const quoted: Array<[number, number]> = [];
  const seen = new Set<number>();
  for (let p = content[0]; p < content[1]; p++) {
    const q = qi.at(p);
    if (q && !seen.has(q.start)) {
      seen.add(q.start);
      quoted.push([q.start, q.end]);
      p = q.end - 1;
    }
  }
  void body;
  return { content, source, cue, quotes: [], sentence, quoted, pattern };
}

/** End of a sentence without its final period (kept when it sits inside a closing quote). */
export function trimEnd(body: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(body[e - 1] ?? '')) e--;
  if (/[.!?;:]/.test(body[e - 1] ?? '')) e--;
  while (e > start && /\s/.test(body[e - 1] ?? '')) e--;
  return e;
}

export function skipSpace(body: string, p: number): number {
  while (/\s/.test(body[p] ?? '')) p++;
  return p;
}

/** Skips leading conjunctions and spaces of a clause ("But …"). */
export function skipLead(body: string, s: number, e: number): number {
  let p = skipSpace(body, s);
  const m = /^(?:But|And|Yet|So|Still)\s+/.exec(body.slice(p, Math.min(e, p + 10)));
  if (m) p += m[0].length;
  return p;
}

/** ", citing …", ", engaging in …", ", implicitly putting …": a participle clause after a comma. */
export const PARTICIPLE_TAIL = /,\s+(?:\p{Ll}+ly\s+)?(?!including|according|during|regarding|concerning|nothing|something|anything|everything|being|following|notwithstanding)\p{Ll}{3,}ing\b/u;
