/**
 * Scale-out for gateway mode: discord.js's `ShardingManager` runs one process per shard, each a
 * normal `src/main.ts` gateway bot that loads the knowledge cache (built once here, before the
 * shards start, so N processes never analyse the same articles N times).
 *
 * `--shards auto` asks Discord (`GET /gateway/bot`, through `DISCORD_API` when set, e.g. a fake
 * Discord in tests) for the recommended count; `--shards N` or `SHARD_COUNT=N` fixes it.
 * `SHARD_LIST=0,1` runs only some shards of `SHARD_COUNT` on this machine (see docs/scaling.md).
 */
import { fileURLToPath } from 'node:url';
import type { ShardingManager } from 'discord.js';
import type { Logger } from '../log';

export interface ShardOptions {
  token: string;
  /** `auto` or a positive integer. */
  shards: string;
  /** REST base without version (DISCORD_API), for `auto`. */
  api?: string;
  /** Arguments for each shard's main.ts (without --shards). */
  args: string[];
  logger: Logger;
  /** Pause between shard starts (Discord allows one IDENTIFY per 5 s per bucket). */
  delayMs?: number;
  /** Which shard ids run here (default: all). */
  shardList?: number[];
}

/** Whether this process is a shard started by the manager (it must not start a manager itself). */
export function isShardChild(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SHARDING_MANAGER) && env.SHARDS !== undefined;
}

/** The `--shards` / `SHARD_COUNT` setting, or undefined for an unsharded bot. */
export function shardSetting(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (isShardChild(env)) return undefined;
  const v = (flag ?? env.SHARD_COUNT)?.trim();
  if (!v) return undefined;
  if (v !== 'auto' && !/^[1-9]\d{0,4}$/.test(v)) throw new Error(`--shards/SHARD_COUNT must be "auto" or a positive number, not "${v}"`);
  return v;
}

async function recommendedShards(token: string, api = 'https://discord.com/api'): Promise<number> {
  const res = await fetch(`${api}/v10/gateway/bot`, { headers: { Authorization: `Bot ${token}` } });
  if (!res.ok) throw new Error(`cannot ask Discord for the shard count (HTTP ${res.status})`);
  const body = (await res.json()) as { shards?: number };
  return Math.max(1, Number(body.shards) || 1);
}

/** Starts the shards and resolves once all have started; `stop()` kills them. */
export async function runShards(options: ShardOptions): Promise<{ manager: ShardingManager; stop: () => Promise<void> }> {
  const total = options.shards === 'auto' ? await recommendedShards(options.token, options.api) : Number(options.shards);
  const file = fileURLToPath(new URL('../main.ts', import.meta.url));
  // Loaded here, not at the top: main.ts imports this module, and discord.js alone is most of a
  // console or JSON-mode start-up (≈0.75 s of CPU on this machine).
  const { ShardingManager: Manager } = await import('discord.js');
  const manager = new Manager(file, {
    token: options.token,
    totalShards: total,
    ...(options.shardList ? { shardList: options.shardList } : {}),
    mode: 'process',
    respawn: true,
    // As `npm start`: one GC thread (see README, "Speed and scale").
    execArgv: ['--single-threaded-gc', '--import', 'tsx'],
    shardArgs: options.args,
  });
  manager.on('shardCreate', (shard) => {
    options.logger.info({ shard: shard.id, total }, 'shard starting');
    shard.on('ready', () => options.logger.info({ shard: shard.id, total }, 'shard ready'));
    shard.on('death', () => options.logger.warn({ shard: shard.id }, 'shard process exited'));
  });
  await manager.spawn({ amount: total, delay: options.delayMs ?? 5500, timeout: 60_000 });
  return {
    manager,
    stop: async () => {
      // kill() detaches the exit handler first, so a stopped shard is not respawned.
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}

/** Removes `--shards X` / `--shards=X` from an argument list (for the shard processes). */
export function withoutShardArgs(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--shards') i++;
    else if (!args[i]!.startsWith('--shards=')) out.push(args[i]!);
  }
  return out;
}
