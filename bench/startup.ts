/**
 * `npx tsx bench/startup.ts [--runs 7] [--knowledge DIR]`: how long a production start takes, for
 * each way of running the TypeScript sources (issue #11: "measure start-up both ways"):
 *
 * - `tsx, warm`: `node --single-threaded-gc --import tsx src/main.ts` (what `npm start` runs), with
 *   tsx's transform cache already filled by an earlier start;
 * - `tsx, cold`: the same with an empty transform cache (a fresh `TMPDIR` each run: a new machine,
 *   container or tmp cleanup), so every source file is compiled by esbuild before it runs;
 * - `bundle`: JavaScript built by esbuild (`--bundle --splitting --packages=external`: our code in one
 *   file plus a chunk per lazily imported transport, the packages stay in node_modules), run by
 *   plain `node --single-threaded-gc` — the "real build" alternative. (A
 *   plain `tsc` build is not an option as the code stands: the sources import `./x` without an
 *   extension, which Node's ESM loader rejects in tsc's output; see README, "Production start".)
 * - `npm start`: the warm tsx start through npm, as the README tells people to run it.
 *
 * Each start is measured from spawn to (a) the first JSON answer to `/search query:armistice`
 * (process exit, answer checked) and (b) the console prompt. The knowledge cache is warm (built
 * once before), as on every start but the first. Runs interleave the variants so machine load
 * hits all alike; prints wall-time min / median / max in ms, and the median CPU time (user + sys
 * of the process and its children, from bash's `times`), which a loaded machine inflates less.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { flagReader } from './args';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = flagReader(args);
const RUNS = Number(flag('--runs') ?? 7);
const KNOWLEDGE = resolve(flag('--knowledge') ?? join(ROOT, 'knowledge'));
const QUERY = '/search query:armistice';

const scratch = mkdtempSync(join(tmpdir(), 'quotebook-startup-'));
const cacheDir = join(scratch, 'kb-cache');
// Inside the repository, so the bundle's bare imports (discord.js, zod, …) resolve from node_modules.
const bundleDir = join(ROOT, '.cache', 'startup-bench');
mkdirSync(bundleDir, { recursive: true });
const bundle = join(bundleDir, 'main.js');

const baseEnv: NodeJS.ProcessEnv = { ...process.env, QUOTEBOOK_CACHE_DIR: cacheDir, KNOWLEDGE_DIR: KNOWLEDGE, LOG_LEVEL: 'error' };
delete baseEnv.DISCORD_TOKEN;
delete baseEnv.QUOTEBOOK_CACHE_CODE_VERSION;

interface Variant {
  name: string;
  command: string;
  args: string[];
  env?: () => NodeJS.ProcessEnv;
  /** JSON-mode start only (npm adds its own output around an interactive console). */
  jsonOnly?: boolean;
}

const node = process.execPath;
const variants: Variant[] = [
  { name: 'tsx, warm transform cache', command: node, args: ['--single-threaded-gc', '--import', 'tsx', 'src/main.ts'] },
  {
    name: 'tsx, cold transform cache',
    command: node,
    args: ['--single-threaded-gc', '--import', 'tsx', 'src/main.ts'],
    env: () => ({ ...baseEnv, TMPDIR: mkdtempSync(join(scratch, 'tmp-')) }),
  },
  { name: 'esbuild bundle, plain node', command: node, args: ['--single-threaded-gc', bundle] },
  { name: 'npm start (tsx, warm)', command: 'npm', args: ['start', '--silent', '--'], jsonOnly: true },
];

interface Timing {
  wall: number;
  cpu: number;
}

/** Runs the command under bash, whose `times` then prints the CPU time its children used. */
function spawnTimed(v: Variant, extra: string[]) {
  return spawn('bash', ['-c', '"$@"; status=$?; times; exit $status', 'bash', v.command, ...v.args, ...extra], {
    cwd: ROOT,
    env: v.env?.() ?? baseEnv,
    stdio: 'pipe',
  });
}

/** CPU seconds of the children from the last line of `times` ("0m1.234s 0m0.100s"), in ms. */
function cpuMs(out: string): number {
  const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(out);
  if (!m) throw new Error(`no times output in ${out.slice(-200)}`);
  return (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000;
}

/** From spawn until the process has answered one JSON line and exited. */
function timeJson(v: Variant): Promise<Timing> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawnTimed(v, ['--json', QUERY]);
    child.stdin.end();
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const wall = performance.now() - t0;
      try {
        const line = out.split('\n').find((l) => l.startsWith('{')) ?? '';
        const answer = JSON.parse(line) as { command?: string; excerpts?: unknown[] };
        if (code !== 0 || answer.command !== 'search' || !answer.excerpts?.length) throw new Error('no answer');
        done({ wall, cpu: cpuMs(out) });
      } catch {
        fail(new Error(`${v.name}: exit ${code}, stdout ${out.slice(0, 200)}, stderr ${err.slice(0, 400)}`));
      }
    });
  });
}

/**
 * From spawn until the console prints its prompt (then stdin is closed and it exits; the CPU time
 * includes that short shutdown).
 */
function timePrompt(v: Variant): Promise<Timing> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawnTimed(v, []);
    let out = '';
    let err = '';
    let ms: number | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (ms === undefined && out.includes('quotebook> ')) {
        ms = performance.now() - t0;
        child.stdin.end();
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (ms !== undefined ? done({ wall: ms, cpu: cpuMs(out) }) : fail(new Error(`${v.name}: exit ${code} before the prompt; ${err.slice(0, 400)}`))));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const f = (x: number) => x.toFixed(0).padStart(5);
const stats = (ts: Timing[]) => {
  if (!ts.length) return '    –     –     – |     –';
  const wall = ts.map((t) => t.wall).sort((a, b) => a - b);
  return `${f(wall[0]!)} ${f(median(wall))} ${f(wall.at(-1)!)} | ${f(median(ts.map((t) => t.cpu)))}`;
};

async function main(): Promise<void> {
  const t0 = performance.now();
  // splitting: the Discord transports stay separate chunks, loaded only in Discord modes, as they are from source.
  await build({
    entryPoints: [join(ROOT, 'src/main.ts')],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: bundleDir,
    outExtension: { '.js': '.js' },
    logLevel: 'error',
  });
  writeFileSync(join(bundleDir, 'package.json'), '{"type": "module"}\n');
  console.log(`esbuild bundle: ${(performance.now() - t0).toFixed(0)} ms to build ${bundle}`);
  // Fill the knowledge cache and tsx's transform cache once; not measured.
  await timeJson(variants[0]!);

  const json = new Map<string, Timing[]>(variants.map((v) => [v.name, []]));
  const prompt = new Map<string, Timing[]>(variants.map((v) => [v.name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const v of variants) json.get(v.name)!.push(await timeJson(v));
    for (const v of variants) if (!v.jsonOnly) prompt.get(v.name)!.push(await timePrompt(v));
  }
  console.log(`\nstart-up, ${RUNS} runs each, knowledge ${KNOWLEDGE} (cache warm), Node ${process.version}`);
  console.log(`${''.padEnd(30)} | first JSON answer, wall ms | CPU ms | console prompt, wall ms | CPU ms`);
  console.log(`${'variant'.padEnd(30)} |            min   med   max |    med |              min   med   max |    med`);
  for (const v of variants) {
    console.log(`${v.name.padEnd(30)} |          ${stats(json.get(v.name)!)} |            ${stats(prompt.get(v.name)!)}`);
  }
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (${cpus().length} cores)`);
}

try {
  await main();
} finally {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
}
