/** What the `/quiz …` subcommands share: the group, and the quiz plus caller from the context. */
import type { CommandContext } from '../src/core/command';
import { UserInputError } from '../src/core/errors';
import type { Caller } from '../src/core/library';
import type { QuizAccess } from '../src/core/quiz';

/** `/quiz` in Discord: one command with a subcommand per module. */
export const quizGroup = { name: 'quiz', description: '"Who said it?": guess the speaker of a quote; scores per server' } as const;

/** The quiz and who is asking, or a short refusal where there is none (a DM, no database). */
export function quizOf(ctx: CommandContext): { quiz: QuizAccess; caller: Caller } {
  if (!ctx.quiz || !ctx.caller) throw new UserInputError('The quiz is not available in this mode.');
  if (ctx.caller.guildId === null) throw new UserInputError('Quizzes belong to servers: use /quiz in a server, not in a DM.');
  return { quiz: ctx.quiz, caller: ctx.caller };
}
