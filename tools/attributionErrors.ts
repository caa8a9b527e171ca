/**
 * Error analysis for the attribution engine against a PolNeAR-format gold file: prints missed and
 * spurious direct quotes and wrong sources, with context, plus bucket counts. Matching follows
 * the PolNeAR scorer (overlap >= 50% of the longer span, greedy one-to-one).
 *
 * Usage: npx tsx tools/attributionErrors.ts gold.jsonl system.jsonl [fn|fp|src|boundary|all] [--max N] [--all-kinds]
 * (system.jsonl as written by `npm run attribute`). Without a mode only the bucket counts print.
 */
import { frags, matchContents, overlap, readJsonl, readSystem, type Frags, type GoldAttr, type GoldDoc, type SysQuote } from './polnearMatch';

const words = (s: string | undefined): string[] =>
  (String(s ?? '').match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*/gu) ?? []).map((w) => w.toLowerCase().replace(/['\u2019]s$/, '').replace(/[.'\u2019-]+$/, ''));
const nameToken = (t: string | undefined): string => {
  let s = String(t ?? '').replace(/\([^)]*\)/g, ' ');
  const first = s.split(/,|\s[\u2014\u2013-]\s/)[0] ?? '';
  if (first.trim()) s = first;
  const w = words(s).filter(Boolean);
  return w[w.length - 1] ?? '';
};

const [goldPath, sysPath, mode = '', ...rest] = process.argv.slice(2);
if (!goldPath || !sysPath) {
  process.stderr.write('usage: attributionErrors <gold.jsonl> <system.jsonl> [fn|fp|src|boundary|all] [--max N] [--all-kinds]\n');
  process.exit(2);
}
const maxIdx = rest.indexOf('--max');
const max = maxIdx >= 0 ? Number(rest[maxIdx + 1]) : 200;
const allKinds = rest.includes('--all-kinds');
const gold = readJsonl<GoldDoc>(goldPath);
const sys = readSystem(sysPath);

const one = (s: string): string => s.replace(/\s+/g, ' ');
const ctx = (text: string, s: number, e: number, pad = 120): string =>
  one(`${text.slice(Math.max(0, s - pad), s)}[[${text.slice(s, e)}]]${text.slice(e, e + pad)}`);

const buckets = new Map<string, number>();
const bump = (k: string): void => void buckets.set(k, (buckets.get(k) ?? 0) + 1);
let printed = 0;
const show = (kind: string, line: string): void => {
  if ((mode === kind || mode === 'all') && printed < max) {
    printed++;
    process.stdout.write(`${line}\n\n`);
  }
};

for (const g of gold) {
  const G = allKinds ? g.attributions : g.attributions.filter((a) => a.direct);
  const S = (sys.get(g.id) ?? []).filter((q) => allKinds || q.direct !== false);
  const gF = G.map((a) => frags(a.content));
  const sF = S.map((q) => frags(q.content));
  const gm = matchContents(gF, sF);
  const sm = new Set(gm.values());
  G.forEach((a, i) => {
    if (gm.has(i)) return;
    const touching = S.findIndex((_, j) => overlap(gF[i] as Frags, sF[j] as Frags) > 0);
    const b = touching >= 0 ? (sm.has(touching) ? 'fn:overlaps-matched-sys' : 'fn:overlaps-unmatched-sys') : 'fn:no-overlap';
    bump(b);
    bump(`fn-type:${a.quote_type}`);
    const t = S[touching];
    show(
      touching >= 0 ? 'boundary' : 'fn',
      `FN ${b} ${g.id} [${a.quote_type}] src=${a.source ? `${a.source.text}(${a.source.kind})` : 'null'} cue=${a.cue?.text ?? '-'}\n  gold: ${ctx(g.text, a.content.start, a.content.end)}` +
        (t ? `\n  sys:  ${ctx(g.text, t.content.start, t.content.end, 40)} src=${t.source?.text ?? 'null'}` : ''),
    );
  });
  S.forEach((q, j) => {
    if (sm.has(j)) return;
    const touching = G.findIndex((_, i) => overlap(gF[i] as Frags, sF[j] as Frags) > 0);
    const b = touching < 0 ? 'fp:no-overlap' : gm.has(touching) ? 'fp:overlaps-matched-gold' : 'fp:overlaps-unmatched-gold';
    bump(b);
    bump(`fp-src:${q.source ? 'has' : 'none'}`);
    const tg = G[touching];
    if (tg && gm.has(touching))
      show('split', `FP-SPLIT ${g.id} src=${q.source?.text ?? 'null'}\n  sys:  ${ctx(g.text, q.content.start, q.content.end, 60)}\n  gold: ${ctx(g.text, tg.content.start, tg.content.end, 20)}`);
    if (touching < 0) show('fp', `FP ${g.id} src=${q.source?.text ?? 'null'} speaker=${q.speaker ?? '-'}\n  sys: ${ctx(g.text, q.content.start, q.content.end)}`);
  });
  for (const [i, j] of gm) {
    const a = G[i] as GoldAttr;
    const q = S[j] as SysQuote;
    if (!a.source) continue;
    const spanOk = !!q.source && overlap(frags(a.source), [[q.source.start, q.source.end]]) > 0;
    const tok = nameToken(a.source.text);
    const nameOk = new Set([...words(q.speaker), ...words(q.source?.text)]).has(tok);
    if (spanOk && nameOk) continue;
    const b = `src:${a.source.kind}:${q.source ? (spanOk ? 'span-ok-name-wrong' : 'other-span') : 'sys-none'}`;
    bump(b);
    if (!spanOk)
      show(
        'src',
        `SRC ${b} ${g.id} gold=${a.source.text} sys=${q.source?.text ?? 'null'} speaker=${q.speaker ?? '-'}\n  ${ctx(g.text, Math.min(a.content.start, a.source.start), Math.max(a.content.end, a.source.end), 60)}`,
      );
  }
}
for (const [k, n] of [...buckets].sort((a, b) => a[0].localeCompare(b[0]))) process.stdout.write(`${k.padEnd(40)} ${n}\n`);
