/**
 * `npx tsx bench/noticeFloor.ts [tune|holdout|all]`
 *
 * For top-score floors 0.4–0.7: how many SQuAD questions' best sentence scores below it, how many
 * of those are right, and how many of those `/ask` gives no notice to (what a floor at that score
 * would add). Chose `SCORE_FLOOR` in ask.ts (it must add no notice to a right answer here).
 */
import { askCandidates } from '../src/answer/askCandidates';
import { askNotice } from '../src/answer/ask';
import { ASK_WEIGHTS } from '../src/answer/askWeights';
import { DEFAULT_DATA, holds, squadArticles, squadKnowledgeBase } from './squad';
const articles = squadArticles(DEFAULT_DATA, process.argv[2] ?? 'tune');
const { kb } = await squadKnowledgeBase(articles);
const buckets = [0.4, 0.5, 0.6, 0.7];
const c = buckets.map(() => ({ below: 0, right: 0, newNotice: 0, newRight: 0 }));
for (const a of articles) for (const p of a.paragraphs) for (const qa of p.qas) {
  const found = askCandidates(kb, kb.index.parseQuery(qa.question), ASK_WEIGHTS);
  const top = found.candidates[0]; if (!top) continue;
  const right = holds(top.sentence.text, qa.answers.map((x: {text:string}) => x.text));
  const n = askNotice(found, qa.question);
  buckets.forEach((b, i) => { if (top.score < b) { c[i]!.below++; if (right) c[i]!.right++; if (!n) { c[i]!.newNotice++; if (right) c[i]!.newRight++; } } });
}
console.table(buckets.map((b, i) => ({ floor: b, ...c[i] })));
