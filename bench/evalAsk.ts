/**
 * `npm run eval:ask [-- --data FILE] [--articles A,B] [--split tune|holdout|all] [--misses N] [--json OUT] [--questions OUT]`
 *
 * Measures `/ask` on questions nobody in this project wrote: the SQuAD v1.1 development sample in
 * `../shared/data/squad-dev-sample/` (read at run time, never copied into the repo). Each article
 * is written as one Markdown knowledge file (its paragraphs in order) to a temporary folder, the
 * folder is loaded like `knowledge/`, and every question goes through the real command path
 * (`runCommand` → `/ask`). Reported, per article and overall:
 *   - answer-in-top-1: a gold answer (SQuAD-normalised: lower case, no punctuation or articles)
 *     is inside the top excerpt's text;
 *   - answer-in-top-1 by the top sentence alone: the same, inside the candidate sentence `/ask`
 *     ranked first (askCandidates' best), before the excerpt is widened to a whole quote or to a
 *     neighbouring sentence — so a wider excerpt is never mistaken for better ranking; and the
 *     mean length of the top excerpt in characters (a wider excerpt is a cost to the reader);
 *   - answer-in-top-3: inside one of the first three excerpts;
 *   - paragraph-top-1: the top excerpt comes from the question's own paragraph;
 *   - the misses by class: the top excerpt from another article, from another paragraph of the
 *     question's article, or from its own paragraph without the answer;
 *   - notice: how often the "may not answer this directly" notice is given, and how often the top
 *     excerpt is wrong when it is (and when it is not); and, below the table, how well the
 *     confidence behind it (askConfidence.ts, worked out again outside the timed call) ranks right
 *     answers above wrong ones (AUC) and how close its chances are (Brier), against the top score
 *     alone (the notice before 2026-12-03: score below `WEAK_MATCH`); and, per kind of answer a
 *     question plainly asks for (who, when, how many, where: askMissingType.ts), how often the
 *     shown passages hold none of it, and how often the top excerpt is right then (every SQuAD
 *     question is answerable, so each of those, for a kind told, hides a right answer behind the
 *     "None of these passages …" notice);
 * and, in the same run on the same files, a plain BM25 over sentences (the knowledge base's own
 * sentence splitter, lower-cased words, stop words dropped, k1 1.2, b 0.75) as the baseline.
 *
 * `--questions OUT` writes one JSON line per question (id, text, top1, top3, paragraph), so two
 * runs can be compared question by question (bench/askCompare.ts).
 *
 * `--split tune` keeps to the first six articles (listed in TUNE in bench/squad.ts), `--split holdout` to the other six:
 * tune on one half, check on the other.
 */
import { writeFileSync } from 'node:fs';
import { commands } from '../commands/index';
import type { Answer } from '../src/core/answer';
import { sentencesOf } from '../src/core/article';
import { runCommand } from '../src/core/run';
import { askConfidence, askNotice, shownPassages } from '../src/answer/ask';
import { askCandidates } from '../src/answer/askCandidates';
import { ALL_KINDS, askedKind, missingKind, TOLD, type MissingKind } from '../src/answer/askMissingType';
import { ASK_WEIGHTS, WEAK_MATCH } from '../src/answer/askWeights';
import { auc, brier, chance, fitLogistic, noticeSummary } from './noticeFit';
import type { KnowledgeBase } from '../src/knowledge/knowledgeBase';
import { isStopWord, words } from '../src/text/words';
import { DEFAULT_DATA, holds, slugOf, squadArticles, squadKnowledgeBase } from './squad';
import { flagReader } from './args';

export { TUNE } from './squad';

const args = process.argv.slice(2);
const flag = flagReader(args);
const dataFile = flag('--data') ?? DEFAULT_DATA;
const split = flag('--split') ?? 'all';
const only = flag('--articles')?.split(',');
const showMisses = Number(flag('--misses') ?? 0);
/** Per question, whether it was right (JSON lines): to count what a change fixes and breaks. */
const perQuestion: string[] = [];

const articles = squadArticles(dataFile, split, only);
const { kb, loadMs } = await squadKnowledgeBase(articles);

// The baseline: BM25 over every sentence of the knowledge base.
interface Doc {
  articleId: string;
  paragraph: number;
  text: string;
  tf: Map<string, number>;
  len: number;
}
const docs: Doc[] = [];
for (const rec of kb.paragraphs) {
  for (const s of sentencesOf(rec.paragraph)) {
    const terms = words(s.text).map((w) => w.norm).filter((t) => !isStopWord(t));
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    docs.push({ articleId: rec.article.id, paragraph: rec.paragraph.number, text: s.text, tf, len: terms.length });
  }
}
const df = new Map<string, number>();
for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
const avgLen = docs.reduce((s, d) => s + d.len, 0) / Math.max(docs.length, 1);
function bm25(question: string): Doc[] {
  const q = [...new Set(words(question).map((w) => w.norm).filter((t) => !isStopWord(t)))];
  const scored = docs.map((d) => {
    let s = 0;
    for (const t of q) {
      const f = d.tf.get(t);
      if (!f) continue;
      const n = df.get(t)!;
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      s += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.len) / avgLen));
    }
    return { d, s };
  });
  return scored.sort((a, b) => b.s - a.s).slice(0, 3).map((x) => x.d);
}

