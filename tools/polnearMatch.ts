/**
 * PolNeAR-format files and the scorer's matching rule, for the error tools
 * (`attributionErrors.ts`, `attributionClasses.ts`): a predicted attribution matches a gold one
 * when their contents overlap by at least half of the longer span, pairs taken greedily by overlap
 * share, one to one — as `../shared/data/polnear/score.mjs` counts them.
 */
import { readFileSync } from 'node:fs';

export type Frags = Array<[number, number]>;
export interface Span {
  start: number;
  end: number;
  text?: string;
  fragments?: Frags;
  kind?: string;
}
export interface GoldAttr {
  source: Span | null;
  cue?: Span | null;
  content: Span;
  direct: boolean;
  quote_type?: string;
}
export interface GoldDoc {
  id: string;
  text: string;
  attributions: GoldAttr[];
}
/** One statement as `npm run attribute` writes it. */
export interface SysQuote {
  content: Span;
  source: Span | null;
  speaker?: string;
  direct?: boolean;
}

export const frags = (s: Span): Frags => (s.fragments && s.fragments.length ? s.fragments : [[s.start, s.end]]);
export const len = (fs: Frags): number => fs.reduce((n, [s, e]) => n + Math.max(0, e - s), 0);
export const overlap = (a: Frags, b: Frags): number => {
  let n = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) n += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return n;
};

export const readJsonl = <T>(p: string): T[] => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

/** The system file's statements by document id. */
export const readSystem = (p: string): Map<string, SysQuote[]> => new Map(readJsonl<{ id: string; quotes: SysQuote[] }>(p).map((d) => [d.id, d.quotes]));

/** The scorer's one-to-one pairing of gold and system contents: gold index → system index. */
export function matchContents(gold: readonly Frags[], system: readonly Frags[]): Map<number, number> {
  const cand: Array<[number, number, number]> = [];
  gold.forEach((g, i) =>
    system.forEach((s, j) => {
      const ov = overlap(g, s);
      const longer = Math.max(len(g), len(s));
      if (ov && ov >= 0.5 * longer) cand.push([ov / longer, i, j]);
    }),
  );
  cand.sort((a, b) => b[0] - a[0]);
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  for (const [, i, j] of cand) {
    if (pairs.has(i) || used.has(j)) continue;
    pairs.set(i, j);
    used.add(j);
  }
  return pairs;
}
