/**
 * What commands and transports see of "Who said it?" (`/quiz`, issue #16): start a quiz, answer a
 * round, read the server's scores, and hear when a round closes. The implementation lives in
 * `src/quiz/` (quote pool, masking, rounds in the database, timers); commands and transports only
 * know this interface, handed in through `CommandContext.quiz`. Refusals a member should read are
 * `UserInputError`s; everything returned is plain data (`QuizRound`, `QuizReveal`, …) that the
 * answer contract (`answer.ts`) carries and every renderer shows.
 */
import type { SpeakerOverrides } from './corrections';
import type { Caller } from './library';

/** One round as players see it: the masked quote and four speakers to choose from. */
export interface QuizRound {
  roundId: string;
  quizId: string;
  /** 1-based, of `of`. */
  number: number;
  of: number;
  /** The quote with its speaker's name, aliases and naming role words masked. */
  quote: string;
  /** Four real speakers' names; one of them said it. */
  choices: string[];
  /** When the round closes (ISO time); later answers do not count. */
  endsAt: string;
  seconds: number;
}

/** A closed round: who said it, the cited excerpt, and who answered what. */
export interface QuizReveal {
  roundId: string;
  quizId: string;
  number: number;
  of: number;
  /** 0-based index of the right choice. */
  answer: number;
  choices: string[];
  speaker: { name: string; role?: string; affiliation?: string };
  /** The quote unmasked, verbatim from the article. */
  text: string;
  article: { id: string; title: string; url?: string };
  paragraph: number;
  /** True when the server's accepted correction named the speaker (`corrections.ts`). */
  corrected?: boolean;
  /** Players (user ids; "console" in the console) who chose right, then those who chose wrong. */
  right: string[];
  wrong: string[];
}

/** One line of a server's leaderboard. */
export interface QuizScore {
  userId: string;
  /** Rounds answered right. */
  points: number;
  answered: number;
}

/** What happened to one answer. */
export type AnswerOutcome =
  | { status: 'recorded'; choice: number; round: QuizRound }
  | { status: 'duplicate'; round: QuizRound }
  | { status: 'late'; reveal: QuizReveal };

/** A round closed (time up, or every player answered), and the next round when there is one. */
export interface RoundClosed {
  reveal: QuizReveal;
  next?: QuizRound;
  /** The quiz's scores after its last round (only when `next` is absent). */
  final?: QuizScore[];
}

export interface QuizStartRequest {
  /** Only quotes from this article (id). */
  article?: string;
  rounds: number;
  /** The channel (or thread) the quiz runs in, when known. */
  channelId?: string;
}

/** `K`: a knowledge base as commands see it (`CommandKnowledge`; a parameter so core/command.ts and this file do not import each other). */
export interface QuizAccess<K = unknown> {
  /**
   * Picks the quiz's quotes from `knowledge` (the bases the server answers from) with the
   * server's corrections, stores its rounds and opens the first.
   */
  start(caller: Caller, request: QuizStartRequest, knowledge: readonly K[], overrides?: SpeakerOverrides): Promise<QuizRound>;
  /**
   * One player's answer (0-based choice) to a round. When it closes the round (every player of
   * the quiz answered, or the caller plays alone), `closed` says what follows.
   */
  answer(caller: Caller, roundId: string, choice: number): Promise<{ outcome: AnswerOutcome; closed?: RoundClosed }>;
  /** The open round of the server's latest quiz (the console's `/quiz answer`), if any. */
  openRound(caller: Caller): Promise<QuizRound | undefined>;
  /** The server's leaderboard, best first. */
  scores(caller: Caller, limit?: number): Promise<QuizScore[]>;
  /** Hears every round this process closes on a timer (Discord edits the quiz message); returns unsubscribe. */
  subscribe(listener: (closed: RoundClosed) => void): () => void;
}
