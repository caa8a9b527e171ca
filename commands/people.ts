import { defineCommand } from '../src/core/command';
import { peopleAnswer } from '../src/answer/people';

export default defineCommand({
  definition: {
    name: 'people',
    description: "Who's who: people quoted or described, with role, affiliation and statements.",
    answers: true,
    options: [
      { name: 'article', type: 'string', description: 'Only this article (id)', maxLength: 64, autocomplete: 'article' },
    ],
  },
  handle: ({ article }, { kb }) => peopleAnswer(kb, article),
});
