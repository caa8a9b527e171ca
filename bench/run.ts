/**
 * `npm run bench [-- --corpus seed,19k,190k,1m] [--queries 300] [--seed 42] [--minisearch-1m] [--no-minisearch] [--base REF [--rounds N]]`
 *
 * For each corpus, in separate processes (heap figures stay per corpus):
 *   1. build from an empty cache and run the seeded queries (bench/worker.ts build);
 *   2. cold start from the cache just written (bench/worker.ts cold).
 * Prints a table, writes bench/results/<time>.json (git-ignored) and bench/RESULTS.md.
 * Raw MiniSearch is skipped at 1M unless --minisearch-1m (it needs many GB and minutes), and
 * everywhere with --no-minisearch (its 190k queries alone take minutes; it runs after the commands).
 *
 * `--base REF` runs the code of another commit (`main`, `HEAD~3`, a hash) on the same corpora in
 * the same run, its own bench worker on its own sources (an export of REF in
 * `$BENCH_TMP/base-<hash>`, sharing this checkout's node_modules and corpus folders), right after
 * ours for each corpus, and prints the ratios ours / base. `--rounds N` repeats each corpus's pair
 * N times, alternating which side goes first (a slow minute on this shared machine then falls on
 * both sides, and the spread between rounds shows the noise).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cacheCodeVersion } from '../src/knowledge/diskStore';
import { baseCheckout, compareTable, type Side } from './baseCommit';
import { CORPORA, REPLICAS, corpusDir, type CorpusName } from './corpus';
import { flagReader } from './args';

const args = process.argv.slice(2);
const flag = flagReader(args);
const corpora = (flag('--corpus') ?? 'seed,19k,190k,1m').split(',').map((s) => s.trim().toLowerCase()) as CorpusName[];
for (const c of corpora) if (!CORPORA.includes(c)) throw new Error(`unknown corpus ${c} (choose from ${CORPORA.join(', ')})`);
const queries = flag('--queries') ?? '300';
const seed = flag('--seed') ?? '42';
const outDir = 'bench/results';
mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');

const HEAP_MB: Record<CorpusName, number> = { seed: 2048, '19k': 4096, '190k': 8192, '1m': 16384 };

// One code version for the whole run: the working tree is shared, and an edit to the analysis
// code between a build and its cold start would otherwise make the cold start a full rebuild.
const codeVersion = `bench-${cacheCodeVersion()}`;

// `--base REF`: the other commit's sources, checked out once (bench/baseCommit.ts).
const baseRef = flag('--base');
const rounds = Math.max(1, Number(flag('--rounds') ?? 1));
const base = baseRef ? baseCheckout(baseRef) : undefined;

function node(script: string[], corpus: CorpusName, side?: Side): void {
  // Workers run with the flags `npm start` uses (--single-threaded-gc: see README, "Speed and
  // scale"); BENCH_NODE_FLAGS replaces them for experiments (BENCH_NODE_FLAGS=' ' for V8's defaults).
  const extra = (process.env.BENCH_NODE_FLAGS ?? '--single-threaded-gc').split(/\s+/).filter(Boolean);
  const r = spawnSync(process.execPath, ['--expose-gc', `--max-old-space-size=${HEAP_MB[corpus]}`, ...extra, '--import', 'tsx', ...script], {
    stdio: ['ignore', 'inherit', 'inherit'],
    ...(side ? { cwd: side.dir } : {}),
    env: { ...process.env, QUOTEBOOK_CACHE_CODE_VERSION: side?.codeVersion ?? codeVersion, ...side?.env },
  });
  if (r.status !== 0) throw new Error(`${script.join(' ')} failed (${r.status ?? r.signal})`);
}

interface Pct {
  p50: number;
  p95: number;
  p99: number;
}
type Build = {
  corpus: CorpusName;
  articles: number;
  paragraphs: number;
  build: { ms: number; stats: { ms: Record<string, number> } };
  latency: Record<string, Pct | null>;
  cpu?: Record<string, Pct | null>;
  quality: Record<string, { all: { top1: number; mrr10: number }; exact: { top1: number }; typo: { top1: number } }>;
  baselines: Record<string, { buildMs: number; heapBytes: number; latency: Pct; quality: { all: { top1: number; mrr10: number } } }>;
  queries: Record<string, number>;
};
type Cold = {
  ms: number;
  heapUsed: number;
  heapPerParagraph: number;
  rss: number;
  firstQueryMs: number;
  partiesRebuildMs?: number;
  textBytes?: number;
  indexBytes?: number;
  stats: { ms: Record<string, number>; articlesParsed: number; analysesRun: number; indexFromCache: boolean };
};
const coldHit = (c: Cold) => c.stats.articlesParsed === 0 && c.stats.analysesRun === 0 && c.stats.indexFromCache;

// `--report a.json[,b.json]`: only print the table again from saved results (merged in order).
const report = flag('--report');
type Result = { corpus: CorpusName; build: Build; cold: Cold; load: number[]; round?: number; base?: { ref: string; commit: string; build: Build; cold: Cold } };
const results: Result[] = report ? report.split(',').flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as Result[]) : [];
// `--collect`: the latest build and cold results of each chosen corpus from bench/results (runs
// of different corpora made separately, e.g. the long 1M run).
if (args.includes('--collect')) {
  const files = readdirSync(outDir).sort();
  for (const corpus of corpora) {
    const b = files.filter((f) => f.endsWith(`-${corpus}-build.json`)).pop();
    const c = files.filter((f) => f.endsWith(`-${corpus}-cold.json`)).pop();
    if (!b || !c) throw new Error(`no saved results for ${corpus}`);
    const build = JSON.parse(readFileSync(join(outDir, b), 'utf8')) as Build;
    results.push({ corpus, build, cold: JSON.parse(readFileSync(join(outDir, c), 'utf8')) as Cold, load: [] });
  }
}
if (report || args.includes('--collect')) corpora.splice(0, corpora.length, ...new Set(results.map((r) => r.corpus)));
for (const corpus of report || args.includes('--collect') ? [] : corpora) {
  for (let round = 1; round <= (base ? rounds : 1); round++) {
    const load = loadavg();
    process.stderr.write(`\n== ${corpus}${base ? ` round ${round}` : ''} (load ${load.map((l) => l.toFixed(2)).join(' ')}) ==\n`);
    const extra = (corpus === '1m' && !args.includes('--minisearch-1m')) || args.includes('--no-minisearch') ? ['--no-minisearch'] : [];
    const measure = (side?: Side) => {
      const tag = `${stamp}-${corpus}${base ? `-r${round}${side ? '-base' : ''}` : ''}`;
      const b = resolve(outDir, `${tag}-build.json`);
      const c = resolve(outDir, `${tag}-cold.json`);
      // The base reads the same corpus folder (its BENCH_TMP links to ours).
      if (side) side.linkCorpus(corpus, corpusDir(corpus));
      node(['bench/worker.ts', 'build', corpus, b, '--queries', queries, '--seed', seed, ...extra], corpus, side);
      node(['bench/worker.ts', 'cold', corpus, c], corpus, side);
      return { build: JSON.parse(readFileSync(b, 'utf8')) as Build, cold: JSON.parse(readFileSync(c, 'utf8')) as Cold };
    };
    // Alternate which side goes first, round by round.
    const baseFirst = base !== undefined && round % 2 === 0;
    const theirs = baseFirst ? measure(base) : undefined;
    const ours = measure();
    const after = base && !baseFirst ? measure(base) : theirs;
    results.push({ corpus, ...ours, load, ...(base ? { round, base: { ref: base.ref, commit: base.commit, ...after! } } : {}) });
  }
}

// A column per corpus, per round with --rounds.
const col = (r: Result) => (r.round !== undefined && results.some((x) => x.corpus === r.corpus && x.round !== r.round) ? `${r.corpus} r${r.round}` : r.corpus);
const f = (n: number | null | undefined, d = 2) => (n === undefined || n === null || Number.isNaN(n) || n < 0 ? '–' : n.toFixed(d));
const ms = (p: Pct | null | undefined) => (p ? `${f(p.p50)} / ${f(p.p95)} / ${f(p.p99)}` : '–');
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

const lines: string[] = [];
lines.push(`Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`);
lines.push(`Command: \`npm run bench -- --corpus ${corpora.join(',')} --queries ${queries} --seed ${seed}\`. Load average (1/5/15 min) at the start of each corpus: ${results.map((r) => `${col(r)} ${r.load.map((l) => l.toFixed(1)).join('/')}`).join('; ')}.`);
lines.push('');
lines.push('| corpus | articles | paragraphs | build (s) | cold start (s) | heap after load | heap / paragraph (of which text, index) | RSS |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  const label = REPLICAS[r.corpus] > 1 ? `${r.corpus} (PolNeAR ×${REPLICAS[r.corpus]}, replicated)` : r.corpus === '19k' ? '19k (PolNeAR)' : r.corpus;
  lines.push(
    `| ${label} | ${r.build.articles} | ${r.build.paragraphs} | ${f(r.build.build.ms / 1000, 1)} | ${f(r.cold.ms / 1000, 2)}${coldHit(r.cold) ? '' : ' (cache missed: code changed during the run?)'} | ${mb(r.cold.heapUsed)} | ${f(r.cold.heapPerParagraph / 1024, 2)} KB (${f((r.cold.textBytes ?? NaN) / r.build.paragraphs / 1024, 2)}, ${f((r.cold.indexBytes ?? NaN) / r.build.paragraphs / 1024, 2)}) | ${mb(r.cold.rss)} |`,
  );
}
lines.push('');
lines.push('Latency in ms, p50 / p95 / p99, through `runCommand` (autocomplete: `kb.suggest`). Wall time, then the');
lines.push('same queries in CPU time of the bench process (user + system), which a busy shared machine does not inflate:');
lines.push('');
const keys = [...new Set(results.flatMap((r) => Object.keys(r.build.latency)))];
lines.push(`| command | ${results.map((r) => `${col(r)} wall`).join(' | ')} | ${results.map((r) => `${col(r)} CPU`).join(' | ')} |`);
lines.push(`| --- | ${results.map(() => '---:').join(' | ')} | ${results.map(() => '---:').join(' | ')} |`);
for (const k of keys) lines.push(`| ${k} | ${results.map((r) => ms(r.build.latency[k])).join(' | ')} | ${results.map((r) => ms(r.build.cpu?.[k])).join(' | ')} |`);
lines.push('');
lines.push('Phrase lookups (3–8 words from a paragraph, every third with a typo): top-1 / MRR@10 (gold = source paragraph; replicas count as the same paragraph), and the same queries on the two reference indexes:');
lines.push('');
lines.push(`| | ${results.map((r) => col(r)).join(' | ')} |`);
lines.push(`| --- | ${results.map(() => '---').join(' | ')} |`);
for (const cmd of ['who-said', 'search']) {
  lines.push(`| /${cmd} top-1 / MRR@10 (exact · typo top-1) | ${results.map((r) => { const q = r.build.quality[cmd]; return q ? `${f(q.all.top1)} / ${f(q.all.mrr10)} (${f(q.exact.top1)} · ${f(q.typo.top1)})` : '–'; }).join(' | ')} |`);
}
const bnames = [...new Set(results.flatMap((r) => Object.keys(r.build.baselines)))];
for (const b of bnames) {
  lines.push(`| ${b}: top-1 / MRR@10 | ${results.map((r) => { const x = r.build.baselines[b]; return x ? `${f(x.quality.all.top1)} / ${f(x.quality.all.mrr10)}` : 'not run'; }).join(' | ')} |`);
  lines.push(`| ${b}: ms p50 / p95 / p99 | ${results.map((r) => ms(r.build.baselines[b]?.latency)).join(' | ')} |`);
  lines.push(`| ${b}: build s, heap | ${results.map((r) => { const x = r.build.baselines[b]; return x ? `${f(x.buildMs / 1000, 1)} s, ${mb(x.heapBytes)}` : '–'; }).join(' | ')} |`);
}
const ratio = (r: (typeof results)[number], b: string, cmd: string) => {
  const base = r.build.baselines[b]?.latency;
  const ours = r.build.latency[cmd];
  // Below 1 the ratio reads better inverted: "1/30×" is thirty times faster than the reference.
  const x = (v: number) => (v >= 0.95 ? `${f(v, 1)}×` : `1/${f(1 / v, 1 / v < 10 ? 1 : 0)}×`);
  return base && ours ? `${x(ours.p50 / base.p50)} / ${x(ours.p99 / base.p99)}` : '–';
};
for (const b of bnames) {
  lines.push(`| /who-said vs ${b} (p50 / p99 ratio) | ${results.map((r) => ratio(r, b, 'who-said (phrase)')).join(' | ')} |`);
  lines.push(`| index candidates vs ${b} (p50 / p99 ratio) | ${results.map((r) => ratio(r, b, 'index candidates (phrase)')).join(' | ')} |`);
}
lines.push('');
lines.push(
  'Across articles (issue #17): quote clusters built in (ms, best of 3; share of the build from scratch / of the load from the cache), timeline index: ' +
    results
      .map((r) => {
        const a = (r.build as Build & { across?: { clustersMs: number; clusters: number; timelineIndexMs: number; loadMs: number; buildMs: number } }).across;
        return a ? `${r.corpus} ${f(a.clustersMs, 0)} ms for ${a.clusters} clusters (${f((100 * a.clustersMs) / a.buildMs, 1)} % / ${f((100 * a.clustersMs) / a.loadMs, 1)} %), timeline index ${f(a.timelineIndexMs, 0)} ms` : `${r.corpus} –`;
      })
      .join('; ') + '.',
);
lines.push('Of the cold start, the party analysis in the KnowledgeBase constructor (not cached yet) takes about (ms, timed separately): ' + results.map((r) => `${r.corpus} ${f(r.cold.partiesRebuildMs, 0)}`).join('; ') + '.');
lines.push('');
lines.push('Build and cold-start breakdown (ms): ' + results.map((r) => `${r.corpus}: build ${JSON.stringify(roundAll(r.build.build.stats.ms))}, cold ${JSON.stringify(roundAll(r.cold.stats.ms))}`).join('; '));

function roundAll(o: Record<string, number>) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
}

if (results.some((r) => r.base)) {
  lines.push('');
  lines.push(...compareTable(results, `npm run bench -- --corpus ${corpora.join(',')} --queries ${queries} --seed ${seed}${args.includes('--no-minisearch') ? ' --no-minisearch' : ''} --base ${baseRef ?? results.find((r) => r.base)!.base!.ref} --rounds ${rounds}`));
}

const table = lines.join('\n');
process.stdout.write(`\n${table}\n`);
if (!report) writeFileSync(join(outDir, `${stamp}.json`), JSON.stringify(results, null, 2)); // (also for --collect)
writeFileSync(join(outDir, `${stamp}.md`), `${table}\n`);
process.stderr.write(`\nwrote ${join(outDir, `${stamp}.json`)} and .md; copy the table into bench/RESULTS.md with notes\n`);
