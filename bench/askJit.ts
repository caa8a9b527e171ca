/**
 * What V8's compiler does during `/ask`'s first pass, counted, not timed:
 *
 *   npx tsx bench/askJit.ts [--corpus 19k] [--passes 3] [--deterministic] [--top 8]
 *
 * Runs `bench/askProbe.ts --marks` (the bench's warm-up, a full GC, then its 100 `/ask` questions
 * `--passes` times) under `--trace-opt --trace-deopt --trace-gc` and prints, from V8's own trace:
 * the functions whose optimised code the full GC after the warm-up threw away ("weak objects": an
 * object shape the code was compiled for had died), then per pass the optimising compiles, the
 * deoptimisations by reason, the full and young-generation collections, and the questions that met
 * the most deoptimisations (a question that does is one the first pass's tail is made of).
 *
 * Why counts: on this shared 2-core machine a first-pass p99 moves by ±30–50 % from run to run, and
 * a change to how often V8 recompiles is lost in that. `--deterministic` adds V8's
 * `--single-threaded` (no background compiler: every compile on the main thread, in the same
 * order each run), so two runs of the same code give the same counts and a change shows as a
 * difference in them; its timings are not the bench's.
 */
import { spawnSync } from 'node:child_process';
import { flagReader } from './args';

const args = process.argv.slice(2);
const flag = flagReader(args);
const corpus = flag('--corpus') ?? '19k';
const passes = Number(flag('--passes') ?? 3);
const top = Number(flag('--top') ?? 8);
const v8 = ['--single-threaded-gc', '--expose-gc', '--trace-opt', '--trace-deopt', '--trace-gc', ...(args.includes('--deterministic') ? ['--single-threaded'] : [])];
const r = spawnSync(process.execPath, [...v8, '--import', 'tsx', 'bench/askProbe.ts', '--corpus', corpus, '--passes', String(passes), '--top', '0', '--marks'], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (r.status !== 0) throw new Error(`askProbe exited with ${r.status}`);

/** What happened in one stretch of the run (before the GC, the GC, a pass). */
interface Stretch {
  compiles: number;
  deopts: Map<string, number>;
  dropped: string[];
  fullGCs: number;
  scavenges: number;
  perQuestion: Map<number, string[]>;
}
const stretch = (): Stretch => ({ compiles: 0, deopts: new Map(), dropped: [], fullGCs: 0, scavenges: 0, perQuestion: new Map() });
const gcStretch = stretch();
const byPass: Stretch[] = [];
let at: Stretch | undefined;
let question = -1;
for (const line of r.stdout.split('\n')) {
  const mark = /^askProbe: (?:(full GC)|\/(\w+) pass (\d+)(?: question (\d+))?)$/.exec(line);
  if (mark) {
    if (mark[1]) at = gcStretch;
    else if (mark[2] !== 'ask') at = undefined; // /position's passes: not counted
    else {
      at = byPass[Number(mark[3])] ??= stretch();
      question = mark[4] === undefined ? -1 : Number(mark[4]);
    }
    continue;
  }
  if (!at) continue;
  const found = /<JSFunction ([^ >]*)/.exec(line)?.[1] ?? /<SharedFunctionInfo ?([^>]*)>/.exec(line)?.[1] ?? '?';
  const name = found.startsWith('(') ? '' : found;
  if (/^\[compiling method .*target TURBOFAN/.test(line)) at.compiles++;
  else if (line.startsWith('[bailout')) {
    const reason = /reason: ([^)]*)\)/.exec(line)?.[1] ?? '?';
    const key = `${name || '(anonymous)'}: ${reason}`;
    at.deopts.set(key, (at.deopts.get(key) ?? 0) + 1);
    if (question >= 0) (at.perQuestion.get(question) ?? at.perQuestion.set(question, []).get(question)!).push(name || '(anonymous)');
  } else if (line.includes('for deoptimization, reason: weak objects')) at.dropped.push(name || '(anonymous)');
  else if (/ ms: Mark-Compact/.test(line)) at.fullGCs++;
  else if (/ ms: Scavenge/.test(line)) at.scavenges++;
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join('; ');
process.stdout.write(`/ask on ${corpus}${args.includes('--deterministic') ? ' (--single-threaded: deterministic counts)' : ''}\n`);
process.stdout.write(`full GC after the warm-up: ${gcStretch.fullGCs} collection(s), optimised code thrown away for ${gcStretch.dropped.length} functions: ${[...new Set(gcStretch.dropped)].sort().join(', ')}\n`);
byPass.forEach((s, pass) => {
  process.stdout.write(`pass ${pass}: ${s.compiles} optimising compiles, ${sum(s.deopts)} deoptimisations, ${s.dropped.length} functions' code thrown away, ${s.fullGCs} full / ${s.scavenges} young collections\n`);
  if (s.deopts.size > 0) process.stdout.write(`  deoptimised: ${list(s.deopts)}\n`);
  const worst = [...s.perQuestion].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]).slice(0, top);
  if (worst.length > 0) process.stdout.write(`  questions meeting the most: ${worst.map(([q, fs]) => `#${q} ${fs.length} (${[...new Set(fs)].join(', ')})`).join('; ')}\n`);
});
