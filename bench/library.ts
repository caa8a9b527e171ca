/**
 * `npm run bench:library [-- --servers N --per M --budget-mb B]`: per-server libraries (#13).
 * 1. Add by URL from a local page server → answerable (/who-said finds a quote): p50/p90.
 * 2. N servers × M PolNeAR articles in a SQLite store: first query of a cold server (load from the
 *    database + build its base) p50/p99; warm queries vs the same query on the shared folder only
 *    (ratio); RSS against the memory budget. Prints percentiles; no assertions.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index';
import { runCommand } from '../src/core/run';
import { importFromFile, makeImportFromUrl } from '../src/ingest/web/index';
import { buildKnowledgeBase, loadKnowledgeBase } from '../src/knowledge/knowledgeBase';
import { contentHash } from '../src/library/document';
import { LibraryService } from '../src/library/service';
import { openLibraryStore } from '../src/storage/open';
import { polnearArticles } from './corpus';

const { values } = parseArgs({ options: { servers: { type: 'string' }, per: { type: 'string' }, 'budget-mb': { type: 'string' }, adds: { type: 'string' } } });
const SERVERS = Number(values.servers ?? 1000);
const PER = Number(values.per ?? 20);
const BUDGET_MB = Number(values['budget-mb'] ?? 256);
const ADDS = Number(values.adds ?? 20);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms (n=${xs.length})`;

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
/** Where the process's memory is: RSS against V8's heap (committed and used) and memory outside it. */
function memory(label: string): void {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  console.log(`  memory ${label}: RSS ${mb(m.rss)}, heap total ${mb(m.heapTotal)}, heap used ${mb(m.heapUsed)}, external ${mb(m.external)} (array buffers ${mb(m.arrayBuffers)}), RSS outside the heap ${mb(m.rss - m.heapTotal - m.external)}`);
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
memory('after seeding');
const service = (serverCache = true) =>
  new LibraryService({ store, shared: () => shared, importFromUrl: makeImportFromUrl(), importFromFile, memoryBudgetBytes: BUDGET_MB * 1024 * 1024, serverCache });
const query = { query: 'said the president' };
async function coldQueries(lib: LibraryService): Promise<number[]> {
  const times: number[] = [];
  for (let s = 0; s < SERVERS; s++) {
    const t = performance.now();
    const segments = await lib.segments(`g${s}`);
    await runCommand(commands, 'search', query, { kb: shared, segments, isAdmin: false });
    times.push(performance.now() - t);
  }
  return times;
}
// Warm the analysis cache once (what the adds did in real life).
{
  const warmup = service(false);
  for (let s = 0; s < Math.min(SERVERS, Math.ceil(polnear.length / PER) + 1); s++) await warmup.segments(`g${s}`);
}
// Before: every cold server's articles parsed and its base built from them (no server cache).
const coldBefore = await coldQueries(service(false));
console.log(`first query of a cold server, built from its documents (before): ${fmt(coldBefore)}`);
memory('after the before pass');
// The adds store each server's built library; here one pass over every server does it.
await coldQueries(service(true));
// Only the measured service's servers may count towards the heap figure below.
const measured = service(true);
const cold = await coldQueries(measured);
console.log(`first query of a cold server, from its stored built library (after): ${fmt(cold)}`);
console.log(`cold after/before: p50 ${(pct(cold, 50) / pct(coldBefore, 50)).toFixed(2)}, p95 ${(pct(cold, 95) / pct(coldBefore, 95)).toFixed(2)}, p99 ${(pct(cold, 99) / pct(coldBefore, 99)).toFixed(2)}`);
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
}
console.log(`warm server query (${queries.length} queries): ${fmt(warm)}`);
console.log(`  the same articles in the shared folder (one base): ${fmt(sameInFolder)}; ratio p50 ${(pct(warm, 50) / pct(sameInFolder, 50)).toFixed(2)}, p95 ${(pct(warm, 95) / pct(sameInFolder, 95)).toFixed(2)}`);
console.log(`  the shared folder alone (fewer articles): ${fmt(sharedOnly)}; ratio p50 ${(pct(warm, 50) / pct(sharedOnly, 50)).toFixed(2)}`);
const stats = measured.memoryStats();
console.log(`loaded servers ${stats.servers}, estimated ${(stats.bytes / 1048576).toFixed(1)} MB of budget ${BUDGET_MB} MB`);
// After a full collection (`--expose-gc`, see package.json), so evicted bases don't count.
memory('at the end');
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await store.close();
rmSync(dir, { recursive: true, force: true });
