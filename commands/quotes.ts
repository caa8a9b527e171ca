import { defineCommand } from '../src/core/command';
import { quotesAnswer } from '../src/answer/people';

export default defineCommand({
  definition: {
    name: 'quotes',
    description: 'Everything a person said, in article order (full name or surname).',
    answers: true,
    options: [
      { name: 'speaker', type: 'string', description: 'A name, e.g. Sullivan', required: true, maxLength: 100, autocomplete: 'speaker' },
    ],
  },
  handle: ({ speaker }, { kb }) => quotesAnswer(kb, speaker),
});
