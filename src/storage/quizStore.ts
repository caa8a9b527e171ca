/**
 * Where "Who said it?" keeps its games (issue #16): the same database as the server's library
 * (migration 2 in `migrations.ts`), one implementation per dialect (`sqliteQuiz.ts`,
 * `postgresQuiz.ts`), one contract test. The store decides the races: one answer per member and
 * round (primary key), an answer only while the round is open (checked in the same transaction
 * that inserts it, against the round row the reveal updates), one reveal per round (a conditional
 * update: of two processes closing it, one wins).
 */

/** A round as stored; `payload` is the quiz layer's JSON (quote, choices, reveal data). */
export interface StoredRound {
  roundId: string;
  quizId: string;
  guildId: string;
  /** 1-based. */
  number: number;
  /** Rounds in the quiz. */
  of: number;
  quoteKey: string;
  payload: string;
  /** 0-based index of the right choice. */
  correct: number;
  /** Epoch ms; null until the round opens. */
  startsMs: number | null;
  endsMs: number | null;
  revealed: boolean;
}

export interface NewQuiz {
  quizId: string;
  guildId: string;
  channelId: string | null;
  startedBy: string;
  createdMs: number;
  rounds: Array<Omit<StoredRound, 'of' | 'guildId' | 'quizId' | 'revealed'>>;
}

export interface StoredAnswer {
  userId: string;
  choice: number;
  correct: boolean;
  atMs: number;
}

/** What `answer` did: stored, or why not. */
export type AnswerWrite = 'recorded' | 'duplicate' | 'closed' | 'unknown';

export interface QuizStore {
  /** Stores a quiz and its rounds and marks their quotes used in the server, in one transaction. */
  createQuiz(quiz: NewQuiz): Promise<void>;
  /** Quote keys the server has had since its pool was last used up. */
  usedQuotes(guildId: string): Promise<Set<string>>;
  /** Forgets the server's used quotes (its pool was used up; a new cycle starts). */
  resetUsed(guildId: string): Promise<void>;
  round(roundId: string): Promise<StoredRound | undefined>;
  roundByNumber(quizId: string, number: number): Promise<StoredRound | undefined>;
  /** Opens a round (sets its times) unless it is already open or revealed; whether this call opened it. */
  openRound(roundId: string, startsMs: number, endsMs: number): Promise<boolean>;
  /** The newest open, unrevealed round of the server (the console answers it). */
  latestOpenRound(guildId: string): Promise<StoredRound | undefined>;
  /** Unrevealed open rounds whose time is up before `nowMs` (closed after a restart). */
  overdueRounds(nowMs: number, limit: number): Promise<StoredRound[]>;
  /**
   * Records one answer atomically: 'recorded'; 'duplicate' when this member already answered the
   * round; 'closed' when the round is revealed, not open yet or past its end at `atMs`; 'unknown'
   * when there is no such round.
   */
  answer(roundId: string, userId: string, choice: number, atMs: number): Promise<AnswerWrite>;
  /** The round's answers, first first. */
  answers(roundId: string): Promise<StoredAnswer[]>;
  /** Members who answered any round of the quiz. */
  players(quizId: string): Promise<string[]>;
  /** Marks the round revealed; true only for the one call that did (later calls: false). */
  reveal(roundId: string): Promise<boolean>;
  /** The server's leaderboard: right answers and answers per member, best first. */
  scores(guildId: string, limit: number, quizId?: string): Promise<Array<{ userId: string; points: number; answered: number }>>;
}
