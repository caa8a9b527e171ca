import { loadKnowledgeBaseCached } from './src/knowledge/cache';
import { askAnswer } from './src/answer/ask';
import { makeQueries } from './bench/queries';
const { kb } = await loadKnowledgeBaseCached('/tmp/quotebook-bench/corpus-19k', { cacheDir: '/tmp/quotebook-bench/cache-19k', readOnly: true });
const warm = makeQueries(kb, 100, 43).phrases.map((p) => `who said ${p.text}`);
const qs = makeQueries(kb, 300, 42).phrases.map((p) => `who said ${p.text}`);
for (const q of warm) askAnswer(kb, q);
const times: number[] = [];
const cpu = process.cpuUsage();
for (const q of qs) { const t = performance.now(); askAnswer(kb, q); times.push(performance.now() - t); }
const c = process.cpuUsage(cpu);
times.sort((a, b) => a - b);
console.log('p50', times[150]!.toFixed(2), 'p95', times[285]!.toFixed(2), 'p99', times[297]!.toFixed(2), 'cpu/q', ((c.user + c.system) / 1000 / qs.length).toFixed(2));
