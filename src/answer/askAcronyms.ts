/**
 * `/ask` matches an acronym and the long form an article defines it by as the same thing:
 * "Who is the Commissioner of the National Football League?" finds "NFL Commissioner Roger
 * Goodell", and "Which NFL team represented the AFC?" finds "the American Football Conference
 * champion". The definitions come from the text ("the National Football League (NFL)",
 * `text/acronyms.ts`), gathered once per knowledge base (`knowledge/acronyms.ts`), never guessed.
 */
import type { AcronymIndex } from '../knowledge/acronyms';
import { acronymLike } from '../text/acronyms';
import { runAt, withoutPossessive as bare, type Word } from '../text/words';
import type { QuestionTerm } from './question';

/** What the question's acronyms and long forms stand for in a text. */
export interface AcronymLinks {
  /** An acronym (normalised) → the question terms it stands for (the question wrote the long form). */
  acronymFor: Map<string, number[]>;
  /** Per question term written as an acronym, a long form of it (the question wrote "NFL"). */
  longFor: Array<{ term: number; acronym: string; long: readonly string[] }>;
  /** The question asks what its acronym stands for ("What does AFC stand for?", "… short for?"). */
  asksExpansion: boolean;
}

/** A question about what an acronym means: the long form is its answer. */
const EXPANSION = /\b(?:stands?|stood) for\b|\bshort (?:for|form)\b|\babbreviat|\bacronym|\bfull (?:name|form)\b|\bspelled out\b/i;

/** Written as an acronym, a possessive allowed: "NFL", "NFL's", "DoD" (not "Nfl" or "Panel"). */
const writtenAsAcronym = (written: string) => acronymLike(written.replace(/['’]s$/, ''));

/**
 * The acronym links of a question (`text`, its words `ws` and content terms `terms`): every long
 * form of the index written out in the question, and every question term written as an acronym
 * the index defines. Undefined when there is none (most questions).
 */
export function questionAcronyms(index: AcronymIndex, text: string, ws: readonly Word[], terms: readonly QuestionTerm[]): AcronymLinks | undefined {
  if (index.longForms.size === 0) return undefined;
  const acronymFor = new Map<string, number[]>();
  for (let i = 0; i < ws.length; i++) {
    for (const d of index.byFirstWord.get(bare(ws[i]!.norm)) ?? []) {
      if (!runAt(ws, i, d.long)) continue;
      const from = ws[i]!.start;
      const to = ws[i + d.long.length - 1]!.end;
      const covered = terms.flatMap((t, k) => (t.start >= from && t.end <= to ? [k] : []));
      if (covered.length > 0) acronymFor.set(d.acronym, [...new Set([...(acronymFor.get(d.acronym) ?? []), ...covered])]);
    }
  }
  const longFor: AcronymLinks['longFor'] = [];
  terms.forEach((t, k) => {
    const acronym = bare(t.norm);
    const forms = index.longForms.get(acronym);
    if (!forms || !writtenAsAcronym(text.slice(t.start, t.end))) return;
    for (const long of forms) longFor.push({ term: k, acronym, long });
  });
  return acronymFor.size > 0 || longFor.length > 0 ? { acronymFor, longFor, asksExpansion: longFor.length > 0 && EXPANSION.test(text) } : undefined;
}

/**
 * `matches` (per word of `ws`, its match to each of `terms` question terms) with the question's
 * acronyms' long forms marked where they stand in `ws`: the long form's first word matches the
 * acronym's term fully — unless the acronym follows in parentheses, where it is found itself
 * (marking the long form's start too would move the match away from the sentence's other words).
 * Rows are copied before they change (they are shared between words).
 */
export function markLongForms(links: AcronymLinks | undefined, ws: readonly Word[], matches: Array<number[] | undefined>, terms: number): Array<number[] | undefined> {
  if (!links || links.longFor.length === 0) return matches;
  let copied: Set<number> | undefined;
  for (const { term, acronym, long } of links.longFor) {
    for (let j = 0; j + long.length <= ws.length; j++) {
      if (bare(ws[j]!.norm) !== long[0] || !runAt(ws, j, long)) continue;
      if (ws[j + long.length] && bare(ws[j + long.length]!.norm) === acronym) continue;
      copied ??= new Set();
      if (!copied.has(j)) {
        matches[j] = matches[j] ? [...matches[j]!] : new Array<number>(terms).fill(0);
        copied.add(j);
      }
      matches[j]![term] = 1;
    }
  }
  return matches;
}

/**
 * The `spelledOut` feature of a question asking what its acronym stands for: the share of the
 * question's acronyms whose long form stands in ws[from, to) — there, the long form is the answer.
 */
export function spelledOutShare(links: AcronymLinks | undefined, ws: readonly Word[], from: number, to: number): number {
  if (!links?.asksExpansion) return 0;
  const acronyms = new Set(links.longFor.map((x) => x.term));
  const found = new Set<number>();
  for (const { term, long } of links.longFor) {
    if (found.has(term)) continue;
    for (let j = from; j + long.length <= to; j++) {
      if (runAt(ws, j, long)) {
        found.add(term);
        break;
      }
    }
  }
  return found.size / acronyms.size;
}
