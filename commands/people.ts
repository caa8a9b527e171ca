import { defineCommand } from '../src/core/command';
import { articleOption } from './shared';
import { peopleAnswer } from '../src/answer/people';

export default defineCommand({
  definition: {
    name: 'people',
    description: "Who's who: people quoted or described, with role, affiliation and statements.",
    answers: true,
    options: [
      articleOption,
    ],
  },
  handle: ({ article }, { kb }) => peopleAnswer(kb, article),
});
