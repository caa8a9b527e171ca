/**
 * Garbage per `/ask` question: the bench's 100 questions (first pass, after the bench's warm-up and
 * full GC, as bench/askProbe.ts), with the heap used before and after, the collections V8 ran
 * during them, and optionally a heap sampling profile of where the bytes were allocated:
 *
 *   node --single-threaded-gc --expose-gc --import tsx bench/askAlloc.ts [--corpus 19k]        # scavenges per 100 questions
 *   node --single-threaded-gc --expose-gc --min-semi-space-size=128 --max-semi-space-size=128 \
 *        --import tsx bench/askAlloc.ts --sample [--top 30]                                   # bytes per question, by function
 *
 * With a young generation larger than the pass allocates (the second form) no scavenge runs, so the
 * heap's growth over the pass is what the questions allocated (survivors included), "bytes/question".
 * `--sample` adds V8's sampling heap profiler (every 1 KB on average, objects collected since
 * included): its self bytes by function and, for the functions named by `--inclusive a,b`, the
 * bytes allocated anywhere below them.
 */
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { join } from 'node:path';
import v8 from 'node:v8';
import { commands } from '../commands/index';
import { runCommand } from '../src/core/run';
import { loadKnowledgeFolder } from '../src/knowledge/folder';
import { BENCH_TMP, corpusDir, type CorpusName } from './corpus';
import { makeQueries } from './queries';
import { flagReader } from './args';

const args = process.argv.slice(2);
const flag = flagReader(args);
const corpus = (flag('--corpus') ?? '19k') as CorpusName;
const top = Number(flag('--top') ?? 30);
const inclusive = (flag('--inclusive') ?? 'askCandidates,match,entitiesIn,inTitleOf,words,sentencesOf,cachedTerm,markLongForms,answerEvidence,align,paragraphCosine,rankGroups,excerptAt').split(',');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const dir = corpusDir(corpus);
const cacheDir = join(BENCH_TMP, `cache-${corpus}`);
await loadKnowledgeFolder(dir, { cacheDir });
const { kb } = await loadKnowledgeFolder(dir, { cacheDir, readOnly: true });
const ctx = { kb, isAdmin: false };
const ask = async (question: string) => {
  try {
    await runCommand(commands, 'ask', { question }, ctx);
  } catch {
    // An error is an answer too (askProbe's digest records it); here only its garbage counts.
  }
};
const run = async (name: string, options: Record<string, string>) => {
  try {
    await runCommand(commands, name, options, ctx);
  } catch {
    // as above
  }
};

// The bench's warm-up (bench/worker.ts, bench/askProbe.ts): 100 of each kind from seed 43, then a full GC.
const warm = makeQueries(kb, 100, 43);
for (let i = 0; i < 100; i++) {
  const p = warm.phrases[i % warm.phrases.length]!;
  await run('who-said', { phrase: p.text });
  await run('search', { query: p.text });
  const k = warm.keywords[i % warm.keywords.length];
  if (k) await run('search', { query: k });
  const party = warm.parties[i % Math.max(warm.parties.length, 1)];
  if (party) await run('position', { party });
  await ask(`who said ${p.text}`);
}
const questions = makeQueries(kb, 300, 42).phrases.slice(0, 100).map((p) => `who said ${p.text}`);
gc();

const sample = args.includes('--sample');
const session = sample ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}
const kinds = new Map<string, number>();
const obs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = String((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? '?');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
});
obs.observe({ entryTypes: ['gc'] });
const before = v8.getHeapStatistics().used_heap_size;
for (const question of questions) await ask(question);
const after = v8.getHeapStatistics().used_heap_size;
// Let the observer's queued entries arrive.
await new Promise((r) => setTimeout(r, 50));
obs.disconnect();

// perf_hooks' gc kinds: 1 minor (scavenge), 2 major, 4 incremental marking, 8 weak callbacks.
const named: Record<string, string> = { '1': 'scavenge', '2': 'mark-compact', '4': 'incremental', '8': 'weak callbacks' };
const gcs = [...kinds].map(([k, n]) => `${named[k] ?? k} ${n}`).join(', ') || 'none';
process.stdout.write(`${corpus}: ${questions.length} /ask questions, heap growth ${((after - before) / questions.length / 1024).toFixed(1)} KB/question; collections during them: ${gcs}\n`);

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}
if (session) {
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: Node } };
  session.disconnect();
  const self = new Map<string, number>();
  const below = new Map<string, number>();
  let total = 0;
  const frame = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}:${(n.callFrame as { columnNumber?: number }).columnNumber ?? 0}`;
  // `--depth N`: self bytes keyed by the function and its N − 1 callers (tsx's output puts a file on few lines: columns tell functions apart).
  const depth = Number(flag('--depth') ?? 1);
  const walk = (n: Node, open: Set<string>, path: string[] = []): number => {
    const f = n.callFrame;
    const here = [...path, frame(n)].slice(-depth);
    const key = here.reverse().join(' < ');
    self.set(key, (self.get(key) ?? 0) + n.selfSize);
    total += n.selfSize;
    let sum = n.selfSize;
    const name = f.functionName;
    const entering = inclusive.includes(name) && !open.has(name);
    if (entering) open.add(name);
    for (const c of n.children) sum += walk(c, open, [...path, frame(n)].slice(-depth));
    if (entering) {
      open.delete(name);
      below.set(name, (below.get(name) ?? 0) + sum);
    }
    return sum;
  };
  walk(profile.head, new Set());
  const kb1 = (b: number) => `${(b / questions.length / 1024).toFixed(1)} KB`;
  process.stdout.write(`sampled: ${kb1(total)}/question\nself, by function:\n`);
  for (const [k, b] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`  ${kb1(b).padStart(9)}  ${((100 * b) / total).toFixed(1).padStart(5)} %  ${k}\n`);
  process.stdout.write('inclusive:\n');
  for (const [k, b] of [...below].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${kb1(b).padStart(9)}  ${((100 * b) / total).toFixed(1).padStart(5)} %  ${k}\n`);
}
