/**
 * The library service on the real SQLite store and the real file importer: permissions, quotas,
 * duplicates, a database that goes away (adds fail with a clear message, answers go on), lazy
 * loading and least-recently-used eviction under the memory budget, and the console's JSON path.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { Caller } from '../../src/core/library';
import { runCommand } from '../../src/core/run';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { DATABASE_DOWN, type LibraryService, type LibraryServiceDeps } from '../../src/library/service';
import type { LibraryStore } from '../../src/storage/libraryStore';
import { runMain } from '../cli/runMain';
import { offlineLibraryService, tempSqliteStore, type TempSqliteStore } from '../support/library';

const manager: Caller = { guildId: '100000000000000001', userId: '200000000000000001', canManageServer: true, roleIds: [] };
const member: Caller = { guildId: '100000000000000001', userId: '200000000000000002', canManageServer: false, roleIds: ['300000000000000001'] };

function html(title: string, quote: string, who: string): Uint8Array {
  return Buffer.from(`<html><head><title>${title}</title></head><body><article><h1>${title}</h1>
<p>The committee met on Monday to discuss the proposal for the third time this year, and members said the vote would come soon.</p>
<p>"${quote}," said ${who}, who chairs the committee. "We have waited long enough for this decision."</p>
<p>The final vote is expected next week, after the public consultation closes and the last objections have been heard.</p>
</article></body></html>`);
}

let dir: string;
let shared: KnowledgeBase;
let store: LibraryStore;
let temp: TempSqliteStore;

beforeAll(async () => {
  temp = await tempSqliteStore('service', 'lib.sqlite');
  ({ dir, store } = temp);
  shared = await loadKnowledgeBase('knowledge');
});

afterAll(() => temp.close());

function service(overrides: Partial<LibraryServiceDeps> = {}): LibraryService {
  return offlineLibraryService(store, () => shared, overrides);
}

describe('LibraryService', () => {
  it('adds for a manager; a member needs the library role; settings change only with Manage Server', async () => {
    const lib = service();
    const file = { kind: 'file' as const, name: 'a.html', bytes: html('Committee nears a decision', 'The bridge will be rebuilt in stone', 'Anna Kovac') };
    await expect(lib.add(member, file)).rejects.toThrow(/Only members with Manage Server/);
    await expect(lib.settings(member, { managerRoleId: member.roleIds[0]! })).rejects.toThrow(/Manage Server/);
    await lib.settings(manager, { managerRoleId: member.roleIds[0]! });
    const added = await lib.add(member, file);
    expect(added.title).toBe('Committee nears a decision');
    expect(added.topSpeakers).toContain('Anna Kovac');
    await expect(lib.add(manager, file)).rejects.toThrow(new RegExp(`Already in this server's library: “Committee nears a decision” \\(${added.articleId}\\)`));
    const segments = await lib.segments(manager.guildId);
    expect(segments).toHaveLength(2);
    expect(segments[0]).toBe(shared);
    expect(segments[1]!.article(added.articleId)?.title).toBe('Committee nears a decision');
    expect(await lib.segments(null)).toEqual([shared]);
  });

  it('enforces the per-member and per-server adds per hour and the article count', async () => {
    const lib = service();
    const guild: Caller = { ...manager, guildId: '100000000000000002' };
    await lib.settings(guild, { addsPerUserPerHour: 1, addsPerHour: 10, maxArticles: 10 });
    await lib.add(guild, { kind: 'file', name: 'b.html', bytes: html('First story', 'Taxes will not rise this year', 'Lena Ortiz') });
    await expect(lib.add(guild, { kind: 'file', name: 'c.html', bytes: html('Second story', 'The school stays open', 'Omar Haddad') })).rejects.toThrow(/limit is 1/);
    await lib.settings(guild, { addsPerUserPerHour: 10, maxArticles: 1 });
    await expect(lib.add(guild, { kind: 'file', name: 'c.html', bytes: html('Second story', 'The school stays open', 'Omar Haddad') })).rejects.toThrow(/library is full/);
  });

  it('database unavailable: adds fail with a clear message, answers from what is loaded go on', async () => {
    const guild: Caller = { ...manager, guildId: '100000000000000003' };
    const lib = service();
    const added = await lib.add(guild, { kind: 'file', name: 'd.html', bytes: html('Loaded story', 'The harbour will be dredged in May', 'Ines Duarte') });
    const broken = new Proxy(store, {
      get: (target, prop) =>
        prop === 'close' ? target.close.bind(target) : async () => {
          throw new Error('SQLITE_CANTOPEN: database is gone');
        },
    });
    // The same loaded bases, now over a dead database.
    (lib as unknown as { deps: { store: LibraryStore } }).deps.store = broken;
    await expect(lib.add(guild, { kind: 'file', name: 'e.html', bytes: html('Other', 'Nothing', 'Nobody Here') })).rejects.toThrow(DATABASE_DOWN);
    const segments = await lib.segments(guild.guildId);
    expect(segments[1]?.article(added.articleId)).toBeDefined();
    const answer = await runCommand(commands, 'who-said', { phrase: 'harbour will be dredged in May' }, { kb: shared, segments, isAdmin: false });
    expect(answer.excerpts[0]?.speaker?.name).toBe('Ines Duarte');
    // A server not loaded yet answers from the shared folder.
    expect(await lib.segments('100000000000000099')).toEqual([shared]);
  });

  it('loads a server lazily and evicts the least recently used beyond the budget', async () => {
    const writer = service();
    const guilds = ['100000000000000011', '100000000000000012', '100000000000000013'];
    for (const [i, g] of guilds.entries()) {
      await writer.add({ ...manager, guildId: g }, { kind: 'file', name: `${i}.html`, bytes: html(`Story ${i}`, `Quote number ${i} is here`, 'Rita Moreno') });
    }
    // Room for two and a half of these (equal-sized) servers, by the service's own estimate.
    const probe = service();
    await probe.segments(guilds[0]!);
    const perServer = probe.memoryStats().bytes;
    const lib = service({ memoryBudgetBytes: Math.floor(2.5 * perServer) });
    expect(lib.memoryStats().servers).toBe(0);
    for (const g of guilds) await lib.segments(g);
    expect(lib.memoryStats().servers).toBe(2);
    expect(lib.loadedSegments(guilds[0]!)).toEqual([shared]);
    expect(lib.loadedSegments(guilds[2]!)).toHaveLength(2);
    expect(await lib.segments(guilds[0]!)).toHaveLength(2);
  });
});

describe('server libraries prepared ahead of use', () => {
  it('starts the prepare step on each server base as it is loaded or changed, and a failing one costs nothing', async () => {
    const guildId = '100000000000000021';
    const prepared: KnowledgeBase[] = [];
    const lib = service({ prepare: (kb) => (prepared.push(kb), Promise.resolve()) });
    await lib.add({ ...manager, guildId }, { kind: 'file', name: 'a.html', bytes: html('Ferry plans', 'The ferry runs twice a day from May', 'Rita Moreno') });
    const [, afterAdd] = await lib.segments(guildId);
    expect(prepared.at(-1)).toBe(afterAdd);
    const fresh = service({ prepare: (kb) => (prepared.push(kb), Promise.resolve()) });
    const [, loaded] = await fresh.segments(guildId);
    expect(prepared.at(-1)).toBe(loaded);
    const failing = service({ prepare: () => Promise.reject(new Error('no memory')) });
    const [, despite] = await failing.segments(guildId);
    const answer = await runCommand(commands, 'who-said', { phrase: 'ferry runs twice a day' }, { kb: despite!, isAdmin: false });
    expect(answer.excerpts.some((e) => e.text.includes('ferry runs twice a day'))).toBe(true);
  });
});

describe('the console and JSON mode act as one server', () => {
  it('/library add file:<path>, then /who-said finds it, /library list shows it, /library remove drops it', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(page, html('Console story', 'The ferry will run every hour', 'Jonas Berg'));
    // runMain passes this process's environment on.
    const before = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `sqlite:${join(dir, 'console.sqlite')}`;
    try {
    const add = await runMain(['--json', '--no-watch', `/library add file:${page}`]);
    const added = JSON.parse(add.stdout) as { added: { articleId: string } };
    expect(added.added.articleId).toMatch(/^console-story-/);
    const found = await runMain(['--json', '--no-watch', '/who-said phrase:ferry will run every hour']);
    expect(JSON.parse(found.stdout).excerpts[0].speaker.name).toBe('Jonas Berg');
    const list = JSON.parse((await runMain(['--json', '--no-watch', '/library list'])).stdout) as { articles: Array<{ id: string; addedBy: string }> };
    expect(list.articles).toEqual([expect.objectContaining({ id: added.added.articleId, addedBy: 'console' })]);
    await runMain(['--json', '--no-watch', `/library remove article:${added.added.articleId}`]);
    const gone = await runMain(['--json', '--no-watch', '/who-said phrase:ferry will run every hour']);
    expect(JSON.stringify(JSON.parse(gone.stdout).excerpts)).not.toContain('Jonas Berg');
    } finally {
      if (before === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = before;
    }
  }, 120_000);
});
