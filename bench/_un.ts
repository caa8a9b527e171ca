import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../commands/index';
import { runCommand } from '../src/core/run';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase';
import { askedKind, missingKind } from '../src/answer/askMissingType';
import { readFileSync } from 'node:fs';
const dir = mkdtempSync(join(tmpdir(), 'qb-un-'));
cpSync('knowledge', dir, { recursive: true });
cpSync('test/fixtures/ask-news', dir, { recursive: true });
const kb = await loadKnowledgeBase(dir);
const qs = readFileSync(process.argv[2]!, 'utf8').trim().split('\n').filter((l) => l && !l.startsWith('#'));
let fired = 0;
for (const q of qs) {
  const a = await runCommand(commands, 'ask', { question: q }, { kb, isAdmin: false });
  const m = missingKind(q, a.excerpts.map((e) => ({ text: e.text, speaker: e.speaker?.name })));
  if (m) fired++;
  console.log(`${m ? 'FIRE ' : 'quiet'} [${askedKind(q)}] ${q}  (notice: ${a.notice ?? '-'})`);
  if (process.argv[3]) for (const e of a.excerpts) console.log(`     ${e.article.id} ¶${e.paragraph} ${e.match} ${e.score.toFixed(2)}: ${e.text.slice(0, 200)}`);
}
console.log(`${fired} / ${qs.length} fired`);
