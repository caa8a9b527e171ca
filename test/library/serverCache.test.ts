/**
 * A server's built library kept in the store (`library/serverCache.ts`): a cold server loads from it
 * without reading one analysis or parsing one document, answers exactly as a server built from its
 * documents, and the value follows every add and remove (its key is the articles' contents), also
 * when it is corrupt or another process changed the library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { Caller } from '../../src/core/library';
import { runCommand } from '../../src/core/run';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { LibraryService, LibraryServiceDeps } from '../../src/library/service';
import { decodeServerCache, encodeServerCache } from '../../src/library/serverCache';
import type { LibraryStore } from '../../src/storage/libraryStore';
import { offlineLibraryService, tempSqliteStore, type TempSqliteStore } from '../support/library';

const GUILD = '100000000000000041';
const guild: Caller = { guildId: GUILD, userId: '200000000000000001', canManageServer: true, roleIds: [] };

function page(title: string, quote: string, who: string): Uint8Array {
  return Buffer.from(`<html><head><title>${title}</title></head><body><article><h1>${title}</h1>
<p>The council met on Tuesday to weigh the plan for the harbour, and several members said a vote would follow within weeks.</p>
<p>"${quote}," said ${who}, who leads the council's planning group. "Nobody wants another year of delay."</p>
<p>Residents will be heard at a public meeting first, and the council will publish its answers to every objection.</p>
</article></body></html>`);
}

let shared: KnowledgeBase;
let store: LibraryStore;
let temp: TempSqliteStore;

beforeAll(async () => {
  temp = await tempSqliteStore('servercache', 'lib.sqlite');
  store = temp.store;
  shared = await loadKnowledgeBase('knowledge');
});

afterAll(() => temp.close());

/** The store, counting analysis-cache reads (each means an article was not taken from the server's value). */
function counting(): { store: LibraryStore; reads: () => number } {
  let reads = 0;
  const wrapped = new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === 'cacheGet') return (key: string) => (reads++, target.cacheGet(key));
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: wrapped, reads: () => reads };
}

function service(over: Partial<LibraryServiceDeps> = {}): LibraryService {
  return offlineLibraryService(store, () => shared, over);
}

async function answers(lib: LibraryService): Promise<string> {
  const segments = await lib.segments(guild.guildId);
  const out = [];
  for (const [name, options] of [
    ['search', { query: 'harbour plan vote' }],
    ['who-said', { phrase: 'another year of delay' }],
    ['quotes', { speaker: 'Marta Silva' }],
    ['people', {}],
  ] as const) {
    out.push(await runCommand(commands, name, options, { kb: shared, segments, isAdmin: false }));
  }
  return JSON.stringify(out);
}

describe('server cache', () => {
  it('a cold server loads from its stored built library, answering exactly as one built from its documents', async () => {
    const writer = service();
    await writer.add(guild, { kind: 'file', name: 'a.html', bytes: page('Harbour plan goes to a vote', 'The harbour plan is ready for a vote', 'Marta Silva') });
    await writer.add(guild, { kind: 'file', name: 'b.html', bytes: page('Council delays the harbour', 'We need one more month', 'Tomas Berg') });

    const cold = counting();
    const fromCache = service({ store: cold.store });
    const cachedAnswers = await answers(fromCache);
    expect(cold.reads(), 'analyses came from the server value, not one read per article').toBe(0);
    expect(cachedAnswers).toContain('Marta Silva');

    const plain = counting();
    const fromDocuments = service({ store: plain.store, serverCache: false });
    expect(await answers(fromDocuments)).toBe(cachedAnswers);
    expect(plain.reads()).toBeGreaterThan(0);
  });

  it('follows adds and removes, by this process or another, and ignores a corrupt value', async () => {
    const a = service();
    const b = service();
    const added = await a.add(guild, { kind: 'file', name: 'c.html', bytes: page('Ferry timetable changes', 'The ferry will run every hour', 'Ida Lund') });
    // b never saw the add: its cold load finds the value a stored for the new set of articles.
    const cold = counting();
    const c = service({ store: cold.store });
    expect((await c.segments(guild.guildId))[1]!.article(added.articleId)).toBeDefined();
    expect(cold.reads()).toBe(0);
    await b.remove(guild, added.articleId, 'remove');
    const afterRemove = counting();
    const d = service({ store: afterRemove.store });
    expect((await d.segments(guild.guildId))[1]!.article(added.articleId)).toBeUndefined();
    expect(afterRemove.reads()).toBe(0);

    // A value that cannot be read is a miss: the server is built from its documents and answers.
    const entry = (await store.serverCacheGet(GUILD))!;
    await store.serverCachePut(GUILD, entry.key, entry.value.subarray(0, 40));
    const rebuilt = counting();
    const e = service({ store: rebuilt.store });
    expect(await answers(e)).toContain('Marta Silva');
    expect(rebuilt.reads()).toBeGreaterThan(0);
    // …and the rebuilt value replaced it.
    expect(decodeServerCache((await store.serverCacheGet(GUILD))!.value)).not.toBeNull();
  });

  it('round-trips a value', () => {
    expect(decodeServerCache(new Uint8Array([1, 2]))).toBeNull();
    expect(decodeServerCache(encodeServerCache({ articles: [], analyses: new Map([['k', '{}']]), index: new Uint8Array([9, 8]) }))).toEqual({
      articles: [],
      analyses: new Map([['k', '{}']]),
      index: Buffer.from([9, 8]),
    });
  });
});
