/**
 * "Who said it?" games (`core/quiz.ts`'s `QuizAccess`): a quiz's quotes are picked when it starts
 * (from the server's pool, none repeating until the pool is used up) and stored with their
 * choices and reveal, so closing a round needs only the database: a timer in this process, the
 * last player's answer, or — after a restart, or in another process — the first press after the
 * time is up. The store decides every race (one answer per member and round, one reveal).
 */
import { randomBytes } from 'node:crypto';
import type { SpeakerOverrides } from '../core/corrections';
import { storeCall, UserInputError } from '../core/errors';
import type { Caller } from '../core/library';
import type { AnswerOutcome, QuizAccess, QuizReveal, QuizRound, QuizScore, QuizStartRequest, RoundClosed } from '../core/quiz';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Logger } from '../log';
import type { QuizStore, StoredRound } from '../storage/quizStore';
import { maskQuote } from './mask';
import { buildPool, distractors, shuffle, type QuizQuote } from './pool';

/** A timer the service can cancel; tests pass one they fire by hand. */
export type Schedule = (ms: number, fn: () => void) => { cancel(): void };

export interface QuizServiceDeps {
  /** The library database's quiz tables (`LibraryStore.quiz()`). */
  store: QuizStore;
  now?: () => number;
  /** The random source for picking quotes, choices and their order (seeded in tests). */
  random?: () => number;
  /** Round ids (unguessable by default). */
  newId?: () => string;
  /** Seconds a round stays open. Default 30. */
  roundSeconds?: number;
  /** Closes rounds when their time is up; absent (console, JSON): a late answer closes it instead. */
  schedule?: Schedule;
  /** One player (the console): every round closes on the answer. */
  solo?: boolean;
  logger?: Pick<Logger, 'warn' | 'error'>;
}

/** Said when the database cannot be reached. */
export const QUIZ_DATABASE_DOWN = 'The quiz database is unavailable right now. Answers still work; try /quiz again in a few minutes.';

/** What a round stores besides its row: what players see, and the reveal. */
interface RoundPayload {
  quote: string;
  choices: string[];
  speaker: QuizReveal['speaker'];
  text: string;
  article: QuizReveal['article'];
  paragraph: number;
  corrected: boolean;
}

const MAX_ROUNDS = 10;
/** Longer role strings are the engine's run-on descriptions, not a role worth masking or showing. */
const MAX_ROLE_WORDS = 6;

function shortRole(role: string | undefined): string | undefined {
  return role && role.trim().split(/\s+/).length <= MAX_ROLE_WORDS ? role : undefined;
}

export class QuizService implements QuizAccess<KnowledgeBase> {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly newId: () => string;
  private readonly roundMs: number;
  private readonly timers = new Map<string, { cancel(): void }>();
  private readonly listeners = new Set<(closed: RoundClosed) => void>();

  constructor(private readonly deps: QuizServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.newId = deps.newId ?? (() => randomBytes(12).toString('base64url'));
    this.roundMs = (deps.roundSeconds ?? 30) * 1000;
  }

  /** A store call; a database failure becomes a message a member can read. */
  private db<T>(what: string, call: () => Promise<T>): Promise<T> {
    return storeCall(call, QUIZ_DATABASE_DOWN, { logger: this.deps.logger, failed: 'quiz database call failed', what });
  }

