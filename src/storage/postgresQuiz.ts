/**
 * The quiz store in the library's PostgreSQL database (`postgresStore.ts` hands over its pool).
 * An answer reads its round `FOR SHARE` in the transaction that inserts it, and a reveal is an
 * `UPDATE` of that row, which waits for such readers: an answer is either in before the reveal
 * reads the answers, or refused as late. One answer per member and round is the primary key's job.
 */
import type pg from 'pg';
import type { AnswerWrite, NewQuiz, QuizStore, StoredAnswer, StoredRound } from './quizStore';
import { toRound } from './sqliteQuiz';

/** How the library store lends its connections: one query, or several in one transaction. */
export interface PgAccess {
  query<R extends pg.QueryResultRow>(text: string, params: unknown[]): Promise<pg.QueryResult<R>>;
  transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T>;
}

const ROUND_SELECT = `SELECT r.round_id, r.quiz_id, r.guild_id, r.number, g.rounds, r.quote_key, r.payload, r.correct, r.starts_ms, r.ends_ms, r.revealed
  FROM quiz_rounds r JOIN quiz_games g ON g.quiz_id = r.quiz_id`;

export class PostgresQuizStore implements QuizStore {
  constructor(private readonly pg: PgAccess) {}

  createQuiz(quiz: NewQuiz): Promise<void> {
    return this.pg.transaction(async (c) => {
      await c.query('INSERT INTO quiz_games (quiz_id, guild_id, channel_id, started_by, rounds, created_ms) VALUES ($1, $2, $3, $4, $5, $6)', [
        quiz.quizId,
        quiz.guildId,
        quiz.channelId,
        quiz.startedBy,
        quiz.rounds.length,
        quiz.createdMs,
      ]);
      for (const r of quiz.rounds) {
        await c.query(
          'INSERT INTO quiz_rounds (round_id, quiz_id, guild_id, number, quote_key, payload, correct, starts_ms, ends_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [r.roundId, quiz.quizId, quiz.guildId, r.number, r.quoteKey, r.payload, r.correct, r.startsMs, r.endsMs],
        );
        await c.query('INSERT INTO quiz_used (guild_id, quote_key, used_ms) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [quiz.guildId, r.quoteKey, quiz.createdMs]);
      }
    });
  }

  async usedQuotes(guildId: string): Promise<Set<string>> {
    const { rows } = await this.pg.query<{ quote_key: string }>('SELECT quote_key FROM quiz_used WHERE guild_id = $1', [guildId]);
    return new Set(rows.map((r) => r.quote_key));
  }

  async resetUsed(guildId: string): Promise<void> {
    await this.pg.query('DELETE FROM quiz_used WHERE guild_id = $1', [guildId]);
  }

  async round(roundId: string): Promise<StoredRound | undefined> {
    const { rows } = await this.pg.query(`${ROUND_SELECT} WHERE r.round_id = $1`, [roundId]);
    return rows[0] && toRound(rows[0]);
  }

  async roundByNumber(quizId: string, number: number): Promise<StoredRound | undefined> {
    const { rows } = await this.pg.query(`${ROUND_SELECT} WHERE r.quiz_id = $1 AND r.number = $2`, [quizId, number]);
    return rows[0] && toRound(rows[0]);
  }

  async openRound(roundId: string, startsMs: number, endsMs: number): Promise<boolean> {
    const r = await this.pg.query('UPDATE quiz_rounds SET starts_ms = $1, ends_ms = $2 WHERE round_id = $3 AND starts_ms IS NULL AND revealed = 0', [startsMs, endsMs, roundId]);
    return r.rowCount === 1;
  }

  async latestOpenRound(guildId: string): Promise<StoredRound | undefined> {
    const { rows } = await this.pg.query(
      `${ROUND_SELECT} WHERE r.guild_id = $1 AND r.revealed = 0 AND r.starts_ms IS NOT NULL ORDER BY r.starts_ms DESC, r.number DESC LIMIT 1`,
      [guildId],
    );
    return rows[0] && toRound(rows[0]);
  }

  async overdueRounds(nowMs: number, limit: number): Promise<StoredRound[]> {
    const { rows } = await this.pg.query(`${ROUND_SELECT} WHERE r.revealed = 0 AND r.ends_ms IS NOT NULL AND r.ends_ms <= $1 ORDER BY r.ends_ms LIMIT $2`, [nowMs, limit]);
    return rows.map(toRound);
  }

  answer(roundId: string, userId: string, choice: number, atMs: number): Promise<AnswerWrite> {
    return this.pg.transaction(async (c): Promise<AnswerWrite> => {
      const { rows } = await c.query<{ guild_id: string; correct: number; starts_ms: string | null; ends_ms: string | null; revealed: number }>(
        'SELECT guild_id, correct, starts_ms, ends_ms, revealed FROM quiz_rounds WHERE round_id = $1 FOR SHARE',
        [roundId],
      );
      const r = rows[0];
      if (!r) return 'unknown';
      if (r.revealed === 1 || r.starts_ms === null || r.ends_ms === null || atMs >= Number(r.ends_ms)) return 'closed';
      const inserted = await c.query(
        'INSERT INTO quiz_answers (round_id, guild_id, user_id, choice, correct, at_ms) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
        [roundId, r.guild_id, userId, choice, choice === r.correct ? 1 : 0, atMs],
      );
      return inserted.rowCount === 1 ? 'recorded' : 'duplicate';
    });
  }

  async answers(roundId: string): Promise<StoredAnswer[]> {
    const { rows } = await this.pg.query<{ user_id: string; choice: number; correct: number; at_ms: string }>(
      'SELECT user_id, choice, correct, at_ms FROM quiz_answers WHERE round_id = $1 ORDER BY at_ms, user_id',
      [roundId],
    );
    return rows.map((a) => ({ userId: a.user_id, choice: a.choice, correct: a.correct === 1, atMs: Number(a.at_ms) }));
  }

  async players(quizId: string): Promise<string[]> {
    const { rows } = await this.pg.query<{ user_id: string }>(
      'SELECT DISTINCT a.user_id FROM quiz_answers a JOIN quiz_rounds r ON r.round_id = a.round_id WHERE r.quiz_id = $1 ORDER BY a.user_id',
      [quizId],
    );
    return rows.map((r) => r.user_id);
  }

  async reveal(roundId: string): Promise<boolean> {
    const r = await this.pg.query('UPDATE quiz_rounds SET revealed = 1 WHERE round_id = $1 AND revealed = 0', [roundId]);
    return r.rowCount === 1;
  }

  async scores(guildId: string, limit: number, quizId?: string): Promise<Array<{ userId: string; points: number; answered: number }>> {
    const { rows } = quizId
      ? await this.pg.query<{ user_id: string; points: string; answered: string }>(
          `SELECT a.user_id, SUM(a.correct) AS points, COUNT(*) AS answered FROM quiz_answers a JOIN quiz_rounds r ON r.round_id = a.round_id
           WHERE a.guild_id = $1 AND r.quiz_id = $2 GROUP BY a.user_id ORDER BY points DESC, answered ASC, a.user_id LIMIT $3`,
          [guildId, quizId, limit],
        )
      : await this.pg.query<{ user_id: string; points: string; answered: string }>(
          'SELECT user_id, SUM(correct) AS points, COUNT(*) AS answered FROM quiz_answers WHERE guild_id = $1 GROUP BY user_id ORDER BY points DESC, answered ASC, user_id LIMIT $2',
          [guildId, limit],
        );
    return rows.map((r) => ({ userId: r.user_id, points: Number(r.points), answered: Number(r.answered) }));
  }
}
