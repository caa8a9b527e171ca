import { defineCommand } from '../src/core/command';
import { UserInputError } from '../src/core/errors';
import { quizGroup, quizOf } from './quizShared';

export default defineCommand({
  definition: {
    name: 'quiz answer',
    group: quizGroup,
    description: "Answer the current round of this server's quiz by number (the console: just type 1–4)",
    options: [{ name: 'choice', type: 'integer', description: 'The number of the speaker you pick', required: true, min: 1, max: 4 }],
  },
  handle: async ({ choice }, ctx) => {
    const { quiz, caller } = quizOf(ctx);
    const round = await quiz.openRound(caller);
    if (!round) throw new UserInputError('No quiz round is open here. Start one with /quiz play.');
    const { outcome, closed } = await quiz.answer(caller, round.roundId, choice - 1);
    if (outcome.status === 'duplicate') throw new UserInputError('You already answered this round.');
    const reveal = outcome.status === 'late' ? outcome.reveal : closed?.reveal;
    return {
      command: 'quiz answer',
      excerpts: [],
      ...(outcome.status === 'late' ? { notice: "Time was up before your answer, so it didn't count." } : {}),
      quiz: {
        ...(outcome.status === 'recorded' ? { chosen: outcome.choice } : {}),
        ...(reveal ? { reveal } : {}),
        ...(closed?.next ? { round: closed.next } : outcome.status === 'recorded' && !closed ? { round: outcome.round } : {}),
        ...(closed?.final ? { scores: closed.final } : {}),
      },
    };
  },
});
