/**
 * One corpus, in its own process (so heap figures are not mixed across corpora):
 *   node --expose-gc --import tsx bench/worker.ts build <corpus> <out.json> [--queries N] [--seed S] [--no-minisearch]
 *   node --expose-gc --import tsx bench/worker.ts cold <corpus> <out.json>
 * `build` starts from an empty cache (parse, analyse, index, write cache), then runs the seeded
 * queries through the real command handlers, raw MiniSearch and a plain inverted index.
 * `cold` loads from the cache written by `build` and measures start time and memory.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commands } from '../commands/index';
import type { Answer } from '../src/core/answer';
import type { CommandContext } from '../src/core/command';
import { runCommand } from '../src/core/run';
import { loadKnowledgeFolder } from '../src/knowledge/folder';
import { KnowledgeParties } from '../src/parties/knowledgeParties';
import { PartyRegistry } from '../src/parties/registry';
import { plainInvertedIndex, rawMiniSearch, type Baseline } from './baselines';
import { BENCH_TMP, baseId, corpusDir, type CorpusName } from './corpus';
import { makeQueries, type PhraseQuery } from './queries';
import { buildClusters } from '../src/across/clusters';
import { buildTimelineIndex } from '../src/across/timeline';
import { flagReader } from './args';

const gc = (globalThis as { gc?: () => void }).gc;
function heap() {
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers };
}

function pct(xs: number[]) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
}

function quality(ranked: Array<{ article: string; paragraph: number }>, gold: PhraseQuery['gold']) {
  const rank = ranked.slice(0, 10).findIndex((x) => baseId(x.article) === gold.article && x.paragraph === gold.paragraph);
  return { top1: rank === 0 ? 1 : 0, rr: rank >= 0 ? 1 / (rank + 1) : 0 };
}

function summariseQuality(qs: PhraseQuery[], ranked: Array<Array<{ article: string; paragraph: number }>>) {
  const all = qs.map((q, i) => quality(ranked[i]!, q.gold));
  const part = (f: (q: PhraseQuery) => boolean) => {
    const sel = all.filter((_, i) => f(qs[i]!));
    return {
      n: sel.length,
      top1: sel.reduce((a, b) => a + b.top1, 0) / Math.max(sel.length, 1),
      mrr10: sel.reduce((a, b) => a + b.rr, 0) / Math.max(sel.length, 1),
    };
  };
  return { all: part(() => true), exact: part((q) => !q.typo), typo: part((q) => q.typo) };
}

/** Wall time, and CPU time of this process (user + system; unaffected by other processes on a busy machine). */
async function time<T>(f: () => T | Promise<T>): Promise<{ ms: number; cpu: number; value: T }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await f();
  const ms = performance.now() - t;
  const d = process.cpuUsage(c);
  return { ms, cpu: (d.user + d.system) / 1000, value };
}

/** Warm-up queries of each kind before measuring, and passes over the measured ones (see `build`). */
const WARM_UP = 100;
const PASSES = 3;

const cacheDirFor = (corpus: string) => join(BENCH_TMP, `cache-${corpus}`);

/**
 * Builds the corpus from an empty cache and keeps only the figures: the built knowledge base goes
 * out of scope here, so the queries run on the one reloaded from the cache (see `build`).
 */
async function buildFromScratch(dir: string, cacheDir: string) {
  const before = heap();
  const t = await time(() => loadKnowledgeFolder(dir, { cacheDir }));
  const after = heap();
  return { ms: t.ms, stats: t.value.stats, articles: t.value.kb.articles.length, paragraphs: t.value.kb.paragraphs.length, before, after };
}

