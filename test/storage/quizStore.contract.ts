/**
 * The quiz store's contract (`storage/quizStore.ts`), run on SQLite (`quizSqlite.test.ts`) and on a
 * real PostgreSQL when `TEST_DATABASE_URL` is set (`quizPostgres.test.ts`): rounds open once,
 * answers count once per member and round (even when pressed at the same time), only while the
 * round is open, a round is revealed once, and scores are sums of the answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../src/storage/libraryStore';
import type { QuizStore } from '../../src/storage/quizStore';
import { freshGuild } from './libraryStore.contract';

export interface QuizHarness {
  open(): Promise<LibraryStore>;
  cleanup(): Promise<void>;
}

let n = 0;
function id(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${(n++).toString(36)}`.padEnd(12, 'x');
}

/** A quiz of `rounds` rounds in `guildId`; round i's right answer is i % 4. */
async function newQuiz(store: QuizStore, guildId: string, rounds = 2): Promise<{ quizId: string; roundIds: string[] }> {
  const quizId = id('quiz');
  const roundIds = Array.from({ length: rounds }, () => id('round'));
  await store.createQuiz({
    quizId,
    guildId,
    channelId: null,
    startedBy: 'u-start',
    createdMs: 1_000,
    rounds: roundIds.map((roundId, i) => ({ roundId, number: i + 1, quoteKey: `${quizId}-q${i}`, payload: '{"quote":"x"}', correct: i % 4, startsMs: null, endsMs: null })),
  });
  return { quizId, roundIds };
}

export function describeQuizStore(name: string, harness: () => QuizHarness): void {
  describe(`quiz store on ${name}`, () => {
    const h = harness();
    let library: LibraryStore;
    let store: QuizStore;
    beforeAll(async () => {
      library = await h.open();
      store = library.quiz();
    });
    afterAll(async () => {
      await library?.close();
      await h.cleanup();
    });

    it('stores a quiz, marks its quotes used, opens a round once', async () => {
      const guild = freshGuild();
      const { quizId, roundIds } = await newQuiz(store, guild);
      expect(await store.usedQuotes(guild)).toEqual(new Set([`${quizId}-q0`, `${quizId}-q1`]));
      expect(await store.usedQuotes(freshGuild())).toEqual(new Set());
      expect(await store.openRound(roundIds[0]!, 10_000, 40_000)).toBe(true);
      expect(await store.openRound(roundIds[0]!, 20_000, 50_000)).toBe(false);
      const round = await store.round(roundIds[0]!);
      expect(round).toMatchObject({ quizId, guildId: guild, number: 1, of: 2, correct: 0, startsMs: 10_000, endsMs: 40_000, revealed: false });
      expect((await store.roundByNumber(quizId, 2))?.roundId).toBe(roundIds[1]);
      expect((await store.latestOpenRound(guild))?.roundId).toBe(roundIds[0]);
      expect(await store.round('no-such-round')).toBeUndefined();
      await store.resetUsed(guild);
      expect(await store.usedQuotes(guild)).toEqual(new Set());
    });

    it('one answer per member and round, even pressed at once; only while the round is open', async () => {
      const guild = freshGuild();
      const { quizId, roundIds } = await newQuiz(store, guild);
      const [r1, r2] = roundIds as [string, string];
      expect(await store.answer(r1, 'a', 0, 5_000)).toBe('closed'); // not open yet
      await store.openRound(r1, 10_000, 40_000);
      const both = await Promise.all([store.answer(r1, 'a', 0, 11_000), store.answer(r1, 'a', 1, 11_000), store.answer(r1, 'b', 2, 11_000)]);
      expect(both.filter((w) => w === 'recorded')).toHaveLength(2);
      expect(both.filter((w) => w === 'duplicate')).toHaveLength(1);
      expect(await store.answer(r1, 'c', 0, 40_000)).toBe('closed'); // time is up
      expect(await store.answer('no-such-round', 'c', 0, 11_000)).toBe('unknown');
      expect(await store.players(quizId)).toEqual(['a', 'b']);
      expect((await store.answers(r1)).map((a) => a.userId).sort()).toEqual(['a', 'b']);
      // Revealed once; then closed to answers.
      const reveals = await Promise.all([store.reveal(r1), store.reveal(r1)]);
      expect(reveals.sort()).toEqual([false, true]);
      expect(await store.answer(r1, 'd', 0, 12_000)).toBe('closed');
      await store.openRound(r2, 41_000, 71_000);
      await store.answer(r2, 'a', 1, 42_000); // right (round 2's answer is 1)
      await store.answer(r2, 'b', 3, 42_000);
      expect(await store.scores(guild, 10)).toEqual([
        { userId: 'a', points: 2, answered: 2 },
        { userId: 'b', points: 0, answered: 2 },
      ]);
      expect(await store.scores(guild, 10, quizId)).toHaveLength(2);
      expect(await store.scores(freshGuild(), 10)).toEqual([]);
    });

    it('finds rounds whose time is up but nobody closed', async () => {
      const guild = freshGuild();
      const { roundIds } = await newQuiz(store, guild, 1);
      await store.openRound(roundIds[0]!, 100, 200);
      expect((await store.overdueRounds(300, 1000)).map((r) => r.roundId)).toContain(roundIds[0]);
      await store.reveal(roundIds[0]!);
      expect((await store.overdueRounds(300, 1000)).map((r) => r.roundId)).not.toContain(roundIds[0]);
    });

    it('scores survive a new connection', async () => {
      const guild = freshGuild();
      const { roundIds } = await newQuiz(store, guild, 1);
      await store.openRound(roundIds[0]!, 100, 10_000);
      await store.answer(roundIds[0]!, 'a', 0, 200);
      const again = await h.open();
      try {
        expect(await again.quiz().scores(guild, 10)).toEqual([{ userId: 'a', points: 1, answered: 1 }]);
      } finally {
        await again.close();
      }
    });
  });
}
