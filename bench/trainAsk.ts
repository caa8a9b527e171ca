/**
 * `npm run train:ask [-- --data FILE] [--rounds N] [--dry]`
 *
 * Fits `/ask`'s sentence-score weights (src/answer/askWeights.ts) on the **tune** half of the SQuAD
 * dev sample only (bench/squad.ts `TUNE`; the other half is never read here, so `npm run eval:ask
 * -- --split holdout` stays an honest check). Every tune question goes through `askCandidates`
 * with all features worked out; a candidate is right when its sentence holds a gold answer. The
 * weights are then chosen by coordinate ascent on answer-in-top-1 (plus a third of top-3), the
 * lexical weight held at 0.55 so scores keep their scale. Then the notice threshold: a logistic fit
 * of "top excerpt right" on the top score, cut where the chance falls below one half.
 *
 * Writes src/answer/askWeights.ts unless `--dry`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURES, askCandidates, type Feature } from '../src/answer/askCandidates';
import { ASK_WEIGHTS } from '../src/answer/askWeights';
import { DEFAULT_DATA, holds, squadArticles, squadKnowledgeBase } from './squad';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(flag('--rounds') ?? 4);
/** `--fix rank=0,neighbours=0.05`: weights held where they are given. */
const fixed = new Map((flag('--fix') ?? '').split(',').filter(Boolean).map((kv) => [kv.split('=')[0]!, Number(kv.split('=')[1])] as const));
const articles = squadArticles(flag('--data') ?? DEFAULT_DATA, 'tune');
const { kb } = await squadKnowledgeBase(articles);

/** Per question: its candidates' features and labels (only the best 60 by the current weights: the rest never reach the top). */
interface Row {
  f: Float64Array[];
  right: boolean[];
}
const rows: Row[] = [];
for (const a of articles) {
  for (const p of a.paragraphs) {
    for (const qa of p.qas) {
      const gold = qa.answers.map((x) => x.text);
      const { candidates } = askCandidates(kb, qa.question, ASK_WEIGHTS, undefined, true);
      const top = candidates.slice(0, 60);
      rows.push({ f: top.map((c) => Float64Array.from(FEATURES, (k) => c.features[k])), right: top.map((c) => holds(c.sentence.text, gold)) });
    }
  }
}
const reachable = rows.filter((r) => r.right.some(Boolean)).length;
process.stdout.write(`train:ask — ${articles.length} tune articles, ${rows.length} questions; a right sentence among the candidates for ${(reachable / rows.length).toFixed(3)}\n`);

function evaluate(w: Float64Array): { top1: number; top3: number; tops: Array<{ score: number; right: boolean }> } {
  let top1 = 0;
  let top3 = 0;
  const tops: Array<{ score: number; right: boolean }> = [];
  for (const r of rows) {
    if (r.f.length === 0) continue;
    const s = r.f.map((f) => f.reduce((a, x, i) => a + x * w[i]!, 0));
    const order = s.map((_, i) => i).sort((x, y) => s[y]! - s[x]! || x - y);
    if (r.right[order[0]!]) top1++;
    if (order.slice(0, 3).some((i) => r.right[i])) top3++;
    tops.push({ score: s[order[0]!]!, right: r.right[order[0]!]! });
  }
  return { top1: top1 / rows.length, top3: top3 / rows.length, tops };
}
const objective = (w: Float64Array) => {
  const e = evaluate(w);
  return e.top1 + e.top3 / 3;
};

const w = Float64Array.from(FEATURES, (k) => fixed.get(k) ?? ASK_WEIGHTS[k]);
const start = evaluate(w);
let best = objective(w);
/** Values tried per weight (negated for `length`, which can only count against). */
const GRID = [0, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];
for (let round = 0; round < rounds; round++) {
  let changed = false;
  FEATURES.forEach((k, i) => {
    if (k === 'lexical' || fixed.has(k)) return;
    const keep = w[i]!;
    let bestV = keep;
    for (const v of k === 'length' ? GRID.map((x) => -x) : GRID) {
      w[i] = v;
      const o = objective(w);
      if (o > best + 1e-9) {
        best = o;
        bestV = v;
      }
    }
    w[i] = bestV;
    if (bestV !== keep) changed = true;
  });
  process.stdout.write(`round ${round + 1}: ${FEATURES.map((k, i) => `${k} ${w[i]}`).join(', ')} → objective ${best.toFixed(4)}\n`);
  if (!changed) break;
}
const end = evaluate(w);
process.stdout.write(`tune half, top-1 / top-3 (sentence holds an answer): before ${start.top1.toFixed(3)} / ${start.top3.toFixed(3)}, after ${end.top1.toFixed(3)} / ${end.top3.toFixed(3)}\n`);

// The notice: P(right | top score) by logistic regression, threshold where it is one half.
let a0 = 0;
let b0 = 0;
const xs = end.tops;
for (let it = 0; it < 3000; it++) {
  let ga = 0;
  let gb = 0;
  for (const { score, right } of xs) {
    const p = 1 / (1 + Math.exp(-(a0 + b0 * score)));
    ga += p - (right ? 1 : 0);
    gb += (p - (right ? 1 : 0)) * score;
  }
  a0 -= (0.5 * ga) / xs.length;
  b0 -= (5 * gb) / xs.length;
}
const weak = Math.round((-a0 / b0) * 1000) / 1000;
const below = xs.filter((x) => x.score < weak);
const above = xs.filter((x) => x.score >= weak);
const wrong = (ys: typeof xs) => (ys.length ? ys.filter((y) => !y.right).length / ys.length : 0).toFixed(3);
process.stdout.write(`notice below ${weak}: given on ${(below.length / xs.length).toFixed(3)} of the tune questions, top excerpt wrong in ${wrong(below)} of those and ${wrong(above)} of the others\n`);

const weights = Object.fromEntries(FEATURES.map((k, i) => [k, w[i]])) as Record<Feature, number>;
if (!args.includes('--dry')) {
  const file = join(import.meta.dirname, '..', 'src', 'answer', 'askWeights.ts');
  writeFileSync(
    file,
    `/**
 * \`/ask\`'s sentence-score weights and notice threshold. Written by \`npm run train:ask\`
 * (bench/trainAsk.ts) from the tune half of the SQuAD dev sample; do not edit by hand.
 * Tune half when written: answer-in-top-1 ${end.top1.toFixed(3)}, top-3 ${end.top3.toFixed(3)} (by sentence).
 */
import type { Weights } from './askCandidates';

export const ASK_WEIGHTS: Weights = ${JSON.stringify(weights).replace(/"/g, '').replace(/,/g, ', ').replace(/:/g, ': ').replace(/^\{/, '{ ').replace(/\}$/, ' }')};

/** Below this top score the best sentence is more often wrong than right: a notice says so. */
export const WEAK_MATCH = ${weak};
`,
  );
  process.stdout.write(`wrote ${file}\n`);
}
