/**
 * `npm run bench:library [-- --servers N --per M --budget-mb B --adds A]`: per-server libraries (#13).
 * 1. Add by URL from a local page server → answerable (/who-said finds a quote): p50/p95/p99.
 * 2. N servers × M PolNeAR articles in a SQLite store: first query of a cold server (load from the
 *    database + build its base), before/after in one run: built from its documents, from its stored
 *    built library with the stance index built on load (the code before it was made lazy), and as
 *    the service does it now; warm queries against the same articles as one base (ratio); memory
 *    per phase against the budget. Run with the V8 flags `npm start` uses (package.json), so
 *    the memory figures are production's. Prints figures; no assertions.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index';
import { runCommand } from '../src/core/run';
import { importFromFile, makeImportFromUrl } from '../src/ingest/web/index';
import { buildKnowledgeBase, loadKnowledgeBase, type KnowledgeBase } from '../src/knowledge/knowledgeBase';
import { contentHash } from '../src/library/document';
import { LibraryService } from '../src/library/service';
import { openLibraryStore } from '../src/storage/open';
import { buildStanceIndex } from '../src/parties/stanceIndex';
import { polnearArticles } from './corpus';

const { values } = parseArgs({ options: { servers: { type: 'string' }, per: { type: 'string' }, 'budget-mb': { type: 'string' }, adds: { type: 'string' } } });
const SERVERS = Number(values.servers ?? 1000);
const PER = Number(values.per ?? 20);
const BUDGET_MB = Number(values['budget-mb'] ?? 256);
const ADDS = Number(values.adds ?? 20);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms (n=${xs.length})`;

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
// `npm start`'s V8 flags (they decide how far RSS runs above the live heap) should be this run's.
const startFlags = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/).filter((f) => f.startsWith('--') && f !== '--import');
const missing = startFlags.filter((f) => !process.execArgv.includes(f));
console.log(`V8 flags ${process.execArgv.filter((f) => f.startsWith('--') && f !== '--import').join(' ')}${missing.length ? ` (npm start also has ${missing.join(' ')}: memory figures are not production's)` : ' (npm start\'s, plus --expose-gc)'}`);

/** Highest RSS seen since the last `memory()` (sampled after each server's query). */
let peakRss = 0;
let atPeak = '';
const sampleRss = () => {
  const r = process.memoryUsage.rss();
  if (r <= peakRss) return;
  peakRss = r;
  const m = process.memoryUsage();
  atPeak = ` (then V8 heap total ${mb(m.heapTotal)}, used ${mb(m.heapUsed)}, external ${mb(m.external)})`;
};
/**
 * Where the process's memory is, after a full collection (`--expose-gc`) and a pause: without
 * `--single-threaded-gc`, V8 returns the pages of what it just collected from background threads,
 * so RSS read right after `gc()` still counts them (the "memory outside the heap" of earlier
 * runs). Also the highest RSS seen during the phase, which is what a machine must have.
 */
async function memory(label: string): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 200));
  const m = process.memoryUsage();
  const space = (name: string) => getHeapSpaceStatistics().find((s) => s.space_name === name);
  const code = space('code_space');
  const old = space('old_space');
  console.log(
    `  memory ${label}: RSS ${mb(m.rss)} (peak during the phase ${peakRss > m.rss ? `${mb(peakRss)}${atPeak}` : mb(m.rss)}); V8 heap total ${mb(m.heapTotal)}, used ${mb(m.heapUsed)} (old space ${mb(old?.space_size ?? 0)} / ${mb(old?.space_used_size ?? 0)}, code ${mb(code?.space_size ?? 0)}), external ${mb(m.external)}, outside the heap ${mb(m.rss - m.heapTotal - m.external)}`,
  );
  peakRss = 0;
  atPeak = '';
}

const dir = mkdtempSync(join(tmpdir(), 'quotebook-bench-library-'));
const shared = await loadKnowledgeBase('knowledge');
const store = await openLibraryStore({ databaseUrl: `sqlite:${join(dir, 'lib.sqlite')}` });
const polnear = polnearArticles();

