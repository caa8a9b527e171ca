/**
 * Where a reported clause ends: before a comment, contrast or second clause the reporter adds
 * ("…, which …", ", however …", ", and the union also stepped in"), before a second report of the
 * same subject ("…, but insists …"), never inside a quotation.
 */
import { SPEECH_VERBS } from './lexicon';
import { MIXED_VERBS } from './lexicon/cueWords';
import { OPEN_Q } from './statement';
import type { QuoteIndex } from '../text/structure';

/** Finite verbs and auxiliaries: their presence makes a clause, not a noun phrase. */
export const FINITE = /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did|am|isn['\u2019]t|aren['\u2019]t|wasn['\u2019]t|weren['\u2019]t)$/;
/**
 * Where a reported clause ends before words that are not part of it: a contrast or comparison
 * the reporter adds (", however …", ", compared with …", ", while …"), a semicolon, a second
 * report with its own subject (", and three-quarters said …") or a coordinated speech or stance
 * verb of the same subject (", but insists …", "and predicted that …"). Quotations are never cut.
 */
export function reportEnd(body: string, cStart: number, cEnd: number, qi: QuoteIndex): number {
  const text = body.slice(cStart, cEnd);
  const cuts: number[] = [];
  const aside = /,\s+(?:however|compared (?:with|to)|while|whereas)\b|;\s/g;
  for (let m = aside.exec(text); m; m = aside.exec(text)) cuts.push(m.index);
  // "…, and more than 4 in 10 said …": a new subject (no "that" or relative word in it) and a verb.
  const second = /(?:,\s+|\s+)(?:and|but|while)\s+((?:[\p{L}\p{N}’'.-]+\s+){1,7}?)(?:said|say|says|told|added|predicted|argued|insisted|believe|believes)\b/gu;
  for (let m = second.exec(text); m; m = second.exec(text)) if (!/\b(?:that|who|which|what|if|whether|to)\b/i.test(m[1] ?? '')) cuts.push(m.index);
  // "…, which forced her to leave …": a non-restrictive relative clause is the reporter's comment.
  const which = /,\s+which\s/g;
  for (let m = which.exec(text); m; m = which.exec(text)) {
    // Not when the reported words go on past it: a quotation follows, or the relative clause sits
    // inside the subject ("in the counties, which include …, voters have been …").
    const restText = text.slice(m.index + m[0].length);
    if (!OPEN_Q.test(restText) && !/,\s+(?:[\p{L}'\u2019-]+\s+){0,3}(?:is|are|was|were|has|have|had|will|would|could|can)\b/u.test(restText)) cuts.push(m.index);
  }
  // "…, and the coal miners' union also stepped in": a coordinated clause with its own subject
  // and finite verb is the reporter's narration going on.
  const clause2 = /,\s+(?:and|but|yet)\s+(?:the|a|an|he|she|they|it|we|I|many|some|most|his|her|their|its|\p{Lu}[\p{L}'\u2019-]*)(?:\s+[\p{L}\p{N}'\u2019.-]+){0,6}?\s+(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|does|did|do|\p{Ll}{3,}ed)\b/gu;
  for (let m = clause2.exec(text); m; m = clause2.exec(text)) if (!/\b(?:that|who|which|what|if|whether)\b/i.test(m[0]) && !OPEN_Q.test(text.slice(m.index))) cuts.push(m.index);
  const coord = /,?\s+(?:but|and)\s+(?:also\s+|then\s+|later\s+)?(\p{Ll}+)\b/gu;
  for (let m = coord.exec(text); m; m = coord.exec(text)) {
    const w = m[1] ?? '';
    if (/(?:s|ed)$/.test(w) && (SPEECH_VERBS.has(w) || MIXED_VERBS.has(w) || OBJECT_STANCE.has(w))) cuts.push(m.index);
  }
  for (const c of cuts.sort((a, b) => a - b)) {
    // Only at a point of narration, and never to nothing.
    if (c >= 8 && !qi.at(cStart + c)) return cStart + c;
  }
  return cEnd;
}

/** Stance verbs that start a second predicate when coordinated ("and accused …"). */
const OBJECT_STANCE = new Set('accused criticized praised predicted swears insists cautioned endorsed rejected denied blamed'.split(' '));

/** A past-tense report verb ("said", "told", "warned"): what it reports in the present tense still holds. */
export function pastCue(lower: string): boolean {
  return /\p{Ll}{2,}ed$/u.test(lower) || /^(?:said|told|wrote|thought|felt|knew|saw|made|gave|took|held|put|found|meant|heard)$/.test(lower);
}

/**
 * Text after a quote opening with "and/but [also] VERB" where VERB is a finite speech or stance
 * verb, or "and he/she/they VERB" (a new report of the subject). After a past-tense cue
 * (`past`), "and he feels he can win …" in the present tense is the reported clause going on in
 * indirect speech ("Trump said the system is “complex” and he feels …"), not a new report.
 */
export function coordinatedCue(after: string, past = false): boolean {
  const m = /^,?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(\p{Ll}+)\b/u.exec(after);
  const w = m?.[1] ?? '';
  if (!!w && /(?:s|ed)$/.test(w) && (SPEECH_VERBS.has(w) || MIXED_VERBS.has(w))) return true;
  // "…“all its wrinkles,” and he reiterated …" / "…“racist,” an extraordinary indictment …"
  const pron = /^,?\s+and\s+(?:he|she|they)\s+(\p{Ll}+)/u.exec(after);
  if (pron && !(past && /^(?:\p{Ll}+[^s\W]s|has|is|are|can|will|does|do)$/u.test(pron[1] ?? ''))) return true;
  return /^,\s+(?:a|an)\s+\p{Ll}+/u.test(after);
}
