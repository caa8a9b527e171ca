/**
 * `npm run bench -- --base REF`: the code of another commit, measured in the same run as ours.
 *
 * The commit's files are exported once (`git archive`, no worktree or branch is created) into
 * `$BENCH_TMP/base-<hash>/`, with a link to this checkout's node_modules (the lock file is the
 * same or close; the base runs its own sources, bench worker included). Its workers get their own
 * `BENCH_TMP` (so their cache never mixes with ours) in which each corpus folder links to ours:
 * both read the same files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_TMP, POLNEAR, type CorpusName } from './corpus';

/** Where and how to run the other commit's bench workers. */
export interface Side {
  ref: string;
  commit: string;
  /** The exported sources (the workers' working directory). */
  dir: string;
  /** Its workers' cache code version (its cache apart from ours). */
  codeVersion: string;
  env: Record<string, string>;
  /** Makes the base's corpus folder `name` a link to ours. */
  linkCorpus(name: CorpusName, ours: string): void;
}

function git(args: string[]): string {
  const r = spawnSync('git', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** The sources of `ref`, exported once per commit. */
export function baseCheckout(ref: string): Side {
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  const dir = join(BENCH_TMP, `base-${commit.slice(0, 12)}`);
  const marker = join(dir, '.exported');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const r = spawnSync('sh', ['-c', `git archive --format=tar ${commit} | tar -x -C "${dir}"`], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`could not export ${ref} (${commit})`);
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(marker, commit);
  }
  const tmp = join(BENCH_TMP, `base-${commit.slice(0, 12)}-tmp`);
  mkdirSync(tmp, { recursive: true });
  return {
    ref,
    commit,
    dir,
    codeVersion: `bench-base-${commit.slice(0, 12)}`,
    // POLNEAR: the base's default path is relative to its own folder, which is elsewhere.
    env: { BENCH_TMP: tmp, POLNEAR_DIR: resolve(POLNEAR) },
    linkCorpus(name, ours) {
      if (name === 'seed') return; // the seed is the base's own knowledge/ folder
      const link = join(tmp, `corpus-${name}`);
      rmSync(link, { recursive: true, force: true });
      symlinkSync(resolve(ours), link, 'dir');
    },
  };
}

interface Pct {
  p50: number;
  p95: number;
  p99: number;
}
interface Compared {
  corpus: string;
  round?: number;
  build: { latency: Record<string, Pct | null>; cpu?: Record<string, Pct | null> };
  base?: { ref: string; commit: string; build: { latency: Record<string, Pct | null>; cpu?: Record<string, Pct | null> } };
}

/** The commands whose ratios are printed (others are in the JSON). */
const KEYS = ['ask (question)', 'ask (question), fastest of 3 passes', 'position (party)', 'position (party), fastest of 3 passes', 'who-said (phrase)', 'search (phrase)', 'search (keywords)'];

/** Markdown lines: per command and corpus (and round), ours against the base, wall and CPU, with the ratios. */
export function compareTable(results: readonly Compared[], command: string): string[] {
  const withBase = results.filter((r) => r.base);
  if (withBase.length === 0) return [];
  const { ref, commit } = withBase[0]!.base!;
  const f = (n: number) => n.toFixed(2);
  const ms = (p: Pct | null | undefined) => (p ? `${f(p.p50)} / ${f(p.p95)} / ${f(p.p99)}` : '–');
  const ratio = (a: Pct | null | undefined, b: Pct | null | undefined) => (a && b && b.p50 > 0 && b.p99 > 0 ? `${f(a.p50 / b.p50)} / ${f(a.p99 / b.p99)}` : '–');
  const lines = [
    `Against ${ref} (${commit.slice(0, 12)}), in the same run (\`${command}\`): ms p50 / p95 / p99, ratio ours / base at p50 / p99 (below 1: faster).`,
    '',
    '| command | corpus | ours wall | base wall | ratio wall | ours CPU | base CPU | ratio CPU |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const key of KEYS) {
    for (const r of withBase) {
      const ours = r.build;
      const theirs = r.base!.build;
      if (!ours.latency[key] && !theirs.latency[key]) continue;
      const label = r.round !== undefined && withBase.some((x) => x.corpus === r.corpus && x.round !== r.round) ? `${r.corpus} (round ${r.round})` : r.corpus;
      lines.push(
        `| ${key} | ${label} | ${ms(ours.latency[key])} | ${ms(theirs.latency[key])} | ${ratio(ours.latency[key], theirs.latency[key])} | ${ms(ours.cpu?.[key])} | ${ms(theirs.cpu?.[key])} | ${ratio(ours.cpu?.[key], theirs.cpu?.[key])} |`,
      );
    }
  }
  return lines;
}
