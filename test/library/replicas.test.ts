/**
 * Several processes on one library database (replicas, shards): two services, each with its own
 * connection, on a SQLite file and (with `TEST_DATABASE_URL`) on PostgreSQL. When one adds or
 * removes, the other's next answer sees it; two adds at a quota's limit, one through each service,
 * never both pass (the database checks the count with the write).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { Caller } from '../../src/core/library';
import { runCommand } from '../../src/core/run';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { LibraryService } from '../../src/library/service';
import type { LibraryStore } from '../../src/storage/libraryStore';
import { postgresTestStore, TEST_DATABASE_URL } from '../storage/postgresSchema';
import { offlineLibraryService, sqliteTestStore } from '../support/library';

function page(title: string, quote: string, who: string): Uint8Array {
  return Buffer.from(`<html><head><title>${title}</title></head><body><article><h1>${title}</h1>
<p>The regional assembly sat late on Thursday to settle the question of the new rail link, and members said a decision was close.</p>
<p>"${quote}," said ${who}, who speaks for the transport committee. "The timetable depends on it."</p>
<p>A final reading is planned for next month, once the assembly's lawyers have checked the wording of every clause.</p>
</article></body></html>`);
}

let counter = 0;
const freshGuild = () => `1${Date.now()}${String(counter++).padStart(3, '0')}`.slice(0, 18);
const caller = (guildId: string, userId = '200000000000000001'): Caller => ({ guildId, userId, canManageServer: true, roleIds: [] });

function describeReplicas(name: string, harness: { open(): Promise<LibraryStore>; cleanup(): Promise<void> }): void {
  describe(`two services on one ${name} database`, () => {
    let shared: KnowledgeBase;
    const stores: LibraryStore[] = [];
    const service = async () => {
      const store = await harness.open();
      stores.push(store);
      // Ask the store before every query, so the test needs no clock.
      return offlineLibraryService(store, () => shared, { refreshMs: 0 });
    };
    beforeAll(async () => {
      shared = await loadKnowledgeBase('knowledge');
    });
    afterAll(async () => {
      for (const s of stores) await s.close();
      await harness.cleanup();
    });

    /** The speakers /who-said names for a phrase in that server. */
    async function speakersOf(lib: LibraryService, guildId: string, phrase: string): Promise<string[]> {
      const segments = await lib.segments(guildId);
      const answer = await runCommand(commands, 'who-said', { phrase }, { kb: shared, segments, isAdmin: false });
      return answer.excerpts.map((e) => e.speaker?.name ?? '');
    }

    it('an add or a removal through one service is seen by the other at its next query', async () => {
      const [a, b] = [await service(), await service()];
      const g = freshGuild();
      const phrase = 'the rail link will open in two thousand and thirty';
      expect(await speakersOf(a, g, phrase)).not.toContain('Greta Holm');
      const added = await b.add(caller(g), { kind: 'file', name: 'rail.html', bytes: page('Rail link decision near', 'The rail link will open in two thousand and thirty', 'Greta Holm') });
      expect(await speakersOf(a, g, phrase)).toContain('Greta Holm');
      await b.remove(caller(g), added.articleId, 'remove');
      expect(await speakersOf(a, g, phrase)).not.toContain('Greta Holm');
      // …and the other way round: a's add reaches b, whose loaded library was the empty one.
      await a.add(caller(g), { kind: 'file', name: 'rail2.html', bytes: page('Rail link approved', 'The first trains will run in the spring', 'Jonas Lind') });
      expect(await speakersOf(b, g, 'the first trains will run in the spring')).toContain('Jonas Lind');
    });

    it('two adds at the article limit, one through each service at once: exactly one is stored', async () => {
      const [a, b] = [await service(), await service()];
      for (let round = 0; round < 3; round++) {
        const g = freshGuild();
        await a.settings(caller(g), { maxArticles: 1 });
        const results = await Promise.allSettled([
          a.add(caller(g, '200000000000000001'), { kind: 'file', name: 'x.html', bytes: page(`Story X ${round}`, 'Fares will stay the same next year', 'Nora Vik') }),
          b.add(caller(g, '200000000000000002'), { kind: 'file', name: 'y.html', bytes: page(`Story Y ${round}`, 'More buses will run at night', 'Emil Dahl') }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const refused = results.find((r) => r.status === 'rejected');
        expect(String(refused?.reason)).toMatch(/library is full \(1 articles\)/);
        expect((await a.list(caller(g))).length).toBe(1);
      }
    });

    it('two adds by one member at the hourly limit, one through each service at once: exactly one passes', async () => {
      const [a, b] = [await service(), await service()];
      const g = freshGuild();
      await a.settings(caller(g), { addsPerUserPerHour: 1 });
      const results = await Promise.allSettled([
        a.add(caller(g), { kind: 'file', name: 'p.html', bytes: page('Story P', 'Tickets will be cheaper for students', 'Lea Berg') }),
        b.add(caller(g), { kind: 'file', name: 'q.html', bytes: page('Story Q', 'The station will be rebuilt', 'Ole Sand') }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(String(results.find((r) => r.status === 'rejected')?.reason)).toMatch(/limit is 1/);
    });
  });
}

describeReplicas('SQLite', sqliteTestStore('replicas', 'lib.sqlite'));

const url = TEST_DATABASE_URL;
if (url) describeReplicas('PostgreSQL', postgresTestStore(url, 'qb_replicas'));