// 1. Add by URL → answerable.
const pages = createServer((req, res) => {
  const a = polnear[Number(req.url?.slice(1)) % polnear.length]!;
  const html = `<html><head><title>${a.title}</title><meta property="og:site_name" content="${a.publisher}"></head><body><article><h1>${a.title}</h1>${a.body
    .split(/\n\n/)
    .map((p) => `<p>${p.replace(/</g, '&lt;')}</p>`)
    .join('')}</article></body></html>`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
});
await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
const lib = new LibraryService({ store, shared: () => shared, importFromUrl: makeImportFromUrl({ allow: ['127.0.0.1'] }), importFromFile, memoryBudgetBytes: BUDGET_MB * 1024 * 1024 });
await lib.settings({ guildId: 'adds', userId: 'bench', canManageServer: true, roleIds: [] }, { addsPerHour: 1000, addsPerUserPerHour: 1000, maxArticles: 1000 });
const addTimes: number[] = [];
for (let i = 0; i < ADDS; i++) {
  const caller = { guildId: 'adds', userId: 'bench', canManageServer: true, roleIds: [] };
  const t = performance.now();
  const added = await lib.add(caller, { kind: 'url', url: `${base}/${i * 37}` });
  const segments = await lib.segments('adds');
  const words = segments[1]!.article(added.articleId)!.paragraphs[0]!.text.split(/\s+/).slice(0, 8).join(' ');
  await runCommand(commands, 'who-said', { phrase: words }, { kb: shared, segments, isAdmin: false });
  addTimes.push(performance.now() - t);
}
pages.close();
console.log(`add by URL → answerable: ${fmt(addTimes)}`);

