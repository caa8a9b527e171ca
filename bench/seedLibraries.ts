/**
 * Fills a library store with N servers × M articles built from PolNeAR (issue #13's bench: 1,000
 * servers × 20 articles) and measures loading all articles of one server — what a cold server's
 * first query reads from the database — as p50/p90/p99 over distinct random servers.
 *
 *   npx tsx bench/seedLibraries.ts                                   # SQLite in /tmp/quotebook-bench
 *   npx tsx bench/seedLibraries.ts --db postgres://quotebook:quotebook@127.0.0.1:5432/quotebook
 *   options: --servers 1000 --articles 20 --samples 300 --schema quotebook_bench (PostgreSQL) --drop
 *
 * Seeding is idempotent (a second run finds every article and adds nothing), so the library bench
 * can reuse the store: `seedLibraries` and `benchGuildId` are exported for it. The articles are
 * PolNeAR's (research data, see ../shared/data/polnear/README.md): the store lives outside the
 * repository and is never committed.
 */
import { createHash } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LibraryStore, NewLibraryArticle } from '../src/storage/libraryStore';
import { openLibraryStore, parseDatabaseUrl } from '../src/storage/open';
import { PostgresLibraryStore } from '../src/storage/postgresStore';
import { BENCH_TMP, polnearArticles, type PolnearArticle } from './corpus';

/** Server number `i` as a snowflake-shaped guild id (18 digits). */
export function benchGuildId(i: number): string {
  return String(100_000_000_000_000_000n + BigInt(i));
}

/** One PolNeAR article as a member would add it to server `guildId`. */
export function libraryArticle(guildId: string, a: PolnearArticle): NewLibraryArticle {
  return {
    guildId,
    articleId: a.id,
    sourceUrl: `https://example.org/polnear/${a.id}`,
    sourceFile: null,
    contentHash: createHash('sha256').update(a.body).digest('hex'),
    document: a.md(a.id),
    title: a.title,
    site: a.publisher,
    author: `${a.publisher} staff`,
    published: a.date,
    addedBy: '200000000000000000',
    paragraphs: a.paragraphs,
    // Storage only: the library layer counts quotes when it analyses an added article.
    quotes: 0,
  };
}

/** PolNeAR articles with distinct texts (a few appear twice, and a server refuses the same text twice). */
export function distinctArticles(): PolnearArticle[] {
  const seen = new Set<string>();
  return polnearArticles().filter((a) => !seen.has(a.body) && seen.add(a.body));
}

/**
 * Adds `articles` PolNeAR articles to each of `servers` servers (server g gets articles g·M … g·M+M−1,
 * wrapping around), `parallel` adds at a time. Returns how many were new.
 */
export async function seedLibraries(store: LibraryStore, servers: number, articles: number, parallel = 1): Promise<{ added: number; existing: number }> {
  const pool = distinctArticles();
  const jobs: NewLibraryArticle[] = [];
  for (let g = 0; g < servers; g++) {
    for (let j = 0; j < Math.min(articles, pool.length); j++) jobs.push(libraryArticle(benchGuildId(g), pool[(g * articles + j) % pool.length]!));
  }
  let added = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < jobs.length) {
        const r = await store.add(jobs[next++]!);
        if (r.added) added++;
      }
    }),
  );
  return { added, existing: jobs.length - added };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: `sqlite:${join(BENCH_TMP, 'libraries.sqlite')}` },
      servers: { type: 'string', default: '1000' },
      articles: { type: 'string', default: '20' },
      samples: { type: 'string', default: '300' },
      schema: { type: 'string', default: 'quotebook_bench' },
      drop: { type: 'boolean', default: false },
    },
  });
  const servers = Number(values.servers);
  const articles = Number(values.articles);
  const target = parseDatabaseUrl(values.db);
  const schema = target.kind === 'postgres' ? values.schema : undefined;
  const where = target.kind === 'sqlite' ? target.path : `${values.db.replace(/\/\/[^@]*@/, '//')} schema ${schema}`;

  let store = await openLibraryStore({ databaseUrl: values.db }, { schema });
  const t0 = performance.now();
  const seeded = await seedLibraries(store, servers, articles, target.kind === 'postgres' ? 8 : 1);
  const seedS = (performance.now() - t0) / 1000;
  console.log(`${target.kind} ${where}: ${servers} servers × ${articles} articles; ${seeded.added} added, ${seeded.existing} already there, in ${seedS.toFixed(1)} s`);
  await store.close();

  // A new connection, as a restarted process would have; each sampled server is read once.
  store = await openLibraryStore({ databaseUrl: values.db }, { schema });
  const perServerCap = distinctArticles().length;
  const samples = Math.min(Number(values.samples), servers);
  const order = Array.from({ length: servers }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  order.length = samples;
  const times: number[] = [];
  // CPU time of this process too: on a shared, loaded machine the wall-clock tail is mostly waiting
  // for a core (and, on PostgreSQL, for the server process), which CPU time leaves out.
  const cpu: number[] = [];
  let bytes = 0;
  for (const g of order) {
    const t = performance.now();
    const c = process.cpuUsage();
    const rows = await store.list(benchGuildId(g));
    const dc = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((dc.user + dc.system) / 1000);
    if (rows.length !== Math.min(articles, perServerCap)) throw new Error(`server ${g} has ${rows.length} articles`);
    for (const r of rows) bytes += r.document.length;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const f = (ms: number) => `${ms.toFixed(2)} ms`;
  console.log(
    `load all articles of one server (${samples} distinct servers, ${(bytes / samples / 1024).toFixed(0)} KiB each): ` +
      `wall p50 ${f(percentile(times, 50))}  p90 ${f(percentile(times, 90))}  p99 ${f(percentile(times, 99))}  max ${f(times.at(-1)!)}; ` +
      `this process's CPU p50 ${f(percentile(cpu, 50))}  p99 ${f(percentile(cpu, 99))}`,
  );
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  if (target.kind === 'sqlite') console.log(`database file: ${(statSync(target.path).size / 1024 / 1024).toFixed(0)} MiB`);
  await store.close();

  if (values.drop) {
    if (target.kind === 'sqlite') for (const suffix of ['', '-wal', '-shm']) rmSync(target.path + suffix, { force: true });
    else {
      const s = new PostgresLibraryStore({ url: target.url, schema });
      await s.dropSchema();
      await s.close();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