async function build(corpus: CorpusName, nQueries: number, seed: number, withMiniSearch: boolean) {
  const dir = corpusDir(corpus);
  const cacheDir = cacheDirFor(corpus);
  rmSync(cacheDir, { recursive: true, force: true });
  const { ms: buildMs, stats: buildStats, articles, paragraphs, before, after } = await buildFromScratch(dir, cacheDir);
  process.stderr.write(`[${corpus}] built ${articles} articles, ${paragraphs} paragraphs in ${(buildMs / 1000).toFixed(1)} s\n`);
  // Queries run on the knowledge base as a bot starts it: from the cache just written (every
  // shard process does so), not on the one that was built with the build's garbage around it.
  const loadStart = performance.now();
  const loaded = await loadKnowledgeFolder(dir, { cacheDir, readOnly: true });
  const loadMs = performance.now() - loadStart;
  const kb = loaded.kb;

  const q = makeQueries(kb, nQueries, seed);
  const ctx: CommandContext = { kb, isAdmin: false };
  const has = (name: string) => commands.some((c) => c.definition.name === name);
  const run = (name: string, options: Record<string, string>) => runCommand(commands, name, options, ctx);
  const latency: Record<string, number[]> = {};
  const cpuTime: Record<string, number[]> = {};
  const rec = (k: string, t: { ms: number; cpu: number }) => {
    (latency[k] ??= []).push(t.ms);
    (cpuTime[k] ??= []).push(t.cpu);
  };
  let phaseStart = performance.now();
  const phase = (name: string) => {
    process.stderr.write(`[${corpus}] ${name} done in ${((performance.now() - phaseStart) / 1000).toFixed(1)} s\n`);
    phaseStart = performance.now();
  };
  const safe = async (f: () => Promise<Answer>): Promise<Answer | null> => {
    try {
      return await f();
    } catch {
      return null;
    }
  };
  // Warm-up, not recorded: 100 queries of each kind from another seed (so not the measured ones),
  // then a full GC. Measured right after the build, the first queries shared the two cores with
  // the JIT's background compiles and the collection of the build's garbage: p99 moved between
  // 4 and 8 ms from run to run at 19k. What is reported is the steady state of a running bot.
  const warm = makeQueries(kb, WARM_UP, seed + 1);
  for (let i = 0; i < WARM_UP; i++) {
    const p = warm.phrases[i % warm.phrases.length];
    if (p) {
      await safe(() => run('who-said', { phrase: p.text }));
      await safe(() => run('search', { query: p.text }));
    }
    const k = warm.keywords[i % Math.max(warm.keywords.length, 1)];
    if (k) await safe(() => run('search', { query: k }));
    // /position and /ask too (they were measured cold before 2026-12-01: a party's first
    // /position and the first /ask, which opens WordNet's index files, were their p99).
    const party = warm.parties[i % Math.max(warm.parties.length, 1)];
    if (party && has('position')) await safe(() => run('position', { party }));
    if (p && has('ask')) await safe(() => run('ask', { question: `who said ${p.text}` }));
  }
  heap();
  const rankedWho: Array<Array<{ article: string; paragraph: number }>> = [];
  const rankedSearch: Array<Array<{ article: string; paragraph: number }>> = [];
  const toRanked = (a: Answer | null) => (a?.excerpts ?? []).map((e) => ({ article: e.article.id, paragraph: e.paragraph }));
  // The phrase and keyword lookups run PASSES times and their percentiles pool every pass: a p99
  // over 300 samples is the third-slowest query, which one scheduling hiccup of this shared
  // virtual machine decides; over 900 it is the ninth. Quality comes from the first pass (the
  // answers are the same in every pass).
  // One command at a time, so that neither finds the other's work on the same phrase in a cache.
  const phrasePasses = async (command: string, option: string, key: string, ranked: Array<Array<{ article: string; paragraph: number }>>) => {
    for (let pass = 0; pass < PASSES; pass++) {
      for (const p of q.phrases) {
        const t = await time(() => safe(() => run(command, { [option]: p.text })));
        rec(key, t);
        if (pass === 0) ranked.push(toRanked(t.value));
      }
    }
  };
  await phrasePasses('who-said', 'phrase', 'who-said (phrase)', rankedWho);
  await phrasePasses('search', 'query', 'search (phrase)', rankedSearch);
  // Each query's fastest pass: what the query itself costs, without this machine's scheduling
  // noise (the pooled figures above keep the noise: that is what a user would see).
  for (const k of ['who-said (phrase)', 'search (phrase)']) {
    const n = q.phrases.length;
    for (let i = 0; i < n; i++) {
      let ms = Infinity;
      let cpu = Infinity;
      for (let pass = 0; pass < PASSES; pass++) {
        ms = Math.min(ms, latency[k]![pass * n + i]!);
        cpu = Math.min(cpu, cpuTime[k]![pass * n + i]!);
      }
      rec(`${k}, fastest of ${PASSES} passes`, { ms, cpu });
    }
  }
  phase('phrases');
  for (let pass = 0; pass < PASSES; pass++) for (const k of q.keywords) rec('search (keywords)', await time(() => safe(() => run('search', { query: k }))));
  phase('keywords');
  for (const name of q.names) rec('quotes (name)', await time(() => safe(() => run('quotes', { speaker: name }))));
  phase('quotes');
  // Issue #17: building the quote clusters and the timeline index (each once per knowledge base,
  // on first use), timed three times, best kept; then /timeline as a user runs it.
  const across = { clustersMs: Infinity, clusters: 0, timelineIndexMs: Infinity, loadMs, buildMs };
  for (let i = 0; i < 3; i++) {
    const c = await time(() => buildClusters(kb));
    across.clustersMs = Math.min(across.clustersMs, c.ms);
    across.clusters = c.value.clusters.length;
    across.timelineIndexMs = Math.min(across.timelineIndexMs, (await time(() => buildTimelineIndex(kb))).ms);
  }
  if (has('timeline')) {
    const topics = q.keywords.map((k) => k.split(' ')[0]!).filter(Boolean);
    for (const name of warm.names.slice(0, 50)) await safe(() => run('timeline', { speaker: name }));
    for (let pass = 0; pass < PASSES; pass++) {
      for (const name of q.names) rec('timeline (speaker)', await time(() => safe(() => run('timeline', { speaker: name }))));
      for (const [i, name] of q.names.entries()) rec('timeline (speaker, topic)', await time(() => safe(() => run('timeline', { speaker: name, topic: topics[i % Math.max(topics.length, 1)] ?? 'said' }))));
      for (const party of q.parties) rec('timeline (party)', await time(() => safe(() => run('timeline', { party }))));
    }
  }
  phase('timeline');
  // /position and /ask take a few ms each, so 100 questions (3 passes) cost seconds. Fewer made
  // the p99 the slowest question: with 20 at 190k, one major GC pause landing in the first pass
  // (~200 ms with a heap that size) read as the p99 in one run and not the next. The 1M corpus
  // keeps a small sample: its questions are slower and the run is long already.
  const slowSample = kb.paragraphs.length > 500_000 ? 10 : 100;
  // The first pass is the headline row (what a user meets on first asking: question words, party
  // stances and code paths new since the last full GC); two more passes give each query's own
  // cost, its fastest pass, in a row of its own.
  const slowPasses = async (key: string, items: Array<() => Promise<Answer>>) => {
    const firsts: Array<{ ms: number; cpu: number }> = [];
    const fastest: Array<{ ms: number; cpu: number }> = [];
    for (let pass = 0; pass < PASSES; pass++) {
      for (const [i, f] of items.entries()) {
        const t = await time(() => safe(f));
        if (pass === 0) firsts.push(t);
        const b = (fastest[i] ??= { ms: Infinity, cpu: Infinity });
        b.ms = Math.min(b.ms, t.ms);
        b.cpu = Math.min(b.cpu, t.cpu);
      }
    }
    for (const t of firsts) rec(key, t);
    for (const t of fastest) rec(`${key}, fastest of ${PASSES} passes`, t);
  };
  if (has('position')) await slowPasses('position (party)', q.parties.slice(0, slowSample).map((party) => () => run('position', { party })));
  if (has('ask')) {
    const ask = commands.find((c) => c.definition.name === 'ask')!;
    const opt = ask.definition.options.find((o) => o.type === 'string' && o.required)?.name ?? 'question';
    await slowPasses('ask (question)', q.phrases.slice(0, slowSample).map((p) => () => run('ask', { [opt]: `who said ${p.text}` })));
  }
  phase('position/ask');
  for (const p of q.prefixes) rec(`autocomplete (${p.source})`, await time(() => kb.suggest(p.source, p.typed)));
  for (const p of q.prefixes) rec('autocomplete (all)', await time(() => kb.suggest(p.source, p.typed)));

  // Raw candidate selection alone (the part this issue replaced).
  for (const p of q.phrases) rec('index candidates (phrase)', await time(() => kb.index.candidates(p.text, { want: 20, limit: 60 })));

  const docs = kb.paragraphs.map((p) => ({ id: p.id, text: p.paragraph.text }));
  const baselines: Record<string, unknown> = {};
  const runBaseline = async (make: () => Baseline) => {
    const h0 = heap();
    const { ms, value: b } = await time(make);
    const h1 = heap();
    for (const p of q.phrases.slice(0, 10)) b.search(p.text);
    const ms2: number[] = [];
    const ranked = q.phrases.map((p) => {
      const t = performance.now();
      const ids = b.search(p.text);
      ms2.push(performance.now() - t);
      return ids.map((id) => ({ article: kb.paragraphs[id]!.article.id, paragraph: kb.paragraphs[id]!.paragraph.number }));
    });
    baselines[b.name] = { buildMs: ms, heapBytes: h1.heapUsed - h0.heapUsed, latency: pct(ms2), quality: summariseQuality(q.phrases, ranked) };
    process.stderr.write(`[${corpus}] ${b.name}: built in ${(ms / 1000).toFixed(1)} s\n`);
  };
  await runBaseline(() => plainInvertedIndex(docs));
  if (withMiniSearch) await runBaseline(() => rawMiniSearch(docs));

  return {
    corpus,
    dir,
    articles: kb.articles.length,
    paragraphs,
    problems: kb.problems.length,
    people: kb.people.length,
    build: { ms: buildMs, stats: buildStats, heapBytes: after.heapUsed - before.heapUsed, heapUsed: after.heapUsed, rss: after.rss },
    queries: { phrases: q.phrases.length, typos: q.phrases.filter((p) => p.typo).length, keywords: q.keywords.length, names: q.names.length, prefixes: q.prefixes.length, parties: q.parties.length },
    latency: Object.fromEntries(Object.entries(latency).map(([k, v]) => [k, pct(v)])),
    cpu: Object.fromEntries(Object.entries(cpuTime).map(([k, v]) => [k, pct(v)])),
    quality: { 'who-said': summariseQuality(q.phrases, rankedWho), search: summariseQuality(q.phrases, rankedSearch) },
    baselines,
    across,
  };
}

