/**
 * `npx tsx bench/askSentenceMisses.ts [--split tune] [--show N] [--type date|number|…]`
 *
 * Error analysis for `/ask`'s sentence choice inside the right paragraph: over the SQuAD dev
 * sample's tune half (never the held-out half unless asked), the questions whose top candidate
 * is a sentence of the question's own paragraph that holds no gold answer while another sentence
 * of that paragraph does. Prints, per expected answer type, how many such misses there are, how
 * often each feature is lower / higher for the right sentence than for the chosen one, and the
 * first N cases with the question, both sentences and the features that differ.
 */
import { FEATURES, askCandidates } from '../src/answer/askCandidates';
import { ASK_WEIGHTS } from '../src/answer/askWeights';
import { DEFAULT_DATA, holds, slugOf, squadArticles, squadKnowledgeBase } from './squad';
import { flagReader } from './args';

const args = process.argv.slice(2);
const flag = flagReader(args);
const show = Number(flag('--show') ?? 20);
const onlyType = flag('--type');
const articles = squadArticles(flag('--data') ?? DEFAULT_DATA, flag('--split') ?? 'tune');
const { kb } = await squadKnowledgeBase(articles);

const byType = new Map<string, number>();
const lower = new Array<number>(FEATURES.length).fill(0);
const higher = new Array<number>(FEATURES.length).fill(0);
let n = 0;
let total = 0;
const cases: string[] = [];
for (const a of articles) {
  for (const [pi, p] of a.paragraphs.entries()) {
    for (const qa of p.qas) {
      total++;
      const gold = qa.answers.map((x) => x.text);
      const { expected, candidates } = askCandidates(kb, qa.question, ASK_WEIGHTS, undefined, true);
      const own = (c: (typeof candidates)[number]) => c.rec.article.id === slugOf(a.title) && c.rec.paragraph.number === pi + 1;
      const top = candidates[0];
      if (!top || !own(top) || holds(top.sentence.text, gold)) continue;
      const right = candidates.find((c) => own(c) && holds(c.sentence.text, gold));
      if (!right) continue;
      byType.set(expected, (byType.get(expected) ?? 0) + 1);
      if (onlyType && expected !== onlyType) continue;
      n++;
      const diffs: string[] = [];
      FEATURES.forEach((k, i) => {
        const d = right.features[k] - top.features[k];
        if (d < -1e-9) lower[i]!++;
        else if (d > 1e-9) higher[i]!++;
        if (Math.abs(d) > 1e-9) diffs.push(`${k} ${top.features[k].toFixed(2)}→${right.features[k].toFixed(2)}`);
      });
      if (cases.length < show) {
        cases.push(
          `${a.title} ¶${pi + 1} [${expected}] ${qa.question}  [${gold[0]}]\n` +
            `  chosen (${top.score.toFixed(3)}): ${top.sentence.text.slice(0, 220)}\n` +
            `  right  (${right.score.toFixed(3)}, rank ${candidates.indexOf(right) + 1}): ${right.sentence.text.slice(0, 220)}\n` +
            `  right − chosen: ${diffs.join(', ')}`,
        );
      }
    }
  }
}
const share = (x: number) => (x / Math.max(n, 1)).toFixed(2);
process.stdout.write(`${total} questions; right paragraph, wrong sentence (a right sentence of the paragraph among the candidates): ${[...byType.values()].reduce((s, x) => s + x, 0)}\n`);
process.stdout.write(`by expected answer type: ${[...byType].sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
process.stdout.write(`right sentence lower / higher than the chosen one${onlyType ? ` (${onlyType})` : ''}: ${FEATURES.map((k, i) => `${k} ${share(lower[i]!)}/${share(higher[i]!)}`).join(', ')}\n\n`);
process.stdout.write(`${cases.join('\n\n')}\n`);
