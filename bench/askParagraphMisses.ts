/**
 * `npx tsx bench/askParagraphMisses.ts [--split tune] [--show N] [--skip N]`
 *
 * Error analysis for `/ask`'s paragraph choice: over the SQuAD dev sample's tune half (never the
 * held-out half unless asked), the questions whose top candidate is a sentence of another
 * paragraph of the right article while a sentence of the question's own paragraph holds a gold
 * answer. Prints the first N cases with the question, both sentences, the question's words each
 * holds, and the features that differ.
 */
import { FEATURES, askCandidates } from '../src/answer/askCandidates';
import { ASK_WEIGHTS } from '../src/answer/askWeights';
import { words } from '../src/text/words';
import { DEFAULT_DATA, holds, slugOf, squadArticles, squadKnowledgeBase } from './squad';
import { flagReader } from './args';

const args = process.argv.slice(2);
const flag = flagReader(args);
const show = Number(flag('--show') ?? 20);
const skip = Number(flag('--skip') ?? 0);
const articles = squadArticles(flag('--data') ?? DEFAULT_DATA, flag('--split') ?? 'tune');
const { kb } = await squadKnowledgeBase(articles);

let n = 0;
let unreachable = 0;
const cases: string[] = [];
for (const a of articles) {
  for (const [pi, p] of a.paragraphs.entries()) {
    for (const qa of p.qas) {
      const gold = qa.answers.map((x) => x.text);
      const { question, expected, candidates } = askCandidates(kb, qa.question, ASK_WEIGHTS, undefined, true);
      const own = (c: (typeof candidates)[number]) => c.rec.article.id === slugOf(a.title) && c.rec.paragraph.number === pi + 1;
      const top = candidates[0];
      if (!top || own(top) || top.rec.article.id !== slugOf(a.title) || holds(top.sentence.text, gold)) continue;
      const right = candidates.find((c) => own(c) && holds(c.sentence.text, gold));
      n++;
      if (!right) {
        unreachable++;
        continue;
      }
      if (n <= skip || cases.length >= show) continue;
      const has = (text: string) => {
        const norms = new Set(words(text).map((w) => w.norm));
        return question.terms.map((t) => (norms.has(t.norm) ? t.norm : `-${t.norm}`)).join(' ');
      };
      const diffs: string[] = [];
      FEATURES.forEach((k) => {
        const d = right.features[k] - top.features[k];
        if (Math.abs(d) > 1e-9) diffs.push(`${k} ${top.features[k].toFixed(2)}→${right.features[k].toFixed(2)}`);
      });
      cases.push(
        `#${n} ${a.title} ¶${pi + 1} [${expected}] ${qa.question}  [${gold[0]}]  terms: ${question.terms.map((t) => t.norm).join(' ')}\n` +
          `  chosen ¶${top.rec.paragraph.number} (${top.score.toFixed(3)}) {${has(top.sentence.text)}}: ${top.sentence.text.slice(0, 260)}\n` +
          `  right  ¶${pi + 1} (${right.score.toFixed(3)}, rank ${candidates.indexOf(right) + 1}) {${has(right.sentence.text)}}: ${right.sentence.text.slice(0, 260)}\n` +
          `  right − chosen: ${diffs.join(', ')}`,
      );
    }
  }
}
process.stdout.write(`wrong paragraph of the right article: ${n} (no right sentence of the own paragraph among the candidates: ${unreachable})\n\n${cases.join('\n\n')}\n`);
