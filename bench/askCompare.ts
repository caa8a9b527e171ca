/**
 * `npx tsx bench/askCompare.ts BEFORE.jsonl AFTER.jsonl [--show N]`
 *
 * Compares two `npm run eval:ask -- --questions FILE` runs question by question: how many
 * questions a change fixed and broke (answer top-1, top-3, right paragraph), with the first N of
 * each listed. Reads only the two files.
 */
import { readFileSync } from 'node:fs';

interface Row {
  id: string;
  question: string;
  top1: boolean;
  top3: boolean;
  paragraph: boolean;
}

const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args[showAt + 1]) : 0;
const files = args.filter((a, i) => !a.startsWith('--') && (showAt < 0 || i !== showAt + 1));
if (files.length !== 2) {
  process.stderr.write('usage: npx tsx bench/askCompare.ts BEFORE.jsonl AFTER.jsonl [--show N]\n');
  process.exit(2);
}
const read = (f: string) => new Map(readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row).map((r) => [r.id, r]));
const [before, after] = files.map(read) as [Map<string, Row>, Map<string, Row>];
for (const key of ['top1', 'top3', 'paragraph'] as const) {
  const fixed: Row[] = [];
  const broke: Row[] = [];
  for (const [id, b] of before) {
    const a = after.get(id);
    if (!a || a[key] === b[key]) continue;
    (a[key] ? fixed : broke).push(a);
  }
  process.stdout.write(`${key}: fixed ${fixed.length}, broke ${broke.length} (of ${before.size})\n`);
  for (const r of fixed.slice(0, show)) process.stdout.write(`  + ${r.question}\n`);
  for (const r of broke.slice(0, show)) process.stdout.write(`  - ${r.question}\n`);
}
