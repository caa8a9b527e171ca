/**
 * `npx tsx bench/askRecall.ts [--split tune]`
 *
 * Where `/ask`'s paragraph choice loses, on the SQuAD dev sample's tune half (never the held-out
 * half unless asked):
 *   (a) candidate recall — for what share of the questions the question's own paragraph is among
 *       the paragraphs the index hands on (`ASK_PARAGRAPHS`), among the best `SOFT_PARAGRAPHS`
 *       that get word-vector alignment, and at what index rank; and a right sentence among the
 *       candidates, at what rank of the final order;
 *   (b) for the misses whose top candidate is another paragraph's wrong sentence while a right
 *       sentence of the own paragraph is a candidate: the score gap, and per feature how much of
 *       the gap it makes (weight × (chosen − right)), how often it favours the chosen sentence,
 *       and how often it is the largest part of the gap.
 * The index rank is read off the `rank` feature (the paragraph's stage-1 score over the best).
 *
 * `--cost` instead times `askCandidates` per question with the shipped weights and with the
 * meaning and tense features at 0 (as before they were shipped), interleaved question by question
 * in one process (the same load for both), and prints p50 / p95 / p99 of each.
 */
import { FEATURES, SOFT_PARAGRAPHS, ASK_PARAGRAPHS, askCandidates, type Candidate } from '../src/answer/askCandidates';
import { ASK_WEIGHTS } from '../src/answer/askWeights';
import { DEFAULT_DATA, holds, slugOf, squadArticles, squadKnowledgeBase } from './squad';
import { flagReader } from './args';

const args = process.argv.slice(2);
const flag = flagReader(args);
const articles = squadArticles(flag('--data') ?? DEFAULT_DATA, flag('--split') ?? 'tune');
const { kb } = await squadKnowledgeBase(articles);

if (args.includes('--cost')) {
  const on = ASK_WEIGHTS;
  const off = { ...ASK_WEIGHTS, meaning: 0, meaningParagraph: 0, meaningGap: 0, tense: 0 };
  const times: [number[], number[]] = [[], []];
  const questions = articles.flatMap((a) => a.paragraphs.flatMap((p) => p.qas.map((qa) => qa.question)));
  // Once each first: the vector table and the vocabulary's keys loaded before timing.
  for (const q of questions) askCandidates(kb, q, on);
  for (const [i, q] of questions.entries()) {
    for (const k of i % 2 ? [0, 1] : [1, 0]) {
      const t0 = performance.now();
      askCandidates(kb, q, k === 0 ? on : off);
      times[k]!.push(performance.now() - t0);
    }
  }
  const pct = (xs: number[], f: number) => [...xs].sort((x, y) => x - y)[Math.floor(f * (xs.length - 1))]!.toFixed(2);
  const line = (xs: number[]) => `${pct(xs, 0.5)} / ${pct(xs, 0.95)} / ${pct(xs, 0.99)} ms`;
  process.stdout.write(`askCandidates over ${questions.length} questions, p50 / p95 / p99: shipped weights ${line(times[0])}, meaning and tense at 0 ${line(times[1])}\n`);
  process.exit(0);
}

