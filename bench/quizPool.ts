/**
 * How long `/quiz play` takes to build its quote pool over a corpus (`npx tsx bench/quizPool.ts
 * [seed|19k|190k]`, default 19k): the first build per knowledge base (candidates and speakers, then
 * kept with the base), later builds, and a build with a server's corrections function.
 */
import { loadKnowledgeFolder } from '../src/knowledge/folder';
import { buildPool } from '../src/quiz/pool';
import { BENCH_TMP, CORPORA, corpusDir, type CorpusName } from './corpus';
import { join } from 'node:path';

const name = (process.argv[2] ?? '19k') as CorpusName;
if (!CORPORA.includes(name)) throw new Error(`corpus must be one of ${CORPORA.join(', ')}`);
const { kb } = await loadKnowledgeFolder(corpusDir(name), { cacheDir: join(BENCH_TMP, `cache-${name}`) });
const time = (label: string, run: () => ReturnType<typeof buildPool>) => {
  const t = performance.now();
  const pool = run();
  console.log(`${label}: ${Math.round(performance.now() - t)} ms (${pool.quotes.length} quotes, ${pool.speakers.size} speakers)`);
};
console.log(`${name}: ${kb.articles.length} articles, ${kb.paragraphs.length} paragraphs`);
time('first build', () => buildPool([kb]));
for (let i = 0; i < 3; i++) time('again', () => buildPool([kb]));
time('with a corrections function', () => buildPool([kb], () => undefined));
