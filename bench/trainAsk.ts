/**
 * `npm run train:ask [-- --data FILE] [--rounds N] [--fix k=v,…] [--loao] [--dump FILE] [--dry]`
 *
 * Fits `/ask`'s sentence-score weights (src/answer/askWeights.ts) on the **tune** half of the SQuAD
 * dev sample only (bench/squad.ts `TUNE`; the other half is never read here, so `npm run eval:ask
 * -- --split holdout` stays an honest check). Every tune question goes through `askCandidates`
 * with all features worked out; a candidate is right when its sentence holds a gold answer. The
 * weights are then chosen by coordinate ascent on answer-in-top-1 (plus a third of top-3), the
 * lexical weight held at 0.55 so scores keep their scale. Then the notice threshold: a logistic fit
 * of "top excerpt right" on the top score, cut where the chance falls below one half.
 *
 * Also printed: how often the question's own paragraph is among the candidates and is the index's
 * best, and, for the misses that pick another paragraph, which features the right sentence loses
 * on (bench/askMisses.ts). `--loao` first refits once per tune article with that article left out
 * and ranks it: what a refit gains on articles it has not seen, without reading the held-out half.
 * `--dump FILE` writes the candidate rows as JSON for trying other learners.
 *
 * Writes src/answer/askWeights.ts unless `--dry`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURES, askCandidates, type Feature } from '../src/answer/askCandidates';
import { ASK_WEIGHTS } from '../src/answer/askWeights';
import { evaluate, fit, type Row } from './askFit';
import { misleading } from './askMisses';
import { fitLogistic } from './noticeFit';
import { DEFAULT_DATA, holds, slugOf, squadArticles, squadKnowledgeBase } from './squad';
import { flagReader } from './args';

const args = process.argv.slice(2);
const flag = flagReader(args);
const rounds = Number(flag('--rounds') ?? 4);
/** `--fix rank=0,neighbours=0.05`: weights held where they are given. */
const fixed = new Map((flag('--fix') ?? '').split(',').filter(Boolean).map((kv) => [kv.split('=')[0]!, Number(kv.split('=')[1])] as const));
const articles = squadArticles(flag('--data') ?? DEFAULT_DATA, 'tune');
const { kb } = await squadKnowledgeBase(articles);

const dump = flag('--dump');
const rows: Row[] = [];
let ownParagraph = 0;
let indexTop = 0;
for (const a of articles) {
  for (const [pi, p] of a.paragraphs.entries()) {
    for (const qa of p.qas) {
      const gold = qa.answers.map((x) => x.text);
      const { candidates } = askCandidates(kb, qa.question, ASK_WEIGHTS, undefined, true);
      const own = (c: (typeof candidates)[number]) => c.rec.article.id === slugOf(a.title) && c.rec.paragraph.number === pi + 1;
      if (candidates.some(own)) ownParagraph++;
      if (candidates.some((c) => c.features.rank === 1 && own(c))) indexTop++;
      // Only the best 60 by the current weights: the rest never reach the top.
      const top = candidates.slice(0, 60);
      rows.push({ article: a.title, f: top.map((c) => Float64Array.from(FEATURES, (k) => c.features[k])), right: top.map((c) => holds(c.sentence.text, gold)), para: top.map(own) });
    }
  }
}
const share = (n: number) => (n / rows.length).toFixed(3);
const reachable = rows.filter((r) => r.right.some(Boolean)).length;
process.stdout.write(`train:ask — ${articles.length} tune articles, ${rows.length} questions; a right sentence among the candidates for ${share(reachable)}, the question's own paragraph for ${share(ownParagraph)}; the index's best paragraph is the question's own for ${share(indexTop)}\n`);
if (dump) {
  // For trying other learners outside this script: per question, its candidates' features and labels.
  writeFileSync(dump, JSON.stringify({ features: FEATURES, rows: rows.map((r) => ({ article: r.article, f: r.f.map((x) => [...x]), right: r.right, para: r.para })) }));
  process.stdout.write(`wrote ${dump}\n`);
}
process.stdout.write(`${misleading(rows, Float64Array.from(FEATURES, (k) => ASK_WEIGHTS[k]))}\n`);

const w0 = Float64Array.from(FEATURES, (k) => fixed.get(k) ?? ASK_WEIGHTS[k]);
if (args.includes('--loao')) {
  // Leave one tune article out: fit on the other five, rank the one left out. An honest estimate
  // of what a refit gains on articles it has not seen, without reading the held-out half.
  const before = { top1: 0, top3: 0 };
  const after = { top1: 0, top3: 0 };
  for (const a of articles) {
    const test = rows.filter((r) => r.article === a.title);
    const wa = fit(rows.filter((r) => r.article !== a.title), w0, fixed, rounds);
    const [b, e] = [evaluate(test, w0), evaluate(test, wa)];
    before.top1 += b.top1 * test.length;
    before.top3 += b.top3 * test.length;
    after.top1 += e.top1 * test.length;
    after.top3 += e.top3 * test.length;
    process.stdout.write(`left out ${a.title} (${test.length}): ${b.top1.toFixed(3)} / ${b.top3.toFixed(3)} → ${e.top1.toFixed(3)} / ${e.top3.toFixed(3)}\n`);
  }
  process.stdout.write(`leave-one-article-out, top-1 / top-3: current weights ${share(before.top1)} / ${share(before.top3)}, refitted ${share(after.top1)} / ${share(after.top3)}\n`);
}
const start = evaluate(rows, w0);
const w = fit(rows, w0, fixed, rounds, (line) => process.stdout.write(`${line}\n`));
const end = evaluate(rows, w);
process.stdout.write(`tune half, top-1 / top-3 (sentence holds an answer): before ${start.top1.toFixed(3)} / ${start.top3.toFixed(3)}, after ${end.top1.toFixed(3)} / ${end.top3.toFixed(3)}\n`);

// The notice: P(right | top score) by logistic regression, threshold where it is one half.
const xs = end.tops;
const [a0, b0] = fitLogistic(xs.map((x) => ({ article: '', x: [x.score], right: x.right })), 0) as [number, number];
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

/**
 * Below this score a runner-up excerpt is marked \`related\` (closest passage, not a match). The
 * notice itself reads a fitted confidence (askConfidence.ts, bench/trainNotice.ts), and this score
 * only when no other paragraph matches to fit a confidence by (\`askNotice\` in ask.ts).
 */
export const WEAK_MATCH = ${weak};
`,
  );
  process.stdout.write(`wrote ${file}\n`);
}
