/**
 * Sharded start: `--shards 2` runs discord.js's ShardingManager, which starts two shard processes
 * (each a normal gateway bot loading the knowledge cache) against the fake Discord. The shard
 * processes find the fake through DISCORD_API in their environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chatInput, startFakeDiscord, type FakeDiscord } from '../discord/fakeDiscord';
import { markdownArticle, tempKnowledge } from '../fixtures';

let fake: FakeDiscord | undefined;
let proc: ChildProcess | undefined;
const dirs: string[] = [];

afterEach(async () => {
  if (proc && proc.exitCode === null) {
    const exited = new Promise((r) => proc!.once('exit', r));
    proc.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
  proc = undefined;
  await fake?.close();
  fake = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('sharding', () => {
  it('starts 2 shards against the fake Discord, each answering from the cache', { timeout: 120_000 }, async () => {
    fake = await startFakeDiscord();
    const knowledge = tempKnowledge({
      'a.md': markdownArticle({ id: 'a', title: 'Harbour story' }, ['“The ferry timetable changes in March,” said Maria Lopez, the harbour master.']),
    });
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotebook-cache-'));
    dirs.push(knowledge, cacheDir);
    let log = '';
    proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--shards', '2', '--no-watch'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: 'MTIz.fake.token',
        DISCORD_API: fake.api,
        KNOWLEDGE_DIR: knowledge,
        QUOTEBOOK_CACHE_DIR: cacheDir,
        SHARD_SPAWN_DELAY_MS: '200',
        LOG_LEVEL: 'info',
        SHARD_COUNT: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const deadline = Date.now() + 100_000;
    const readyShards = () => new Set([...log.matchAll(/"shard":(\d+),"total":2[^\n]*shard ready/g)].map((m) => m[1]));
    while (readyShards().size < 2 && Date.now() < deadline && proc.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    expect(readyShards(), log).toEqual(new Set(['0', '1']));
    // Both shard processes asked the fake for the gateway; the cache was built once, by the manager.
    expect(fake.requests.filter((r) => r.path === '/api/v10/gateway/bot').length).toBeGreaterThanOrEqual(2);
    expect(readdirSync(cacheDir).some((f) => f.endsWith('.index.bin'))).toBe(true);
    // An interaction reaches the shards (the fake sends it on every socket) and is answered.
    const interaction = chatInput('who-said', { phrase: 'ferry timetable' });
    fake.dispatch(interaction);
    const callback = await fake.nextCallback(interaction.id, 20_000);
    expect(JSON.stringify(callback.body)).toContain('Maria Lopez');
  });
});
