/**
 * Extraction quality and speed (`npm run bench:extract`): serves the pages of
 * ../shared/data/article-extraction-dev/ (or EXTRACTION_DATA) gzip-encoded from a local server on
 * 127.0.0.1, adds each by URL through the real fetcher (127.0.0.1 allow-listed for this run only),
 * and scores the stored paragraphs against the true article bodies with the benchmark's shingle
 * F1. Plain Readability (same DOM, its `textContent`) on the same pages is the baseline.
 */
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { makeImportFromUrl } from '../src/ingest/web/index';
import { score } from './extractionScore';

const dir = resolve(process.env.EXTRACTION_DATA ?? join(import.meta.dirname, '../../shared/data/article-extraction-dev'));
const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
const ids = readdirSync(join(dir, 'html'))
  .filter((f) => f.endsWith('.html.gz'))
  .map((f) => f.replace(/\.html\.gz$/, ''))
  .filter((id) => truth[id])
  .sort();
const only = process.argv[2];

const server = createServer((req, res) => {
  const id = (req.url ?? '').replace(/^\//, '').replace(/\.html$/, '');
  if (!truth[id]) {
    res.writeHead(404).end();
    return;
  }
  // The saved pages carry no charset; the benchmark's pages are UTF-8 as saved.
  res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
  res.end(readFileSync(join(dir, 'html', `${id}.html.gz`)));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;
const importFromUrl = makeImportFromUrl({ allow: ['127.0.0.1'] });

const ours: Array<{ truth: string; predicted: string }> = [];
const base: Array<{ truth: string; predicted: string }> = [];
const oursMs: number[] = [];
const baseMs: number[] = [];
const failures: string[] = [];
for (const id of ids) {
  if (only && !id.startsWith(only)) continue;
  const expected = truth[id]!.articleBody;
  let t = performance.now();
  let predicted = '';
  try {
    const doc = await importFromUrl(`http://127.0.0.1:${port}/${id}.html`);
    predicted = doc.paragraphs.join('\n\n');
  } catch (err) {
    failures.push(`${id.slice(0, 8)}: ${(err as Error).message}`);
  }
  oursMs.push(performance.now() - t);
  ours.push({ truth: expected, predicted });

  const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
  t = performance.now();
  const r = new Readability(parseHTML(html).document as never).parse();
  baseMs.push(performance.now() - t);
  base.push({ truth: expected, predicted: r?.textContent ?? '' });
  if (only || process.env.VERBOSE) {
    const s = score([{ truth: expected, predicted }]);
    const b = score([{ truth: expected, predicted: r?.textContent ?? '' }]);
    console.log(`${id.slice(0, 8)} ours F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)})  readability ${b.f1.toFixed(3)}`);
  }
}
server.close();

const pct = (xs: number[], p: number): string => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(1);
};
const o = score(ours);
const b = score(base);
console.log(`pages: ${ours.length} from ${dir}`);
console.log(`Quotebook (by URL, stored paragraphs): F1 ${o.f1.toFixed(4)}  precision ${o.precision.toFixed(4)}  recall ${o.recall.toFixed(4)}`);
console.log(`plain Readability (linkedom, textContent): F1 ${b.f1.toFixed(4)}  precision ${b.precision.toFixed(4)}  recall ${b.recall.toFixed(4)}`);
console.log(`ms/page, add by URL (fetch + decode + extract + document): p50 ${pct(oursMs, 50)}  p90 ${pct(oursMs, 90)}  p99 ${pct(oursMs, 99)}`);
console.log(`ms/page, plain Readability (extract only): p50 ${pct(baseMs, 50)}  p90 ${pct(baseMs, 90)}  p99 ${pct(baseMs, 99)}`);
if (failures.length) console.log(`refused (${failures.length}):\n  ${failures.join('\n  ')}`);
