/**
 * Where a reported clause or object ends, learned from PolNeAR train (`tools/learnCues.ts
 * --span-ends` → `lexicon/learnedSpanEnds.ts`). Each marker is a place a reporter's narration may
 * take over from what was reported (", but …", ", a swipe at …", " on its Facebook page"); the
 * learner keeps the markers where cutting there made more of train's statements match its gold
 * spans. The hand-written ends (`clauseEnd.ts`, `objectFrame.ts`) run first; these only shorten.
 */
import { OPEN_Q } from './statement';
import type { QuoteIndex } from '../text/structure';

/** Candidate end markers, by id: the match's start is where the content would end. */
export const SPAN_END_MARKERS: Readonly<Record<string, RegExp>> = {
  'comma-but': /,\s+but\b/,
  but: /\s+but\s/,
  'comma-and': /,\s+and\s/,
  and: /\s+and\s/,
  'comma-which': /,\s+which\s/,
  'comma-who': /,\s+who\s/,
  'comma-as': /,\s+as\s/,
  as: /\s+as\s/,
  'comma-ing': /,\s+\p{Ll}{2,}ing\s/u,
  'comma-a': /,\s+(?:a|an)\s/,
  'comma-the': /,\s+the\s/,
  because: /,?\s+because\s/,
  while: /,?\s+while\s/,
  after: /,?\s+after\s/,
  before: /,?\s+before\s/,
  when: /,?\s+when\s/,
  if: /,?\s+if\s/,
  since: /,?\s+since\s/,
  'comma-so': /,\s+so\s/,
  although: /,?\s+(?:although|though|even though)\s/,
  including: /,\s+including\s/,
  dash: /\s[\u2014\u2013]\s?|\s--?\s/,
  colon: /:\s/,
  paren: /\s\(/,
  comma: /,\s/,
  medium: /\s+(?:on|in)\s+(?:a|an|the|his|her|its|their)\s+(?:[\p{L}'\u2019-]+\s+){0,3}(?:page|article|interview|statement|post|tweet|video|op-ed|column|letter|speech|show|program|broadcast|book|website|account)\b/u,
  by: /\s+by\s/,
  with: /\s+with\s/,
  for: /\s+for\s/,
  in: /\s+in\s/,
  on: /\s+on\s/,
  at: /\s+at\s/,
  to: /\s+to\s/,
  than: /,?\s+than\s/,
  amid: /,?\s+amid\s/,
};

/**
 * The end of `[start, end)` once the first enabled marker cuts it: never inside a quotation,
 * never before a quotation still to come (the quote stays with its report), never to fewer than
 * eight characters. Returns `end` when no marker applies.
 */
export function learnedSpanEnd(body: string, start: number, end: number, qi: QuoteIndex, enabled: ReadonlySet<string>): number {
  if (enabled.size === 0) return end;
  const text = body.slice(start, end);
  let cut = end;
  for (const id of enabled) {
    const re = SPAN_END_MARKERS[id];
    if (!re) continue;
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    for (let m = g.exec(text); m; m = g.exec(text)) {
      const at = start + m.index;
      if (at >= cut) break;
      if (m.index < 8 || qi.at(at)) continue;
      if (OPEN_Q.test(body.slice(at, end))) continue;
      cut = at;
      break;
    }
  }
  while (cut > start && /[\s,;:]/.test(body[cut - 1] ?? '')) cut--;
  return cut;
}
