/**
 * `npx tsx bench/askSentenceClasses.ts [--split tune] [--show N] [--class NAME]`
 *
 * Error analysis for `/ask`'s right-paragraph, wrong-sentence misses, as `npm run eval:ask` counts
 * them (the real command path: the top excerpt is from the question's own paragraph and holds no
 * gold answer), over the tune half unless asked. Each miss goes to the first class that fits:
 *
 * - `cut`: no sentence of the paragraph holds the answer whole, though the paragraph does (the
 *   sentence split cut it);
 * - `before-pointsBack`: the answer is in the sentence right before the chosen one, and the chosen
 *   one points back to it ("He …", "The stadium …"): the question's words are in the continuation,
 *   the answer in the sentence it continues;
 * - `after-pointsBack`: the answer is in the sentence right after, which points back to the chosen one;
 * - `neighbour-type`: the answer is in a neighbouring sentence that holds the answer type while the
 *   chosen one does not;
 * - `neighbour-other`: the answer is in a neighbouring sentence, for no reason above;
 * - `words-no-type`: the chosen sentence holds more of the question's words but not the answer type
 *   the right one holds;
 * - `type-misread`: the gold answer is a date, number or name, and the question was read as asking
 *   for another type (or for none);
 * - `other`.
 *
 * Prints the counts and the first N cases of each class (or of `--class`).
 */
import { commands } from '../commands/index';
import { askCandidates, type Candidate } from '../src/answer/askCandidates';
import { pointsBack } from '../src/answer/askCarry';
import { ASK_WEIGHTS } from '../src/answer/askWeights';
import { sentencesOf } from '../src/core/article';
import { runCommand } from '../src/core/run';
import { DEFAULT_DATA, holds, slugOf, squadArticles, squadKnowledgeBase } from './squad';
import { flagReader } from './args';

const args = process.argv.slice(2);
const flag = flagReader(args);
const show = Number(flag('--show') ?? 5);
const onlyClass = flag('--class');
const articles = squadArticles(flag('--data') ?? DEFAULT_DATA, flag('--split') ?? 'tune');
const { kb } = await squadKnowledgeBase(articles);

const DATE_GOLD = /\b(?:1[0-9]|20)\d\d(?:s)?\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\bcentury\b|\b(?:BC|AD)\b/;
const NUMBER_GOLD = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|quarter|dozen)\b/i;
/** A sentence that refers back other than by its subject: "Most of them", "also", "this", "such". */
const REFERS = /\b(?:of (?:them|these|those|which)|also|this|these|those|such|the same|another|other|both|either|neither|too)\b|^(?:In addition|Additionally|Furthermore|Moreover|Likewise|Similarly)\b/i;

/** A rough type of the gold answer, for comparing with the question's reading. */
function goldType(gold: string): string {
  if (DATE_GOLD.test(gold)) return 'date';
  if (NUMBER_GOLD.test(gold)) return 'number';
  if (/^\p{Lu}/u.test(gold)) return 'name';
  return 'phrase';
}

const counts = new Map<string, number>();
const typeCounts = new Map<string, number>();
const cases = new Map<string, string[]>();
let total = 0;
let misses = 0;
for (const a of articles) {
  const id = slugOf(a.title);
  for (const [pi, p] of a.paragraphs.entries()) {
    for (const qa of p.qas) {
      total++;
      const gold = qa.answers.map((x) => x.text);
      const ans = await runCommand(commands, 'ask', { question: qa.question }, { kb, isAdmin: false });
      const top = ans.excerpts[0];
      if (!top || top.article.id !== id || top.paragraph !== pi + 1 || holds(top.text, gold)) continue;
      misses++;
      const rec = kb.paragraphs.find((r) => r.article.id === id && r.paragraph.number === pi + 1)!;
      const sentences = sentencesOf(rec.paragraph);
      const at = rec.paragraph.text.indexOf(top.text);
      // The chosen sentence: the last one the excerpt covers (a carried excerpt shows the one before too).
      const chosen = Math.max(0, sentences.findLastIndex((s) => at >= 0 && s.start < at + top.text.length && s.end > at));
      const rights = sentences.map((s, k) => (holds(s.text, gold) ? k : -1)).filter((k) => k >= 0);
      const { expected, candidates } = askCandidates(kb, qa.question, ASK_WEIGHTS, undefined, true);
      const cand = (k: number): Candidate | undefined => candidates.find((c) => c.rec.id === rec.id && c.sentence.start === sentences[k]!.start);
      const c = cand(chosen);
      const gt = goldType(gold[0]!);
      let cls: string;
      const near = rights.find((k) => Math.abs(k - chosen) === 1);
      if (rights.length === 0) cls = holds(rec.paragraph.text, gold) ? 'cut' : 'other';
      else if (near === chosen - 1 && pointsBack(sentences[chosen]!.text, sentences[near]!.text)) cls = 'before-pointsBack';
      else if (near === chosen + 1 && pointsBack(sentences[near]!.text, sentences[chosen]!.text)) cls = 'after-pointsBack';
      else {
        const r = rights.map(cand).find((x) => x);
        const typeHere = (x: Candidate | undefined) => (x && expected !== 'none' ? x.features[expected] : 0);
        const refers = (k: number) => REFERS.test(sentences[k]!.text);
        if (near !== undefined && near === chosen + 1 && refers(near)) cls = 'after-refersBack';
        else if (near !== undefined && near === chosen - 1 && refers(chosen)) cls = 'before-refersBack';
        else if (near !== undefined && typeHere(cand(near)) > typeHere(c)) cls = 'neighbour-type';
        else if (near !== undefined && expected !== 'none' && typeHere(cand(near)) > 0) cls = 'neighbour-typeInBoth';
        else if (near !== undefined) cls = 'neighbour-noType';
        else if (r && c && c.lexical > r.lexical && typeHere(r) > typeHere(c)) cls = 'words-no-type';
        else if ((gt === 'date' || gt === 'number') && expected !== gt && !(gt === 'number' && expected === 'date')) cls = 'type-misread';
        else if (gt === 'name' && expected === 'none') cls = 'type-misread';
        else cls = 'other';
      }
      counts.set(cls, (counts.get(cls) ?? 0) + 1);
      typeCounts.set(`${expected}→${gt}`, (typeCounts.get(`${expected}→${gt}`) ?? 0) + 1);
      let list = cases.get(cls);
      if (!list) cases.set(cls, (list = []));
      if (list.length < show && (!onlyClass || onlyClass === cls)) {
        const r = rights[0];
        list.push(
          `${a.title} ¶${pi + 1} [${expected}; gold ${gt}] ${qa.question}  [${gold[0]}]\n` +
            `  chosen #${chosen} (${c?.score.toFixed(3) ?? '?'}): ${sentences[chosen]!.text.slice(0, 240)}\n` +
            (r === undefined ? `  paragraph: ${rec.paragraph.text.slice(0, 400)}` : `  right  #${r} (${cand(r)?.score.toFixed(3) ?? 'not a candidate'}): ${sentences[r]!.text.slice(0, 240)}`),
        );
      }
    }
  }
}
process.stdout.write(`${total} questions; right paragraph, wrong sentence: ${misses}\n`);
process.stdout.write(`by class: ${[...counts].sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
process.stdout.write(`expected → gold type: ${[...typeCounts].sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${v}`).join(', ')}\n\n`);
for (const [k, list] of cases) if (list.length > 0) process.stdout.write(`== ${k}\n${list.join('\n\n')}\n\n`);