// 2. Many servers in the database.
const t0 = performance.now();
for (let s = 0; s < SERVERS; s++) {
  for (let j = 0; j < PER; j++) {
    const a = polnear[(s * PER + j) % polnear.length]!;
    const document = `---\ntitle: ${JSON.stringify(a.title)}\n---\n\n${a.body}\n`;
    await store.add({
      guildId: `g${s}`,
      articleId: `${a.id}`.slice(0, 64),
      sourceUrl: `https://example.org/${s}/${a.id}`,
      sourceFile: null,
      contentHash: contentHash(a.body.split(/\n\n/)),
      document,
      title: a.title,
      site: a.publisher,
      author: null,
      published: a.date,
      addedBy: 'bench',
      paragraphs: a.paragraphs,
      quotes: 0,
    });
  }
}
console.log(`seeded ${SERVERS} servers × ${PER} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
await memory('after seeding');
const service = (serverCache = true) =>
  new LibraryService({ store, shared: () => shared, importFromUrl: makeImportFromUrl(), importFromFile, memoryBudgetBytes: BUDGET_MB * 1024 * 1024, serverCache });
const query = { query: 'said the president' };
/** First query of every server on a fresh service; `prepare` runs on the server's base before it (timed too). */
async function coldQueries(lib: LibraryService, prepare?: (kb: KnowledgeBase) => void): Promise<number[]> {
  const times: number[] = [];
  for (let s = 0; s < SERVERS; s++) {
    const t = performance.now();
    const segments = await lib.segments(`g${s}`);
    if (prepare && segments[1]) prepare(segments[1]);
    await runCommand(commands, 'search', query, { kb: shared, segments, isAdmin: false });
    times.push(performance.now() - t);
    sampleRss();
  }
  return times;
}
const ratios = (after: number[], before: number[]) =>
  [50, 95, 99].map((p) => `p${p} ${(pct(after, p) / pct(before, p)).toFixed(2)}`).join(', ');
// Warm the analysis cache once (what the adds did in real life). In a function: a service held in a
// block of this module's top level survives the block (the suspended module keeps it), and its
// servers counted in the fixed part below (~80 MB of heap).
async function warmAnalyses(): Promise<void> {
  const warmup = service(false);
  for (let s = 0; s < Math.min(SERVERS, Math.ceil(polnear.length / PER) + 1); s++) {
    await warmup.segments(`g${s}`);
    sampleRss();
  }
}
await warmAnalyses();
// The attribution engine ran on every distinct article here: its peak is the adds', not a library's.
await memory('after analysing every article once (the adds did it); no server library held: the fixed part');
// What the process holds with no server library loaded: Node, modules, the shared folder, the store,
// and what the attribution engine loads on first use (the adds run it).
const fixedRss = process.memoryUsage.rss();
const fixedHeap = process.memoryUsage().heapUsed;
// Before: every cold server's articles parsed and its base built from them (no server cache).
const coldBefore = await coldQueries(service(false));
console.log(`first query of a cold server, built from its documents (before): ${fmt(coldBefore)}`);
await memory('after the pass built from documents');
// The adds store each server's built library; here one pass over every server does it.
await coldQueries(service(true));
await memory('after the pass storing every built library');
// The code before /position's stance index was left to first use: built with the base on load.
const coldEager = await coldQueries(service(true), (kb) => kb.derived(buildStanceIndex));
console.log(`first query of a cold server, from its stored built library, stance index built on load (before): ${fmt(coldEager)}`);
await memory('after the pass with the stance index built on load');
// Only the measured service's servers may count towards the heap figure below.
const measured = service(true);
const cold = await coldQueries(measured);
console.log(`first query of a cold server, from its stored built library (after): ${fmt(cold)}`);
console.log(`cold after / built from documents: ${ratios(cold, coldBefore)}`);
console.log(`cold after / stance index built on load: ${ratios(cold, coldEager)}`);
await memory('after the measured pass');
// Warm: the same server again. Compared with the same articles held in the shared folder (one base:
// what "as fast as the shared-folder ones" means) and, for reference, with the shared folder alone.
const hot = `g${SERVERS - 1}`;
const hotSegments = await measured.segments(hot);
const oneBase = (await buildKnowledgeBase([...shared.articles, ...hotSegments.slice(1).flatMap((kb) => kb.articles)], [])).kb;
const queries = ['said the president', 'nuclear talks', 'health care reform', 'tax cuts for the middle class', 'Trump'];
const warm: number[] = [];
const sameInFolder: number[] = [];
const sharedOnly: number[] = [];
for (let i = 0; i < 100 * queries.length; i++) {
  const q = { query: queries[i % queries.length]! };
  let t = performance.now();
  const segments = await measured.segments(hot);
  await runCommand(commands, 'search', q, { kb: shared, segments, isAdmin: false });
  warm.push(performance.now() - t);
  t = performance.now();
  await runCommand(commands, 'search', q, { kb: oneBase, segments: [oneBase], isAdmin: false });
  sameInFolder.push(performance.now() - t);
  t = performance.now();
  await runCommand(commands, 'search', q, { kb: shared, segments: [shared], isAdmin: false });
  sharedOnly.push(performance.now() - t);
  sampleRss();
}
console.log(`warm server query (${queries.length} queries): ${fmt(warm)}`);
console.log(`  the same articles in the shared folder (one base): ${fmt(sameInFolder)}; ratio p50 ${(pct(warm, 50) / pct(sameInFolder, 50)).toFixed(2)}, p95 ${(pct(warm, 95) / pct(sameInFolder, 95)).toFixed(2)}`);
console.log(`  the shared folder alone (fewer articles): ${fmt(sharedOnly)}; ratio p50 ${(pct(warm, 50) / pct(sharedOnly, 50)).toFixed(2)}`);
const stats = measured.memoryStats();
console.log(`loaded servers ${stats.servers}, estimated ${(stats.bytes / 1048576).toFixed(1)} MB of budget ${BUDGET_MB} MB`);
await memory('at the end');
const end = process.memoryUsage.rss();
console.log(`held servers: estimated ${mb(stats.bytes)}; V8 heap used above the fixed part ${mb(process.memoryUsage().heapUsed - fixedHeap)}, RSS above it ${mb(end - fixedRss)}`);
console.log(
  `RSS at the end ${mb(end)} = fixed ${mb(fixedRss)} (before any server library) + ${mb(end - fixedRss)} (budget ${BUDGET_MB} MB: ${end - fixedRss <= BUDGET_MB * 1048576 ? 'within' : 'OVER'})`,
);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await store.close();
rmSync(dir, { recursive: true, force: true });
