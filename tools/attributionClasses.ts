/**
 * Error classes for the attribution engine against a PolNeAR-format gold file: missed gold
 * attributions grouped by their gold cue word (and whether a system statement overlapped them
 * too little — a boundary miss — or not at all), and spurious statements grouped by the words
 * between their source and content (the cue the engine read). Matching follows the PolNeAR
 * scorer (overlap ≥ 50 % of the longer span, greedy one-to-one).
 *
 * Usage: npx tsx tools/attributionClasses.ts gold.jsonl system.jsonl [--top N] [--show CUE] [--max N]
 * (system.jsonl as written by `npm run attribute`). `--show CUE` prints the examples of one class
 * ("fn:say", "fp:said", "boundary:say").
 */
import { readFileSync } from 'node:fs';

type Frags = Array<[number, number]>;
interface Span {
  start: number;
  end: number;
  text?: string;
  fragments?: Frags;
}
interface GoldAttr {
  source: Span | null;
  cue?: Span | null;
  content: Span;
}
interface GoldDoc {
  id: string;
  text: string;
  attributions: GoldAttr[];
}
interface SysQuote {
  content: Span;
  source: Span | null;
}

const frags = (s: Span): Frags => (s.fragments && s.fragments.length ? s.fragments : [[s.start, s.end]]);
const len = (fs: Frags): number => fs.reduce((n, [s, e]) => n + Math.max(0, e - s), 0);
const overlap = (a: Frags, b: Frags): number => {
  let n = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) n += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return n;
};

const [goldPath, sysPath, ...rest] = process.argv.slice(2);
if (!goldPath || !sysPath) {
  process.stderr.write('usage: attributionClasses <gold.jsonl> <system.jsonl> [--top N] [--show CLASS] [--max N]\n');
  process.exit(2);
}
const opt = (name: string): string | undefined => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const top = Number(opt('--top') ?? 30);
const show = opt('--show');
const max = Number(opt('--max') ?? 25);

const readJsonl = <T>(p: string): T[] =>
  readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
const sys = new Map(readJsonl<{ id: string; quotes: SysQuote[] }>(sysPath).map((l) => [l.id, l.quotes]));

/** The cue's key: its lower-cased words with the source's own words left out, at most three. */
function cueKey(text: string, cue: Span | null | undefined): string {
  if (!cue) return '(none)';
  const w = frags(cue).map(([s, e]) => text.slice(s, e)).join(' ').toLowerCase().match(/[\p{L}']+/gu) ?? [];
  return w.slice(0, 3).join(' ') || '(none)';
}
/** The words between a statement's source and its content: the cue the engine read. */
function sysCue(text: string, q: SysQuote): string {
  if (!q.source) return '(no source)';
  const [a, b] = q.source.end <= q.content.start ? [q.source.end, q.content.start] : [q.content.end, q.source.start];
  if (b < a) return '(inside)';
  const w = text.slice(a, b).toLowerCase().match(/[\p{L}']+/gu) ?? [];
  return w.slice(0, 3).join(' ') || '(adjacent)';
}
const ctx = (text: string, s: number, e: number): string =>
  text.slice(Math.max(0, s - 80), s).replace(/\s+/g, ' ') + '[[' + text.slice(s, e).replace(/\s+/g, ' ') + ']]' + text.slice(e, e + 60).replace(/\s+/g, ' ');

const classes = new Map<string, string[]>();
const add = (k: string, ex: string): void => {
  const l = classes.get(k) ?? [];
  l.push(ex);
  classes.set(k, l);
};
for (const gold of readJsonl<GoldDoc>(goldPath)) {
  const S = sys.get(gold.id) ?? [];
  const G = gold.attributions;
  const cand: Array<[number, number, number]> = [];
  G.forEach((g, i) => S.forEach((q, j) => {
    const ov = overlap(frags(g.content), frags(q.content));
    const longer = Math.max(len(frags(g.content)), len(frags(q.content)));
    if (ov && ov >= 0.5 * longer) cand.push([ov / longer, i, j]);
  }));
  cand.sort((a, b) => b[0] - a[0]);
  const gU = new Set<number>();
  const sU = new Set<number>();
  for (const [, i, j] of cand) {
    if (gU.has(i) || sU.has(j)) continue;
    gU.add(i);
    sU.add(j);
  }
  G.forEach((g, i) => {
    if (gU.has(i)) return;
    const near = S.filter((q, j) => !sU.has(j) && overlap(frags(g.content), frags(q.content)) > 0);
    const src = g.source ? ` SRC{${gold.text.slice(g.source.start, g.source.end)}}` : '';
    const sysSpans = near.map((q) => `\n    SYS{${gold.text.slice(q.content.start, q.content.end).replace(/\s+/g, ' ')}}`).join('');
    add(`${near.length ? 'boundary' : 'fn'}:${cueKey(gold.text, g.cue)}`, ctx(gold.text, g.content.start, g.content.end) + src + sysSpans);
  });
  S.forEach((q, j) => {
    if (sU.has(j)) return;
    const near = G.some((g) => overlap(frags(g.content), frags(q.content)) > 0);
    add(`${near ? 'fpnear' : 'fp'}:${sysCue(gold.text, q)}`, ctx(gold.text, q.content.start, q.content.end) + (q.source ? ` SRC{${q.source.text ?? ''}}` : ''));
  });
}
if (show) {
  for (const ex of (classes.get(show) ?? []).slice(0, max)) process.stdout.write(`- ${ex}\n`);
} else {
  for (const kind of ['fn', 'boundary', 'fp', 'fpnear']) {
    const rows = [...classes].filter(([k]) => k.startsWith(kind + ':')).sort((a, b) => b[1].length - a[1].length);
    const total = rows.reduce((n, [, l]) => n + l.length, 0);
    process.stdout.write(`== ${kind} (${total})\n`);
    for (const [k, l] of rows.slice(0, top)) process.stdout.write(`${String(l.length).padStart(5)}  ${k.slice(kind.length + 1)}\n`);
  }
}
