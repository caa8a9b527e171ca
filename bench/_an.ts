import { readFileSync } from 'node:fs';
import { askedKind, missingKind } from '/work/wt-ask-unanswered/src/answer/askMissingType';
const rows = readFileSync('/tmp/unans/dump.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const show = process.argv[2] ?? '';
const split = process.argv[3] ?? 'tune';
const t: Record<string, { n: number; right: number; fire: number; fireRight: number }> = {};
for (const r of rows) {
  if (split !== 'all' && r.tune !== (split === 'tune')) continue;
  const k = askedKind(r.q);
  if (!k) continue;
  const x = (t[k] ??= { n: 0, right: 0, fire: 0, fireRight: 0 });
  x.n++; if (r.right) x.right++;
  const m = missingKind(r.q, r.ex);
  if (m) { x.fire++; if (r.right) x.fireRight++; }
  if (m && (show === k || show === 'all') ) console.log(`${r.right ? 'RIGHT' : 'wrong'} [${k}] ${r.q} | gold: ${r.gold[0]}\n   → ${r.ex.map((e: any) => e.text.slice(0, 160)).join('\n   → ')}`);
}
for (const [k, x] of Object.entries(t)) console.log(k, `asked ${x.n}, right ${x.right}, fires ${x.fire}, on right ${x.fireRight} (${(100 * x.fireRight / x.right).toFixed(2)} % of right), on wrong ${x.fire - x.fireRight}`);
