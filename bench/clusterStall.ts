/**
 * `npx tsx bench/clusterStall.ts [--corpus 190k]`: what building the quote clusters costs the
 * answers a running process gives meanwhile. Loads the bench corpus (through its cache, as a
 * reload does), then builds the clusters twice on fresh bases — at once (`buildClusters`, what the
 * first `/who-said` or `/quotes` did after a reload) and a slice at a time (`prepareQuoteClusters`,
 * what a reload does before the swap) — while a 1 ms timer stands in for incoming interactions.
 * Prints the build's wall time and the event loop's longest stall and p99 lag in each case.
 */
import { loadKnowledgeFolder } from '../src/knowledge/folder';
import { buildClusters, prepareQuoteClusters } from '../src/across/clusters';
import { corpusDir, BENCH_TMP, CORPORA, type CorpusName } from './corpus';
import { join } from 'node:path';
import { loadavg } from 'node:os';

const args = process.argv.slice(2);
const at = args.indexOf('--corpus');
const corpus = (at >= 0 ? args[at + 1] : '190k') as CorpusName;
if (!CORPORA.includes(corpus)) throw new Error(`--corpus is one of ${CORPORA.join(', ')}`);

const load = () => loadKnowledgeFolder(corpusDir(corpus), { cacheDir: join(BENCH_TMP, `cache-${corpus}`) });

/** Runs `work` while a 1 ms timer measures how late each tick comes. */
async function underTimer(work: () => Promise<unknown>): Promise<{ ms: number; stall: number; p99: number; ticks: number }> {
  const lags: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  clearInterval(timer);
  lags.push(performance.now() - last); // the gap the work ended in
  lags.sort((a, b) => a - b);
  return { ms, stall: lags.at(-1) ?? ms, p99: lags[Math.floor(lags.length * 0.99)] ?? ms, ticks: lags.length };
}

const atOnce = await load();
const sliced = await load();
const row = (name: string, r: { ms: number; stall: number; p99: number; ticks: number }) =>
  console.log(`${name.padEnd(34)} build ${r.ms.toFixed(0).padStart(6)} ms   longest stall ${r.stall.toFixed(1).padStart(7)} ms   p99 tick gap ${r.p99.toFixed(1).padStart(6)} ms   (${r.ticks} ticks)`);
console.log(`corpus ${corpus}: ${atOnce.kb.paragraphs.length} paragraphs, load average ${loadavg()[0]!.toFixed(1)}`);
row('at once (first /who-said)', await underTimer(async () => buildClusters(atOnce.kb)));
row('in 15 ms slices (reload prepare)', await underTimer(() => prepareQuoteClusters(sliced.kb)));
