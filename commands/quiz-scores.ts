import { defineCommand } from '../src/core/command';
import { quizGroup, quizOf } from './quizShared';

export default defineCommand({
  definition: {
    name: 'quiz scores',
    group: quizGroup,
    description: "This server's quiz leaderboard: right answers per member",
    options: [],
  },
  handle: async (_options, ctx) => {
    const { quiz, caller } = quizOf(ctx);
    const scores = await quiz.scores(caller, 10);
    return {
      command: 'quiz scores',
      excerpts: [],
      quiz: { scores },
      ...(scores.length ? {} : { notice: 'No quiz answers in this server yet. Start one with /quiz play.' }),
    };
  },
});
