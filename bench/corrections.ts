/**
 * What a server's accepted corrections cost while answering (issue #16), on the 19k-paragraph
 * PolNeAR corpus (bench/corpus.ts; the disk cache in BENCH_TMP/cache-19k): building the overlay
 * for N corrections, and /who-said, /quotes and /people with and without it.
 *
 *   npx tsx bench/corrections.ts [--corrections 200] [--queries 300]
 *
 * The corrections are made up: N statements with a named speaker, picked with a fixed seed, each
 * moved to another person of the same article. Latencies are wall-clock per command, so only
 * meaningful on a quiet machine.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { commands } from '../commands/index';
import { statementHash, statementText } from '../src/core/corrections';
import type { CommandContext } from '../src/core/command';
import { runCommand } from '../src/core/run';
import { loadKnowledgeFolder } from '../src/knowledge/folder';
import { buildOverlay } from '../src/library/corrections';
import type { StoredCorrection } from '../src/storage/correctionStore';
import { BENCH_TMP, corpusDir } from './corpus';

const { values } = parseArgs({ options: { corrections: { type: 'string', default: '200' }, queries: { type: 'string', default: '300' } } });
const N = Number(values.corrections);
const Q = Number(values.queries);

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const { kb } = await loadKnowledgeFolder(corpusDir('19k'), { cacheDir: join(BENCH_TMP, 'cache-19k') });
const rows: StoredCorrection[] = [];
const picked: Array<{ text: string; speaker: string }> = [];
for (let tries = 0; rows.length < N && tries < N * 50; tries++) {
  const article = kb.articles[Math.floor(random() * kb.articles.length)]!;
  const analysis = kb.analysis(article.id);
  const st = analysis.statements[Math.floor(random() * analysis.statements.length)];
  const other = analysis.speakers.find((s) => s.id !== st?.speakerId);
  if (!st?.speakerId || !other || st.content.end - st.content.start < 40) continue;
  const text = statementText(article.body, st.content);
  rows.push({
    id: rows.length + 1,
    guildId: 'bench',
    articleId: article.id,
    paragraph: 1,
    contentStart: st.content.start,
    contentEnd: st.content.end,
    textHash: statementHash(article.body, st.content),
    text,
    fromLabel: 'engine',
    toName: other.name,
    toRole: null,
    toAffiliation: null,
    toSpeakerId: other.id,
    toSource: other.name,
    proposedBy: 'bench',
    proposedAt: '2026-12-01T00:00:00.000Z',
    status: 'accepted',
    decidedBy: 'bench',
    decidedAt: '2026-12-01T00:00:00.000Z',
  });
  picked.push({ text: text.split(/\s+/).slice(2, 8).join(' '), speaker: other.name });
}

const builds: number[] = [];
let overrides: ReturnType<typeof buildOverlay>['overrides'];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  overrides = buildOverlay(rows, [kb]).overrides;
  builds.push(performance.now() - t);
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function time(name: string, options: (i: number) => Record<string, string>, withOverlay: boolean): Promise<number[]> {
  const ctx: CommandContext = { kb, isAdmin: false, ...(withOverlay && overrides ? { overrides } : {}) };
  const out: number[] = [];
  for (let i = 0; i < Q; i++) {
    const t = performance.now();
    await runCommand(commands, name, options(i), ctx).catch(() => undefined);
    out.push(performance.now() - t);
  }
  return out;
}

console.log(`19k corpus: ${kb.articles.length} articles, ${kb.paragraphs.length} paragraphs; ${rows.length} accepted corrections`);
console.log(`overlay build: p50 ${pct(builds, 50).toFixed(2)} ms, max ${Math.max(...builds).toFixed(2)} ms`);
const cases: Array<[string, (i: number) => Record<string, string>]> = [
  ['who-said', (i) => ({ phrase: picked[i % picked.length]!.text })],
  ['quotes', (i) => ({ speaker: picked[i % picked.length]!.speaker })],
  ['people', () => ({})],
];
for (const [name, options] of cases) {
  // Warm both paths once, then alternate so load changes hit both alike.
  await time(name, options, false);
  const without = await time(name, options, false);
  const withIt = await time(name, options, true);
  console.log(
    `/${name}: without p50 ${pct(without, 50).toFixed(2)} / p99 ${pct(without, 99).toFixed(2)} ms · with ${rows.length} corrections p50 ${pct(withIt, 50).toFixed(2)} / p99 ${pct(withIt, 99).toFixed(2)} ms`,
  );
}
