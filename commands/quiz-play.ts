import { defineCommand } from '../src/core/command';
import { quizGroup, quizOf } from './quizShared';

export default defineCommand({
  definition: {
    name: 'quiz play',
    group: quizGroup,
    description: 'Start "Who said it?": a quote with its speaker masked, four names, 30 seconds a round',
    options: [
      { name: 'article', type: 'string', description: 'Only quotes from this article', maxLength: 64, autocomplete: 'article' },
      { name: 'rounds', type: 'integer', description: 'How many rounds (1–10, default 3)', min: 1, max: 10 },
      { name: 'thread', type: 'boolean', description: 'Play in a new thread (Discord)' },
    ],
  },
  handle: async ({ article, rounds }, ctx) => {
    const { quiz, caller } = quizOf(ctx);
    const round = await quiz.start(caller, { rounds: rounds ?? 3, ...(article ? { article } : {}) }, ctx.segments ?? [ctx.kb], ctx.overrides);
    return { command: 'quiz play', excerpts: [], quiz: { round } };
  },
});
