/**
 * `/ask` and `/position` on one bench corpus, question by question, for profiling and for "same
 * answers" checks across a speed change:
 *
 *   node --single-threaded-gc --expose-gc --import tsx bench/askProbe.ts [--corpus 19k] [--passes 3] [--top 10] [--out answers.jsonl]
 *   node --cpu-prof --cpu-prof-dir /tmp/prof --single-threaded-gc --import tsx bench/askProbe.ts
 *
 * Loads the corpus from its bench cache (built first when missing, in `$BENCH_TMP/cache-<corpus>`),
 * warms up as `bench/worker.ts` does (100 questions of another seed), then asks the bench's own
 * 100 `/ask` questions and 100 `/position` parties `--passes` times. Prints per command p50 / p95 /
 * p99 of the first pass and of each question's fastest pass, wall and CPU, the slowest questions of the first pass,
 * and a SHA-256 over every answer (JSON): equal digests mean equal answers. `--out` writes the
 * answers, one JSON line each.
 *
 * `--marks`: a line on stdout before the full GC that follows the warm-up ("askProbe: full GC") and
 * before each pass and question ("askProbe: /ask pass N question I"), so that V8's own traces (`--trace-opt`,
 * `--trace-deopt`, `--trace-gc`, also on stdout) can be counted pass by pass: `bench/askJit.sh`.
 *
 * `--squad [--data FILE]`: instead, every question of the SQuAD dev sample (`npm run eval:ask`'s, one pass, no
 * warm-up) over its twelve articles, with the same digest of every answer.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { commands } from '../commands/index';
import type { Answer } from '../src/core/answer';
import { runCommand } from '../src/core/run';
import { loadKnowledgeFolder } from '../src/knowledge/folder';
import { BENCH_TMP, corpusDir, type CorpusName } from './corpus';
import { makeQueries } from './queries';
import { DEFAULT_DATA, squadArticles, squadKnowledgeBase } from './squad';
import { flagReader } from './args';

const args = process.argv.slice(2);
const flag = flagReader(args);
const corpus = (flag('--corpus') ?? '19k') as CorpusName;
const passes = Number(flag('--passes') ?? 3);
const top = Number(flag('--top') ?? 10);
const out = flag('--out');
// `--profile <file.cpuprofile>`: a CPU profile of the first /ask pass only (open in Chrome DevTools).
const profile = flag('--profile');
// `--profile-pass N`: profile that pass instead (0 = the first), to set a first pass against a later one.
const profilePass = Number(flag('--profile-pass') ?? 0);
const mark = args.includes('--marks') ? (line: string) => process.stdout.write(`askProbe: ${line}\n`) : () => {};
const gc = (globalThis as { gc?: () => void }).gc;

const squad = args.includes('--squad') ? squadArticles(flag('--data') ?? DEFAULT_DATA, 'all') : undefined;
const { kb } = squad ? await squadKnowledgeBase(squad) : await benchBase(corpus);

async function benchBase(name: CorpusName) {
  const dir = corpusDir(name);
  const cacheDir = join(BENCH_TMP, `cache-${name}`);
  await loadKnowledgeFolder(dir, { cacheDir }); // writes the cache when missing
  return loadKnowledgeFolder(dir, { cacheDir, readOnly: true });
}
const ctx = { kb, isAdmin: false };
const run = (name: string, options: Record<string, string>) => runCommand(commands, name, options, ctx);
const safe = async (f: () => Promise<Answer>) => {
  try {
    return await f();
  } catch (err) {
    return { error: String(err) };
  }
};

// The bench's warm-up (bench/worker.ts): 100 of each kind from seed 43, then a full GC.
const warm = makeQueries(kb, 100, 43);
for (let i = 0; i < (squad ? 0 : 100); i++) {
  const p = warm.phrases[i % warm.phrases.length]!;
  await safe(() => run('who-said', { phrase: p.text }));
  await safe(() => run('search', { query: p.text }));
  const k = warm.keywords[i % warm.keywords.length];
  if (k) await safe(() => run('search', { query: k }));
  const party = warm.parties[i % Math.max(warm.parties.length, 1)];
  if (party) await safe(() => run('position', { party }));
  await safe(() => run('ask', { question: `who said ${p.text}` }));
}
mark('full GC');
gc?.();

const q = makeQueries(kb, 300, 42);
const squadQuestions = (squad ?? []).flatMap((a) => a.paragraphs.flatMap((p) => p.qas.map((x) => x.question)));
const items: Record<string, Array<{ label: string; f: () => Promise<Answer> }>> = squad
  ? { ask: squadQuestions.map((question) => ({ label: question, f: () => run('ask', { question }) })) }
  : {
  ask: q.phrases.slice(0, 100).map((p) => ({ label: `who said ${p.text}`, f: () => run('ask', { question: `who said ${p.text}` }) })),
  position: q.parties.slice(0, 100).map((party) => ({ label: party, f: () => run('position', { party }) })),
    };
const pct = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return `${at(0.5).toFixed(2)} / ${at(0.95).toFixed(2)} / ${at(0.99).toFixed(2)}`;
};
const hash = createHash('sha256');
const lines: string[] = [];
for (const [name, list] of Object.entries(items)) {
  const first: Array<{ ms: number; cpu: number }> = [];
  const best = list.map(() => ({ ms: Infinity, cpu: Infinity }));
  for (let pass = 0; pass < passes; pass++) {
    mark(`/${name} pass ${pass}`);
    const session = profile && name === 'ask' && pass === profilePass ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
    }
    for (const [i, item] of list.entries()) {
      mark(`/${name} pass ${pass} question ${i}`);
      const c = process.cpuUsage();
      const t = performance.now();
      const answer = await safe(item.f);
      const ms = performance.now() - t;
      const d = process.cpuUsage(c);
      const cpu = (d.user + d.system) / 1000;
      if (pass === 0) {
        first.push({ ms, cpu });
        const json = JSON.stringify(answer);
        hash.update(`${name}\t${item.label}\t${json}\n`);
        lines.push(JSON.stringify({ command: name, query: item.label, answer }));
      }
      best[i]!.ms = Math.min(best[i]!.ms, ms);
      best[i]!.cpu = Math.min(best[i]!.cpu, cpu);
    }
    if (session) {
      const { profile: p } = await session.post('Profiler.stop');
      writeFileSync(profile!, JSON.stringify(p));
      session.disconnect();
    }
  }
  process.stdout.write(`/${name} (${list.length} × ${passes} passes) p50 / p95 / p99 ms\n`);
  process.stdout.write(`  first pass wall ${pct(first.map((x) => x.ms))}, CPU ${pct(first.map((x) => x.cpu))}\n`);
  process.stdout.write(`  fastest pass wall ${pct(best.map((x) => x.ms))}, CPU ${pct(best.map((x) => x.cpu))}\n`);
  // The slowest questions of the first pass (what its p99 is made of), with their fastest pass.
  const slow = best.map((b, i) => ({ ...b, first: first[i]!, label: list[i]!.label })).sort((a, b) => b.first.cpu - a.first.cpu).slice(0, top);
  for (const s of slow) process.stdout.write(`  first ${s.first.cpu.toFixed(2)} ms CPU (${s.first.ms.toFixed(2)} wall), fastest ${s.cpu.toFixed(2)} CPU  ${s.label.slice(0, 80)}\n`);
}
process.stdout.write(`answers sha256 ${hash.digest('hex')}\n`);
if (out) writeFileSync(out, `${lines.join('\n')}\n`);