async function askOne(kb: KnowledgeBase, question: string): Promise<Answer> {
  return runCommand(commands, 'ask', { question }, { kb, isAdmin: false });
}

interface Tally {
  n: number;
  top1: number;
  /** The answer inside the top candidate sentence alone (before any widening). */
  sentence1: number;
  /** Characters of the top excerpts, summed, and how many there were. */
  topChars: number;
  tops: number;
  top3: number;
  para1: number;
  bm1: number;
  bm3: number;
  bmPara1: number;
  notice: number;
  noticeWrong: number;
  plainWrong: number;
  cut: number;
  /** Misses (gold answer not in the top excerpt) by where the top excerpt came from. */
  missArticle: number;
  missParagraph: number;
  missSentence: number;
}
const tally = (): Tally => ({ n: 0, top1: 0, sentence1: 0, topChars: 0, tops: 0, top3: 0, para1: 0, bm1: 0, bm3: 0, bmPara1: 0, notice: 0, noticeWrong: 0, plainWrong: 0, cut: 0, missArticle: 0, missParagraph: 0, missSentence: 0 });
const perArticle = new Map<string, Tally>();
const all = tally();
const misses: string[] = [];
const latencies: number[] = [];
/** Top excerpt score → right or not, for calibrating the notice. */
const calibration: Array<{ score: number; right: boolean; confidence: number; notice: boolean; article: string }> = [];
/** Per kind plainly asked for: questions, right top excerpts, missing-kind notices, and those on a right top excerpt. */
const kinds = new Map<MissingKind, { n: number; right: number; fired: number; firedRight: number }>();
for (const a of articles) {
  const id = slugOf(a.title);
  const t = tally();
  perArticle.set(a.title, t);
  for (let pi = 0; pi < a.paragraphs.length; pi++) {
    for (const qa of a.paragraphs[pi]!.qas) {
      const gold = qa.answers.map((x) => x.text);
      const s = performance.now();
      const ans = await askOne(kb, qa.question);
      latencies.push(performance.now() - s);
      const top = ans.excerpts[0];
      const r1 = !!top && holds(top.text, gold);
      // The sentence `/ask` ranked first, as askAnswer reads it (outside the timing above).
      const found = askCandidates(kb, kb.index.parseQuery(qa.question), ASK_WEIGHTS);
      const ranked = found.candidates[0];
      const s1 = !!top && !!ranked && ranked.lexical > 0 && holds(ranked.sentence.text, gold);
      const r3 = ans.excerpts.slice(0, 3).some((e) => holds(e.text, gold));
      const p1 = !!top && top.article.id === id && top.paragraph === pi + 1;
      if (top) calibration.push({ score: top.score, right: r1, confidence: askConfidence(found, qa.question), notice: askNotice(found, qa.question), article: a.title });
      const b = bm25(qa.question);
      const notice = !!ans.notice;
      const kind = askedKind(qa.question);
      if (kind) {
        const k = kinds.get(kind) ?? { n: 0, right: 0, fired: 0, firedRight: 0 };
        kinds.set(kind, k);
        k.n++;
        if (r1) k.right++;
        // Told or not (`TOLD`), whether the rule finds the shown passages lacking the kind.
        const fired = missingKind(qa.question, shownPassages(kb, ans.excerpts), ALL_KINDS) === kind;
        if (fired) k.fired++;
        if (fired && r1) k.firedRight++;
      }
      for (const x of [t, all]) {
        x.n++;
        if (r1) x.top1++;
        if (s1) x.sentence1++;
        if (top) {
          x.tops++;
          x.topChars += top.text.length;
        }
        if (r3) x.top3++;
        if (p1) x.para1++;
        if (b[0] && holds(b[0].text, gold)) x.bm1++;
        if (b.some((d) => holds(d.text, gold))) x.bm3++;
        if (b[0] && b[0].articleId === id && b[0].paragraph === pi + 1) x.bmPara1++;
        if (notice) x.notice++;
        if (notice && !r1) x.noticeWrong++;
        if (!notice && !r1) x.plainWrong++;
        // An excerpt that starts mid-sentence: a lower-case first letter.
        if (top && /^[a-z]/.test(top.text)) x.cut++;
        // A miss from another article, another paragraph of the right one, or the right paragraph.
        if (!r1 && (!top || top.article.id !== id)) x.missArticle++;
        else if (!r1 && !p1) x.missParagraph++;
        else if (!r1) x.missSentence++;
      }
      perQuestion.push(JSON.stringify({ id: qa.id, question: qa.question, top1: r1, sentence1: s1, top3: r3, paragraph: p1 }));
      if (!r1 && misses.length < showMisses) {
        misses.push(`${a.title} ¶${pi + 1}: ${qa.question}  [${gold[0]}]\n    → ${top ? `${top.article.id} ¶${top.paragraph}: ${top.text.slice(0, 200)}` : '(nothing)'}`);
      }
    }
  }
}