let n = 0;
const ranks: number[] = [];
let rightCandidate = 0;
const rightRanks: number[] = [];
let misses = 0;
let reachable = 0;
const gaps: number[] = [];
const part = new Array<number>(FEATURES.length).fill(0);
const favours = new Array<number>(FEATURES.length).fill(0);
const against = new Array<number>(FEATURES.length).fill(0);
const largest = new Array<number>(FEATURES.length).fill(0);
let ms = 0;
for (const a of articles) {
  for (const [pi, p] of a.paragraphs.entries()) {
    for (const qa of p.qas) {
      n++;
      const gold = qa.answers.map((x) => x.text);
      const t0 = performance.now();
      const { candidates } = askCandidates(kb, qa.question, ASK_WEIGHTS);
      ms += performance.now() - t0;
      const own = (c: Candidate) => c.rec.article.id === slugOf(a.title) && c.rec.paragraph.number === pi + 1;
      // The index's order of the candidate paragraphs, by their stage-1 score.
      const paras = [...new Map(candidates.map((c) => [c.rec.id, c])).values()].sort((x, y) => y.features.rank - x.features.rank || x.rec.id - y.rec.id);
      const at = paras.findIndex(own);
      ranks.push(at);
      const ri = candidates.findIndex((c) => holds(c.sentence.text, gold));
      if (ri >= 0) {
        rightCandidate++;
        rightRanks.push(ri);
      }
      const top = candidates[0];
      if (!top || own(top) || holds(top.sentence.text, gold)) continue;
      misses++;
      const right = candidates.find((c) => own(c) && holds(c.sentence.text, gold));
      if (!right) continue;
      reachable++;
      gaps.push(top.score - right.score);
      let big = -1;
      let bigV = 0;
      FEATURES.forEach((k, i) => {
        const d = ASK_WEIGHTS[k] * (top.features[k] - right.features[k]);
        part[i]! += d;
        if (d > 1e-9) favours[i]!++;
        if (d < -1e-9) against[i]!++;
        if (d > bigV) [big, bigV] = [i, d];
      });
      if (big >= 0) largest[big]!++;
    }
  }
}
const share = (x: number, of = n) => (x / Math.max(of, 1)).toFixed(3);
const within = (k: number) => ranks.filter((r) => r >= 0 && r < k).length;
process.stdout.write(`askRecall — ${articles.length} articles, ${n} questions; ${ASK_PARAGRAPHS} candidate paragraphs, soft alignment for the best ${SOFT_PARAGRAPHS}; askCandidates ${(ms / n).toFixed(2)} ms a question (mean)\n`);
process.stdout.write(`(a) own paragraph among the candidates ${share(within(ASK_PARAGRAPHS))}; index rank 1 ${share(within(1))}, top 3 ${share(within(3))}, top 5 ${share(within(5))}, top 10 ${share(within(10))}, top 20 ${share(within(20))}\n`);
const rankHist = [0, 1, 2, 3, 4, 5, 10, 20].map((lo, i, xs) => `${lo + 1}${xs[i + 1] ? `–${xs[i + 1]}` : '+'}: ${ranks.filter((r) => r >= lo && r < (xs[i + 1] ?? Infinity)).length}`);
process.stdout.write(`    own paragraph's index rank: ${rankHist.join(', ')}, absent ${ranks.filter((r) => r < 0).length}\n`);
process.stdout.write(`    a right sentence among the candidates ${share(rightCandidate)}; its best final rank 1 ${share(rightRanks.filter((r) => r === 0).length)}, ≤3 ${share(rightRanks.filter((r) => r < 3).length)}, ≤10 ${share(rightRanks.filter((r) => r < 10).length)}\n`);
gaps.sort((x, y) => x - y);
const q = (f: number) => gaps[Math.floor(f * (gaps.length - 1))]?.toFixed(3);
process.stdout.write(`(b) top candidate a wrong sentence of another paragraph: ${misses}; with a right sentence of the own paragraph among the candidates ${reachable}; score gap p25 / p50 / p75 ${q(0.25)} / ${q(0.5)} / ${q(0.75)}, under 0.05 ${gaps.filter((g) => g < 0.05).length}, under 0.1 ${gaps.filter((g) => g < 0.1).length}\n`);
const rows = FEATURES.map((k, i) => ({ k, mean: part[i]! / Math.max(reachable, 1), favours: favours[i]!, against: against[i]!, largest: largest[i]! }))
  .filter((r) => r.favours + r.against > 0)
  .sort((x, y) => y.mean - x.mean);
process.stdout.write('    feature: mean part of the gap (weight × (chosen − right)), misses where it favours the chosen / the right sentence, misses where it is the largest part\n');
for (const r of rows) process.stdout.write(`    ${r.k}: ${r.mean.toFixed(3)}, ${r.favours} / ${r.against}, largest ${r.largest}\n`);