async function cold(corpus: CorpusName) {
  const dir = corpusDir(corpus);
  const before = heap();
  const t = performance.now();
  const { kb, stats } = await loadKnowledgeFolder(dir, { cacheDir: cacheDirFor(corpus), readOnly: true });
  const ms = performance.now() - t;
  const first = await time(() => runCommand(commands, 'search', { query: 'said the campaign' }, { kb, isAdmin: false }));
  // What the knowledge base constructor spends on parties (rebuilt here once more, only to time it).
  const after = heap();
  // (Skipped at 1M: it would add many minutes; scale the 190k figure.)
  const parties =
    kb.paragraphs.length > 500_000
      ? { ms: -1 }
      : await time(() => new KnowledgeParties(new PartyRegistry(), kb.articles.map((a) => kb.analysis(a.id))).present.length);
  // Where the heap goes, roughly: paragraph text (V8 stores a string with only Latin-1
  // characters in one byte per character, otherwise two) and the index's typed arrays.
  let textBytes = 0;
  for (const a of kb.articles) textBytes += a.body.length * ([...a.body].some((c) => c.charCodeAt(0) > 0xff) ? 2 : 1);
  const snap = kb.index.snapshot();
  const indexBytes =
    snap.offsets.byteLength + snap.docs.byteLength + snap.tfs.byteLength + snap.lengths.byteLength + snap.hashes.byteLength + snap.vocab.reduce((n, t) => n + 16 + t.length, 0);
  return {
    corpus,
    paragraphs: kb.paragraphs.length,
    textBytes,
    indexBytes,
    ms,
    stats,
    firstQueryMs: first.ms,
    partiesRebuildMs: parties.ms,
    heapUsed: after.heapUsed,
    heapBaseline: before.heapUsed,
    heapPerParagraph: (after.heapUsed - before.heapUsed) / kb.paragraphs.length,
    rss: after.rss,
    arrayBuffers: after.arrayBuffers,
    gcExposed: Boolean(gc),
  };
}

async function main() {
  const [mode, corpus, out, ...rest] = process.argv.slice(2);
  const flag = flagReader(rest);
  const result =
    mode === 'cold'
      ? await cold(corpus as CorpusName)
      : await build(corpus as CorpusName, Number(flag('--queries') ?? 300), Number(flag('--seed') ?? 42), !rest.includes('--no-minisearch'));
  writeFileSync(out!, JSON.stringify(result, null, 2));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
