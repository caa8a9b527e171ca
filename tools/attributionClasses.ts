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
import { frags, matchContents, overlap, readJsonl, readSystem, type GoldDoc, type Span, type SysQuote } from './polnearMatch';

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

const sys = readSystem(sysPath);

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
  const pairs = matchContents(G.map((g) => frags(g.content)), S.map((q) => frags(q.content)));
  const gU = new Set(pairs.keys());
  const sU = new Set(pairs.values());
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
