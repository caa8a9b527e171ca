/**
 * `npx tsx bench/trainNotice.ts [-- --data FILE] [--ridge R] [--below P] [--dry]`
 *
 * Fits the confidence behind `/ask`'s "may not answer this directly" notice (src/answer/askConfidence.ts)
 * on the **tune** half of the SQuAD dev sample only. Every tune question goes through `/ask` as it
 * runs (`askCandidates` with the shipped weights, then `askAnswer` for the top excerpt's text); the
 * top answer is right when its excerpt holds a gold answer (as `npm run eval:ask` counts). A
 * logistic regression of right on the confidence inputs is fitted (bench/noticeFit.ts), and compared,
 * by AUC, Brier score and the notice it gives below `--below` (0.5: "more likely wrong than right"),
 * with the same fit on the top score alone (the old notice). Leave-one-tune-article-out figures say
 * what the fit does on articles it has not seen, without reading the held-out half.
 *
 * Writes src/answer/askNoticeWeights.ts unless `--dry`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { askAnswer } from '../src/answer/ask';
import { askCandidates } from '../src/answer/askCandidates';
import { NOTICE_FEATURES, confidenceInputs } from '../src/answer/askConfidence';
import { ASK_WEIGHTS } from '../src/answer/askWeights';
import { auc, brier, chance, fitLogistic, noticeSummary, type NoticeRow } from './noticeFit';
import { DEFAULT_DATA, holds, squadArticles, squadKnowledgeBase } from './squad';
import { flagReader } from './args';

const args = process.argv.slice(2);
const flag = flagReader(args);
const ridge = Number(flag('--ridge') ?? 1);
const below = Number(flag('--below') ?? 0.5);
const articles = squadArticles(flag('--data') ?? DEFAULT_DATA, 'tune');
const { kb } = await squadKnowledgeBase(articles);

const rows: NoticeRow[] = [];
for (const a of articles) {
  for (const p of a.paragraphs) {
    for (const qa of p.qas) {
      const found = askCandidates(kb, kb.index.parseQuery(qa.question), ASK_WEIGHTS);
      const inputs = confidenceInputs(found, qa.question);
      const top = askAnswer(kb, qa.question).excerpts[0];
      if (!inputs || !top) continue;
      rows.push({ article: a.title, x: NOTICE_FEATURES.map((k) => inputs[k]), right: holds(top.text, qa.answers.map((x) => x.text)) });
    }
  }
}
const right = rows.map((r) => r.right);
const scoreOnly = rows.map((r) => ({ ...r, x: [r.x[0]!] }));
process.stdout.write(`train:notice — ${articles.length} tune articles, ${rows.length} answered questions, top excerpt right for ${(right.filter(Boolean).length / rows.length).toFixed(3)}\n`);

/** Fitted on `train`, the chances of `test`'s rows. */
const predict = (train: readonly NoticeRow[], test: readonly NoticeRow[]) => {
  const w = fitLogistic(train, ridge);
  return test.map((r) => chance(w, r.x));
};
const report = (name: string, p: number[]) =>
  process.stdout.write(`${name}: AUC ${auc(p, right).toFixed(3)}, Brier ${brier(p, right).toFixed(4)}; below ${below}: ${noticeSummary(p.map((x) => x < below), right)}\n`);

const w = fitLogistic(rows, ridge);
report('top score alone (in-sample)', predict(scoreOnly, scoreOnly));
report('confidence (in-sample)', rows.map((r) => chance(w, r.x)));
// Leave one tune article out: each article's chances from a fit on the other five.
const loao = (rs: readonly NoticeRow[]) => {
  const p = new Array<number>(rs.length);
  for (const a of articles) {
    const test = rs.map((r, i) => [r, i] as const).filter(([r]) => r.article === a.title);
    const got = predict(rs.filter((r) => r.article !== a.title), test.map(([r]) => r));
    test.forEach(([, i], k) => (p[i] = got[k]!));
  }
  return p;
};
report('top score alone (leave one article out)', loao(scoreOnly));
report('confidence (leave one article out)', loao(rows));
process.stdout.write(`weights: bias ${w[0]!.toFixed(3)}, ${NOTICE_FEATURES.map((k, i) => `${k} ${w[i + 1]!.toFixed(3)}`).join(', ')}\n`);

if (!args.includes('--dry')) {
  const file = join(import.meta.dirname, '..', 'src', 'answer', 'askNoticeWeights.ts');
  const round = (x: number) => Math.round(x * 1000) / 1000;
  writeFileSync(
    file,
    `/**
 * The weights of \`/ask\`'s confidence (askConfidence.ts) and the chance below which the notice is
 * given. Written by \`npx tsx bench/trainNotice.ts\` from the tune half of the SQuAD dev sample (a
 * logistic fit of "top excerpt right"); do not edit by hand.
 */
import type { NoticeFeature } from './askConfidence';

export const NOTICE_WEIGHTS: { bias: number } & Readonly<Record<NoticeFeature, number>> = { bias: ${round(w[0]!)}, ${NOTICE_FEATURES.map((k, i) => `${k}: ${round(w[i + 1]!)}`).join(', ')} };

/** Below this chance of being right, the best sentence is said to maybe not answer. */
export const NOTICE_BELOW = ${below};
`,
  );
  process.stdout.write(`wrote ${file}\n`);
}
