/**
 * The quiz store in the library's SQLite file (`sqliteStore.ts` hands over its connection). Each
 * write that reads first is one `BEGIN IMMEDIATE` transaction, so another process's reveal cannot
 * slip between "is the round open?" and the insert; one answer per member and round is the
 * primary key's job (`INSERT … ON CONFLICT DO NOTHING`).
 */
import type Database from 'better-sqlite3';
import type { AnswerWrite, NewQuiz, QuizStore, StoredAnswer, StoredRound } from './quizStore';

interface RoundRow {
  round_id: string;
  quiz_id: string;
  guild_id: string;
  number: number;
  rounds: number;
  quote_key: string;
  payload: string;
  correct: number;
  starts_ms: number | null;
  ends_ms: number | null;
  revealed: number;
}

const ROUND_SELECT = `SELECT r.round_id, r.quiz_id, r.guild_id, r.number, g.rounds, r.quote_key, r.payload, r.correct, r.starts_ms, r.ends_ms, r.revealed
  FROM quiz_rounds r JOIN quiz_games g ON g.quiz_id = r.quiz_id`;

/** A stored round from a row of either database (PostgreSQL gives BIGINT as text). */
export function toRound(r: RoundRow | Record<string, unknown>): StoredRound {
  const row = r as RoundRow;
  const ms = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    roundId: row.round_id,
    quizId: row.quiz_id,
    guildId: row.guild_id,
    number: Number(row.number),
    of: Number(row.rounds),
    quoteKey: row.quote_key,
    payload: row.payload,
    correct: Number(row.correct),
    startsMs: ms(row.starts_ms),
    endsMs: ms(row.ends_ms),
    revealed: Number(row.revealed) === 1,
  };
}

export class SqliteQuizStore implements QuizStore {
  constructor(
    private readonly db: Database.Database,
    /** The library store's wrapper: driver errors that mean "unusable now" become `LibraryUnavailableError`. */
    private readonly run: <T>(fn: () => T) => Promise<T>,
  ) {}

