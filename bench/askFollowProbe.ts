/**
 * `npx tsx bench/askFollowProbe.ts [--split tune] [--show N]`
 *
 * How often `/ask` widens its top excerpt to a neighbouring sentence (askFollow.ts), and whether it
 * was worth it: the answer only in the added sentence (a gain the ranking did not make), already in
 * the top sentence (harmless, but longer), or in neither (a longer excerpt for nothing). Over the
 * tune half unless asked; prints the counts, by direction, and the first N cases of each.
 */
import { askCandidates } from '../src/answer/askCandidates';
import { followQuestion, followRange, followVerdict, withAntecedent } from '../src/answer/askFollow';
import { ASK_WEIGHTS } from '../src/answer/askWeights';
import { sentencesOf } from '../src/core/article';
import { DEFAULT_DATA, holds, squadArticles, squadKnowledgeBase } from './squad';
import { flagReader } from './args';

const args = process.argv.slice(2);
const flag = flagReader(args);
const show = Number(flag('--show') ?? 5);
const articles = squadArticles(flag('--data') ?? DEFAULT_DATA, flag('--split') ?? 'tune');
const { kb } = await squadKnowledgeBase(articles);

const counts = new Map<string, number>();
const cases = new Map<string, string[]>();
let n = 0;
for (const a of articles) {
  for (const p of a.paragraphs) {
    for (const qa of p.qas) {
      n++;
      const query = kb.index.parseQuery(qa.question);
      const found = askCandidates(kb, query, ASK_WEIGHTS);
      const top = found.candidates[0];
      if (found.empty || !top || top.lexical === 0) continue;
      const f = followQuestion(found, query.text);
      // The range as `/ask` has it before widening to the answer (the sentence, with the one it continues).
      const own = withAntecedent(kb, top, { start: top.sentence.start, end: top.sentence.end });
      const wide = followRange(kb, f, top, own, found.candidates);
      const gold = qa.answers.map((x) => x.text);
      if (wide.start === own.start && wide.end === own.end) {
        // Not widened, though a neighbour holds the answer and the top sentence does not.
        const sentences = sentencesOf(top.rec.paragraph);
        const k = sentences.findIndex((x) => x.start === top.sentence.start);
        const near = [sentences[k - 1], sentences[k + 1]].find((x) => x && holds(x.text, gold));
        if (near && !holds(top.sentence.text, gold)) {
          const key = `not widened, answer in the ${near.start < own.start ? 'sentence before' : 'sentence after'}: ${followVerdict(kb, f, top, own, near, found.candidates)} (${found.expected}${f?.form ? `, ${f.form}` : ''})`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
          const list = cases.get(key) ?? [];
          cases.set(key, list);
          if (list.length < show) list.push(`  ${qa.question} [${gold[0]}]\n    top: ${top.sentence.text}\n    neighbour: ${near.text}`);
        }
        continue;
      }
      const side = wide.start < own.start ? 'before' : 'after';
      const other = sentencesOf(top.rec.paragraph).find((s) => (side === 'before' ? s.end <= own.start && s.start >= wide.start : s.start >= own.end && s.end <= wide.end))!;
      const inTop = holds(top.sentence.text, gold);
      const inOther = holds(other.text, gold);
      const verdict = inTop ? 'answer already in the top sentence' : inOther ? 'answer only in the added sentence (gain)' : 'answer in neither';
      const key = `${side}: ${verdict}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const list = cases.get(key) ?? [];
      cases.set(key, list);
      if (list.length < show) list.push(`  ${qa.question} [${gold[0]}] (${found.expected})\n    top: ${top.sentence.text}\n    ${side}: ${other.text}`);
    }
  }
}
const widened = [...counts].filter(([k]) => !k.startsWith('not ')).reduce((x, [, y]) => x + y, 0);
process.stdout.write(`${n} questions; top excerpt widened for ${widened} (${((100 * widened) / n).toFixed(1)} %)\n`);
for (const [key, c] of [...counts].sort()) {
  process.stdout.write(`\n${key}: ${c}\n${(cases.get(key) ?? []).join('\n')}\n`);
}
