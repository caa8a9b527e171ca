/**
 * The corrections storage contract (issue #16), run on SQLite and on PostgreSQL
 * (`correctionsSqlite.test.ts`, `correctionsPostgres.test.ts`): proposals, decisions that only one
 * manager can win, accepted corrections in decision order, one vote per member per answer, and
 * servers kept apart.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { NewCorrection } from '../../src/storage/correctionStore';
import type { LibraryStore } from '../../src/storage/libraryStore';
import { freshGuild, type StoreHarness } from './libraryStore.contract';

/** A proposal in `guildId`; `n` varies the sentence. */
export function sampleCorrection(guildId: string, n: number, over: Partial<NewCorrection> = {}): NewCorrection {
  return {
    guildId,
    articleId: 'article-1',
    paragraph: 3,
    contentStart: 100 + n,
    contentEnd: 180 + n,
    textHash: `${n}`.padStart(64, 'a'),
    text: `“We will see ${n},” she said.`,
    fromLabel: 'Jake Sullivan',
    toName: 'Moon Chung-in',
    toRole: 'chairman',
    toAffiliation: null,
    toSpeakerId: 'moon-chung-in',
    toSource: 'Moon Chung-in, chairman',
    proposedBy: '123456789012345678',
    proposedAt: '2026-12-01T10:00:00.000Z',
    ...over,
  };
}

export function describeCorrections(name: string, make: () => StoreHarness): void {
  describe(`${name} corrections`, () => {
    const harness = make();
    const open: LibraryStore[] = [];
    const store = async () => {
      const s = await harness.open();
      open.push(s);
      return s;
    };
    afterAll(async () => {
      for (const s of open) await s.close();
      await harness.cleanup();
    });

    it('stores a proposal as pending, lists it in order, and keeps servers apart', async () => {
      const c = (await store()).corrections();
      const g = freshGuild();
      const other = freshGuild();
      const a = await c.propose(sampleCorrection(g, 1));
      const b = await c.propose(sampleCorrection(g, 2, { toName: null, toRole: null, toSpeakerId: null, toSource: 'an unnamed source', text: 'nul\u0000 byte and **markdown** @everyone' }));
      await c.propose(sampleCorrection(other, 3));
      expect(b).toBeGreaterThan(a);
      const pending = await c.pending(g, 10);
      expect(pending.map((p) => p.id)).toEqual([a, b]);
      expect(pending[0]).toMatchObject({ status: 'pending', toName: 'Moon Chung-in', contentStart: 101, decidedBy: null });
      expect(pending[1]).toMatchObject({ toName: null, toSource: 'an unnamed source', text: 'nul byte and **markdown** @everyone' });
      expect(await c.countPending(g)).toBe(2);
      expect(await c.countPending(other)).toBe(1);
      expect(await c.get(other, a)).toBeUndefined();
    });

    it('decides a pending correction once: a second decision, another server or a bad id gets nothing', async () => {
      const c = (await store()).corrections();
      const g = freshGuild();
      const id = await c.propose(sampleCorrection(g, 4));
      expect(await c.decide(freshGuild(), id, true, 'x', '2026-12-01T11:00:00.000Z')).toBeUndefined();
      const [first, second] = await Promise.all([
        c.decide(g, id, true, 'manager-1', '2026-12-01T11:00:00.000Z'),
        c.decide(g, id, false, 'manager-2', '2026-12-01T11:00:01.000Z'),
      ]);
      expect([first, second].filter(Boolean)).toHaveLength(1);
      expect(first).toMatchObject({ status: 'accepted', decidedBy: 'manager-1' });
      expect(await c.decide(g, -1, true, 'x', 'now')).toBeUndefined();
      expect(await c.decide(g, 2 ** 60, true, 'x', 'now')).toBeUndefined();
      expect((await c.accepted(g)).map((r) => r.id)).toEqual([id]);
      expect(await c.countPending(g)).toBe(0);
    });

    it('lists accepted corrections in decision order', async () => {
      const c = (await store()).corrections();
      const g = freshGuild();
      const a = await c.propose(sampleCorrection(g, 5));
      const b = await c.propose(sampleCorrection(g, 6));
      const r = await c.propose(sampleCorrection(g, 7));
      await c.decide(g, b, true, 'm', '2026-12-01T12:00:00.000Z');
      await c.decide(g, a, true, 'm', '2026-12-01T12:00:05.000Z');
      await c.decide(g, r, false, 'm', '2026-12-01T12:00:06.000Z');
      expect((await c.accepted(g)).map((x) => x.id)).toEqual([b, a]);
    });

    it('counts one vote per member per answer; a second press replaces it', async () => {
      const c = (await store()).corrections();
      const g = freshGuild();
      await c.vote(g, 'u1', 'msg-1', 'who-said', true, '2026-12-01T12:00:00.000Z');
      await c.vote(g, 'u1', 'msg-1', 'who-said', false, '2026-12-01T12:00:01.000Z');
      await c.vote(g, 'u2', 'msg-1', 'who-said', true, '2026-12-01T12:00:02.000Z');
      await c.vote(g, 'u2', 'msg-2', 'quotes', true, '2026-12-01T12:00:03.000Z');
      await c.vote(freshGuild(), 'u3', 'msg-1', 'who-said', false, '2026-12-01T12:00:03.000Z');
      expect(await c.feedbackCounts(g)).toEqual([
        { command: 'quotes', up: 1, down: 0 },
        { command: 'who-said', up: 1, down: 1 },
      ]);
    });

    it('keeps corrections across a new connection (restart)', async () => {
      const g = freshGuild();
      const id = await (await store()).corrections().propose(sampleCorrection(g, 8));
      await (await store()).corrections().decide(g, id, true, 'm', '2026-12-01T12:00:00.000Z');
      expect((await (await store()).corrections().accepted(g)).map((r) => r.id)).toEqual([id]);
    });
  });
}
