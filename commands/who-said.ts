import { defineCommand } from '../src/core/command';
import { articleOption } from './shared';
import { whoSaidAnswer } from '../src/answer/whoSaid';

export default defineCommand({
  definition: {
    name: 'who-said',
    description: 'Who said this? Finds a phrase in quotes and statements (typos tolerated).',
    answers: true,
    options: [
      { name: 'phrase', type: 'string', description: 'The words someone said', required: true, maxLength: 300 },
      articleOption,
    ],
  },
  handle: ({ phrase, article }, { kb }) => whoSaidAnswer(kb, phrase, article),
});
