import { defineCommand } from '../src/core/command';
import { searchAnswer } from '../src/answer/search';

export default defineCommand({
  definition: {
    name: 'search',
    description: 'Find passages by words or a phrase (typos are tolerated).',
    answers: true,
    options: [
      { name: 'query', type: 'string', description: 'Words or a phrase to look for', required: true, maxLength: 200 },
      { name: 'article', type: 'string', description: 'Only this article (id)', maxLength: 64, autocomplete: 'article' },
    ],
  },
  handle: ({ query, article }, { kb }) => searchAnswer(kb, query, article),
});
