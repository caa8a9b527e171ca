import { defineCommand } from '../src/core/command';
import { articleOption } from './shared';
import { askAnswer } from '../src/answer/ask';

export default defineCommand({
  definition: {
    name: 'ask',
    description: 'Ask a question about the articles; get the sentences that answer it, with who said them.',
    answers: true,
    options: [
      { name: 'question', type: 'string', description: 'Your question, in plain words', required: true, maxLength: 300 },
      articleOption,
    ],
  },
  handle: ({ question, article }, { kb }) => askAnswer(kb, question, article),
});