  subscribe(listener: (closed: RoundClosed) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(caller: Caller, request: QuizStartRequest, knowledge: readonly KnowledgeBase[], overrides?: SpeakerOverrides): Promise<QuizRound> {
    const guildId = serverOf(caller);
    const wanted = Math.max(1, Math.min(MAX_ROUNDS, Math.floor(request.rounds)));
    const pool = buildPool(knowledge, overrides);
    let quotes = pool.quotes;
    if (request.article !== undefined) {
      quotes = quotes.filter((q) => q.articleId === request.article);
      if (!quotes.length) {
        const known = knowledge.some((kb) => kb.articles.some((a) => a.id === request.article));
        throw new UserInputError(known ? 'That article has no quotes the quiz can use (direct quotes of named people).' : 'No article with that id here. Pick one from the list (autocomplete) or see /articles.');
      }
    }
    if (!quotes.length) {
      throw new UserInputError("There are no quotes to quiz on yet: the quiz needs direct quotes of named people. Add articles with /library add, or ask a manager to.");
    }
    const store = this.deps.store;
    const used = await this.db('used quotes', () => store.usedQuotes(guildId));
    // Unused quotes first; once they run out the server's pool starts over.
    const fresh = shuffle(quotes.filter((q) => !used.has(q.key)), this.random);
    const rest = shuffle(quotes.filter((q) => used.has(q.key)), this.random);
    const picked: Array<{ quote: QuizQuote; choices: string[]; correct: number }> = [];
    let startedOver = false;
    for (const quote of [...fresh, ...rest]) {
      if (picked.length === wanted) break;
      const others = distractors(quote, pool, this.random);
      if (others.length < 3) continue;
      if (used.has(quote.key) && !startedOver) startedOver = true;
      const choices = shuffle([quote.speaker.name, ...others.map((o) => o.name)], this.random);
      picked.push({ quote, choices, correct: choices.indexOf(quote.speaker.name) });
    }
    if (!picked.length) throw new UserInputError('Too few speakers to make a quiz here: each question needs four different named people. Add more articles with /library add.');
    if (startedOver) await this.db('reset used quotes', () => store.resetUsed(guildId));
    const quizId = this.newId();
    const createdMs = this.now();
    const rounds = picked.map(({ quote, choices, correct }, i) => {
      const role = shortRole(quote.speaker.role);
      const payload: RoundPayload = {
        quote: maskQuote(quote.text, [quote.speaker.name, ...quote.aliases, ...(quote.replaced ? [quote.replaced] : [])], role ? [role] : []),
        choices,
        speaker: { name: quote.speaker.name, ...(role ? { role } : {}), ...(quote.speaker.affiliation ? { affiliation: quote.speaker.affiliation } : {}) },
        text: quote.text,
        article: { id: quote.articleId, title: quote.articleTitle, ...(quote.url ? { url: quote.url } : {}) },
        paragraph: quote.paragraph,
        corrected: quote.corrected,
      };
      return { roundId: this.newId(), number: i + 1, quoteKey: quote.key, payload: JSON.stringify(payload), correct, startsMs: null, endsMs: null };
    });
    await this.db('create quiz', () =>
      store.createQuiz({ quizId, guildId, channelId: request.channelId ?? null, startedBy: caller.userId, createdMs, rounds }),
    );
    const first = await this.open(rounds[0]!.roundId);
    if (!first) throw new Error('a new quiz round could not be opened');
    return first;
  }

  /** Opens a round now and starts its timer; the round as players see it. */
  private async open(roundId: string): Promise<QuizRound | undefined> {
    const store = this.deps.store;
    const startsMs = this.now();
    await this.db('open round', () => store.openRound(roundId, startsMs, startsMs + this.roundMs));
    const round = await this.db('round', () => store.round(roundId));
    if (!round) return undefined;
    if (this.deps.schedule && round.endsMs !== null) {
      const timer = this.deps.schedule(Math.max(0, round.endsMs - this.now()), () => void this.timeUp(roundId));
      this.timers.set(roundId, timer);
    }
    return toRound(round);
  }

  private async timeUp(roundId: string): Promise<void> {
    this.timers.delete(roundId);
    try {
      const closed = await this.close(roundId);
      if (closed) for (const l of this.listeners) l(closed);
    } catch (err) {
      this.deps.logger?.warn({ err, roundId }, 'could not close a quiz round on time');
    }
  }

  /** Reveals a round (once, whoever asks first) and opens the next; undefined when already revealed. */
  private async close(roundId: string): Promise<RoundClosed | undefined> {
    const store = this.deps.store;
    this.timers.get(roundId)?.cancel();
    this.timers.delete(roundId);
    if (!(await this.db('reveal', () => store.reveal(roundId)))) return undefined;
    const round = await this.db('round', () => store.round(roundId));
    if (!round) return undefined;
    const reveal = await this.revealOf(round);
    if (round.number < round.of) {
      const next = await this.db('next round', () => store.roundByNumber(round.quizId, round.number + 1));
      const opened = next ? await this.open(next.roundId) : undefined;
      if (opened) return { reveal, next: opened };
    }
    const final = await this.db('scores', () => store.scores(round.guildId, 25, round.quizId));
    return { reveal, final };
  }

  private async revealOf(round: StoredRound): Promise<QuizReveal> {
    const p = JSON.parse(round.payload) as RoundPayload;
    const answers = await this.db('answers', () => this.deps.store.answers(round.roundId));
    return {
      roundId: round.roundId,
      quizId: round.quizId,
      number: round.number,
      of: round.of,
      answer: round.correct,
      choices: p.choices,
      speaker: p.speaker,
      text: p.text,
      article: p.article,
      paragraph: p.paragraph,
      ...(p.corrected ? { corrected: true } : {}),
      right: answers.filter((a) => a.correct).map((a) => a.userId),
      wrong: answers.filter((a) => !a.correct).map((a) => a.userId),
    };
  }

  async answer(caller: Caller, roundId: string, choice: number): Promise<{ outcome: AnswerOutcome; closed?: RoundClosed }> {
    const guildId = serverOf(caller);
    if (!Number.isInteger(choice) || choice < 0 || choice > 3) throw new UserInputError('Answer with a number from 1 to 4.');
    const store = this.deps.store;
    const round = await this.db('round', () => store.round(roundId));
    if (!round) throw new UserInputError('This quiz round does not exist (an old or altered button). Start a quiz with /quiz play.');
    if (round.guildId !== guildId) throw new UserInputError("That quiz round belongs to another server; it cannot be answered here.");
    // A later round's id before it is shown: only a forged button can name it; never reveal it.
    if (round.startsMs === null && !round.revealed) throw new UserInputError('This quiz round has not started yet.');
    const write = round.revealed ? 'closed' : await this.db('answer', () => store.answer(roundId, caller.userId, choice, this.now()));
    if (write === 'unknown') throw new UserInputError('This quiz round does not exist any more.');
    if (write === 'closed') {
      // Time is up but nobody closed the round yet (a restart lost its timer): close it now.
      const closed = round.revealed ? undefined : await this.close(roundId);
      const reveal = closed?.reveal ?? (await this.revealOf((await this.db('round', () => store.round(roundId))) ?? round));
      return { outcome: { status: 'late', reveal }, ...(closed ? { closed } : {}) };
    }
    const view = toRound(round);
    if (write === 'duplicate') return { outcome: { status: 'duplicate', round: view } };
    const outcome: AnswerOutcome = { status: 'recorded', choice, round: view };
    if (this.deps.solo || (await this.everyoneAnswered(round))) {
      const closed = await this.close(roundId);
      return closed ? { outcome, closed } : { outcome };
    }
    return { outcome };
  }

  /** From the second round on: every member who played this quiz answered this round. */
  private async everyoneAnswered(round: StoredRound): Promise<boolean> {
    if (round.number < 2) return false;
    const [players, answers] = await Promise.all([this.deps.store.players(round.quizId), this.deps.store.answers(round.roundId)]);
    const answered = new Set(answers.map((a) => a.userId));
    return players.every((p) => answered.has(p));
  }

  async openRound(caller: Caller): Promise<QuizRound | undefined> {
    const guildId = serverOf(caller);
    const round = await this.db('open round', () => this.deps.store.latestOpenRound(guildId));
    return round && toRound(round);
  }

  async scores(caller: Caller, limit = 10): Promise<QuizScore[]> {
    const guildId = serverOf(caller);
    return await this.db('scores', () => this.deps.store.scores(guildId, limit));
  }

  /** Stops every timer (shutdown). */
  stop(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }
}

function serverOf(caller: Caller): string {
  if (caller.guildId === null) throw new UserInputError('Quizzes belong to servers: use /quiz in a server, not in a DM.');
  return caller.guildId;
}

function toRound(round: StoredRound): QuizRound {
  const p = JSON.parse(round.payload) as RoundPayload;
  const endsMs = round.endsMs ?? 0;
  return {
    roundId: round.roundId,
    quizId: round.quizId,
    number: round.number,
    of: round.of,
    quote: p.quote,
    choices: p.choices,
    endsAt: new Date(endsMs).toISOString(),
    seconds: Math.max(1, Math.round((endsMs - (round.startsMs ?? endsMs - 1000)) / 1000)),
  };
}

/** The default timer: `setTimeout`, unref'd so a pending round never keeps a process alive. */
export const realSchedule: Schedule = (ms, fn) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return { cancel: () => clearTimeout(t) };
};
