/**
 * `npm run bench:export [-- --corpus 19k|seed] [--statements 20000] [--repeat 3]`
 *
 * Time and memory of `/export` on a large library: the PolNeAR corpus loaded as the shared
 * knowledge folder (bench/corpus.ts; 924 articles, 19k paragraphs, ~14,000 statements), analysed
 * once into a cache of its own, plus a server library of its first articles under new ids, as many
 * as it takes to reach `--statements` in all (the export reads both bases, as in a server). For
 * each format, the Discord path (`exportAnswer`: parts within the upload limit, held in memory) and
 * the console path (`--export` written to /dev/null through a file stream) are timed; memory is the
 * peak of heap + array buffers above the level before the export (sampled every 2 ms while the
 * export yields to the event loop), after a full collection. Run on a quiet machine.
 */
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { loadKnowledgeFolder } from '../src/knowledge/folder';
import { buildKnowledgeBase } from '../src/knowledge/knowledgeBase';
import { exportAnswer } from '../src/answer/export';
import { exportEncoder, type ExportFormat } from '../src/answer/exportEncode';
import { exportText } from '../src/answer/exportParts';
import { exportRows } from '../src/answer/exportRows';
import { writeText } from '../src/transport/writeText';
import { corpusDir, type CorpusName } from './corpus';
import { flagReader } from './args';

const args = process.argv.slice(2);
const flag = flagReader(args);
const corpus = (flag('--corpus') ?? '19k') as CorpusName;
const repeat = Number(flag('--repeat') ?? 3);
const wanted = Number(flag('--statements') ?? 20_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:export does)');

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Runs `work`, returning its time and the peak memory above the level before it. */
async function measure<T>(work: () => Promise<T>): Promise<{ ms: number; peakMB: number; result: T }> {
  gc!();
  const base = used();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, used())), 2);
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, used());
  return { ms, peakMB: (peak - base) / 2 ** 20, result };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = corpusDir(corpus);
const cacheDir = process.env.EXPORT_BENCH_CACHE ?? join(tmpdir(), `quotebook-export-bench-cache-${corpus}`);
const t0 = performance.now();
const { kb } = await loadKnowledgeFolder(dir, { cacheDir });
const loadMs = performance.now() - t0;
const count = (base: typeof kb) => base.articles.reduce((n, a) => n + base.analysis(a.id).statements.length, 0);
const shared = count(kb);
// The server library: the first articles again under new ids until the statements reach `wanted`.
const picked = [];
for (let i = 0, n = shared; n < wanted && i < kb.articles.length; i++) {
  const a = kb.articles[i]!;
  picked.push({ ...a, id: `lib-${a.id}`.slice(0, 64) });
  n += kb.analysis(a.id).statements.length;
}
const bases = [kb];
if (picked.length) bases.push((await buildKnowledgeBase(picked, [])).kb);
const statements = bases.reduce((n, b) => n + count(b), 0);
console.log(
  `corpus ${corpus}: ${kb.articles.length} articles, ${kb.paragraphs.length} paragraphs, ${shared} statements (loaded in ${Math.round(loadMs)} ms)` +
    ` + a library of ${picked.length} articles: ${statements} statements in all`,
);
console.log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; node ${process.version}`);

const devNull = () => createWriteStream('/dev/null');

for (const format of ['csv', 'json'] as ExportFormat[]) {
  const discord: Array<{ ms: number; peakMB: number }> = [];
  const stream: Array<{ ms: number; peakMB: number }> = [];
  let parts = 0;
  let bytes = 0;
  for (let i = 0; i < repeat; i++) {
    const d = await measure(() => exportAnswer(bases, { format }));
    discord.push(d);
    parts = d.result.files?.length ?? 0;
    bytes = (d.result.files ?? []).reduce((n, f) => n + (f.data?.byteLength ?? 0), 0);
    stream.push(
      await measure(async () => {
        const out = devNull();
        await writeText(exportText(exportRows(bases), exportEncoder(format)), out);
        await new Promise((resolve) => out.end(resolve));
      }),
    );
  }
  const fmt = (xs: Array<{ ms: number; peakMB: number }>) =>
    `median ${Math.round(median(xs.map((x) => x.ms)))} ms, peak +${median(xs.map((x) => x.peakMB)).toFixed(1)} MB`;
  console.log(`${format}: ${(bytes / 2 ** 20).toFixed(1)} MiB in ${parts} part(s) | /export (parts in memory): ${fmt(discord)} | --export to /dev/null: ${fmt(stream)}`);
}