const pct = (x: number, n: number) => (n ? (x / n).toFixed(3) : '–');
const row = (name: string, x: Tally) =>
  `| ${name} | ${x.n} | ${pct(x.top1, x.n)} | ${pct(x.top3, x.n)} | ${pct(x.para1, x.n)} | ${pct(x.bm1, x.n)} | ${pct(x.bm3, x.n)} | ${pct(x.bmPara1, x.n)} | ${pct(x.notice, x.n)} | ${pct(x.noticeWrong, x.notice)} | ${pct(x.plainWrong, x.n - x.notice)} |`;
const lines = [
  `eval:ask — ${articles.length} articles, ${kb.paragraphs.length} paragraphs, ${all.n} questions (split: ${split}); knowledge base loaded in ${(loadMs / 1000).toFixed(1)} s`,
  '',
  '| article | questions | /ask answer top-1 | /ask top-3 | /ask paragraph top-1 | BM25 sentences top-1 | BM25 top-3 | BM25 paragraph top-1 | notice given | wrong when notice | wrong without notice |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...[...perArticle].map(([name, x]) => row(name, x)),
  row('**all**', all),
  '',
];
latencies.sort((x, y) => x - y);
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(2);
lines.push(
  `misses (${all.n - all.top1}): wrong article ${all.missArticle}, right article but wrong paragraph ${all.missParagraph}, right paragraph but the answer not in the top excerpt ${all.missSentence}`,
);
lines.push(
  `answer-in-top-1: top excerpt ${pct(all.top1, all.n)}, top sentence alone (before widening) ${pct(all.sentence1, all.n)}; mean top excerpt ${all.tops ? (all.topChars / all.tops).toFixed(0) : '–'} characters`,
);
lines.push(`/ask latency over these questions (ms, p50 / p95 / p99): ${q(0.5)} / ${q(0.95)} / ${q(0.99)}; top excerpts starting mid-sentence: ${all.cut}`);
/** How often the top excerpt is right in each tenth of the questions, ordered by `by`. */
const byTenths = (by: (c: (typeof calibration)[number]) => number): string => {
  const sorted = [...calibration].sort((x, y) => by(x) - by(y));
  const size = Math.ceil(sorted.length / 10);
  const bands: string[] = [];
  for (let i = 0; i < sorted.length; i += size) {
    const band = sorted.slice(i, i + size);
    bands.push(`${by(band[0]!).toFixed(2)}–${by(band[band.length - 1]!).toFixed(2)}: ${pct(band.filter((c) => c.right).length, band.length)}`);
  }
  return bands.join('; ');
};
// How often the top excerpt is right, by its score: where a notice belongs.
lines.push(`answer-in-top-1 by top score (tenths of the questions): ${byTenths((c) => c.score)}`);
// The confidence against the top score alone: the score's chance from a logistic fit on these very
// answers (in-sample, so flattering to the score), the confidence's as shipped.
const rights = calibration.map((c) => c.right);
const confidences = calibration.map((c) => c.confidence);
const wScore = fitLogistic(calibration.map((c) => ({ article: c.article, x: [c.score], right: c.right })));
const scoreChances = calibration.map((c) => chance(wScore, [c.score]));
lines.push(
  `confidence (askConfidence.ts) vs top score alone: AUC ${auc(confidences, rights).toFixed(3)} vs ${auc(scoreChances, rights).toFixed(3)}, Brier ${brier(confidences, rights).toFixed(4)} vs ${brier(scoreChances, rights).toFixed(4)} (score fitted in-sample)`,
  `notice as shipped: ${noticeSummary(calibration.map((c) => c.notice), rights)}; the old one (top score below ${WEAK_MATCH}): ${noticeSummary(calibration.map((c) => c.score < WEAK_MATCH), rights)}`,
);
lines.push(`answer-in-top-1 by confidence (tenths of the questions): ${byTenths((c) => c.confidence)}`);
lines.push(
  `missing-kind rule ("None of these passages …"; passages found lacking / of them with a right top excerpt, of the questions plainly asking; told only for ${[...TOLD].join(', ')}): ${[...kinds]
    .map(([kind, k]) => `${kind} ${k.fired} / ${k.firedRight} of ${k.n} (${k.right} right)`)
    .join('; ')}`,
);
process.stdout.write(lines.join('\n') + '\n');
if (misses.length) process.stdout.write(`\nMisses (first ${misses.length}):\n${misses.join('\n')}\n`);
const out = flag('--json');
if (out) writeFileSync(out, JSON.stringify({ split, all, perArticle: Object.fromEntries(perArticle) }, null, 2));
const questionsOut = flag('--questions');
if (questionsOut) writeFileSync(questionsOut, perQuestion.join('\n') + '\n');