  createQuiz(quiz: NewQuiz): Promise<void> {
    return this.run(() => {
      this.db
        .transaction(() => {
          this.db
            .prepare('INSERT INTO quiz_games (quiz_id, guild_id, channel_id, started_by, rounds, created_ms) VALUES (?, ?, ?, ?, ?, ?)')
            .run(quiz.quizId, quiz.guildId, quiz.channelId, quiz.startedBy, quiz.rounds.length, quiz.createdMs);
          const round = this.db.prepare(
            'INSERT INTO quiz_rounds (round_id, quiz_id, guild_id, number, quote_key, payload, correct, starts_ms, ends_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          );
          const used = this.db.prepare('INSERT INTO quiz_used (guild_id, quote_key, used_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
          for (const r of quiz.rounds) {
            round.run(r.roundId, quiz.quizId, quiz.guildId, r.number, r.quoteKey, r.payload, r.correct, r.startsMs, r.endsMs);
            used.run(quiz.guildId, r.quoteKey, quiz.createdMs);
          }
        })
        .immediate();
    });
  }

  usedQuotes(guildId: string): Promise<Set<string>> {
    return this.run(() => new Set((this.db.prepare('SELECT quote_key FROM quiz_used WHERE guild_id = ?').all(guildId) as Array<{ quote_key: string }>).map((r) => r.quote_key)));
  }

  resetUsed(guildId: string): Promise<void> {
    return this.run(() => {
      this.db.prepare('DELETE FROM quiz_used WHERE guild_id = ?').run(guildId);
    });
  }

  round(roundId: string): Promise<StoredRound | undefined> {
    return this.run(() => {
      const row = this.db.prepare(`${ROUND_SELECT} WHERE r.round_id = ?`).get(roundId) as RoundRow | undefined;
      return row && toRound(row);
    });
  }

  roundByNumber(quizId: string, number: number): Promise<StoredRound | undefined> {
    return this.run(() => {
      const row = this.db.prepare(`${ROUND_SELECT} WHERE r.quiz_id = ? AND r.number = ?`).get(quizId, number) as RoundRow | undefined;
      return row && toRound(row);
    });
  }

  openRound(roundId: string, startsMs: number, endsMs: number): Promise<boolean> {
    return this.run(
      () =>
        this.db.prepare('UPDATE quiz_rounds SET starts_ms = ?, ends_ms = ? WHERE round_id = ? AND starts_ms IS NULL AND revealed = 0').run(startsMs, endsMs, roundId)
          .changes === 1,
    );
  }

  latestOpenRound(guildId: string): Promise<StoredRound | undefined> {
    return this.run(() => {
      const row = this.db
        .prepare(`${ROUND_SELECT} WHERE r.guild_id = ? AND r.revealed = 0 AND r.starts_ms IS NOT NULL ORDER BY r.starts_ms DESC, r.number DESC LIMIT 1`)
        .get(guildId) as RoundRow | undefined;
      return row && toRound(row);
    });
  }

  overdueRounds(nowMs: number, limit: number): Promise<StoredRound[]> {
    return this.run(() =>
      (this.db.prepare(`${ROUND_SELECT} WHERE r.revealed = 0 AND r.ends_ms IS NOT NULL AND r.ends_ms <= ? ORDER BY r.ends_ms LIMIT ?`).all(nowMs, limit) as RoundRow[]).map(toRound),
    );
  }

  answer(roundId: string, userId: string, choice: number, atMs: number): Promise<AnswerWrite> {
    return this.run(() =>
      this.db
        .transaction((): AnswerWrite => {
          const r = this.db.prepare('SELECT guild_id, correct, starts_ms, ends_ms, revealed FROM quiz_rounds WHERE round_id = ?').get(roundId) as
            | Pick<RoundRow, 'guild_id' | 'correct' | 'starts_ms' | 'ends_ms' | 'revealed'>
            | undefined;
          if (!r) return 'unknown';
          if (r.revealed === 1 || r.starts_ms === null || r.ends_ms === null || atMs >= r.ends_ms) return 'closed';
          const inserted = this.db
            .prepare('INSERT INTO quiz_answers (round_id, guild_id, user_id, choice, correct, at_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
            .run(roundId, r.guild_id, userId, choice, choice === r.correct ? 1 : 0, atMs);
          return inserted.changes === 1 ? 'recorded' : 'duplicate';
        })
        .immediate(),
    );
  }

  answers(roundId: string): Promise<StoredAnswer[]> {
    return this.run(() =>
      (this.db.prepare('SELECT user_id, choice, correct, at_ms FROM quiz_answers WHERE round_id = ? ORDER BY at_ms, user_id').all(roundId) as Array<{ user_id: string; choice: number; correct: number; at_ms: number }>).map(
        (a) => ({ userId: a.user_id, choice: a.choice, correct: a.correct === 1, atMs: a.at_ms }),
      ),
    );
  }

  players(quizId: string): Promise<string[]> {
    return this.run(() =>
      (this.db.prepare('SELECT DISTINCT a.user_id FROM quiz_answers a JOIN quiz_rounds r ON r.round_id = a.round_id WHERE r.quiz_id = ? ORDER BY a.user_id').all(quizId) as Array<{ user_id: string }>).map(
        (r) => r.user_id,
      ),
    );
  }

  reveal(roundId: string): Promise<boolean> {
    return this.run(() => this.db.prepare('UPDATE quiz_rounds SET revealed = 1 WHERE round_id = ? AND revealed = 0').run(roundId).changes === 1);
  }

  scores(guildId: string, limit: number, quizId?: string): Promise<Array<{ userId: string; points: number; answered: number }>> {
    return this.run(() => {
      const rows = (
        quizId
          ? this.db
              .prepare(
                `SELECT a.user_id, SUM(a.correct) AS points, COUNT(*) AS answered FROM quiz_answers a JOIN quiz_rounds r ON r.round_id = a.round_id
                 WHERE a.guild_id = ? AND r.quiz_id = ? GROUP BY a.user_id ORDER BY points DESC, answered ASC, a.user_id LIMIT ?`,
              )
              .all(guildId, quizId, limit)
          : this.db
              .prepare('SELECT user_id, SUM(correct) AS points, COUNT(*) AS answered FROM quiz_answers WHERE guild_id = ? GROUP BY user_id ORDER BY points DESC, answered ASC, user_id LIMIT ?')
              .all(guildId, limit)
      ) as Array<{ user_id: string; points: number; answered: number }>;
      return rows.map((r) => ({ userId: r.user_id, points: Number(r.points), answered: Number(r.answered) }));
    });
  }
}
