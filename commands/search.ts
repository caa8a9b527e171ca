import { defineCommand } from '../src/core/command';
import { articleOption } from './shared';
import { searchAnswer } from '../src/answer/search';

export default defineCommand({
  definition: {
    name: 'search',
    description: 'Find passages by words or a phrase (typos are tolerated).',
    answers: true,
    options: [
      { name: 'query', type: 'string', description: 'Words or a phrase to look for', required: true, maxLength: 200 },
      articleOption,
    ],
  },
  handle: ({ query, article }, { kb }) => searchAnswer(kb, query, article),
});
