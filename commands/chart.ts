import { defineCommand } from '../src/core/command';
import { chartAnswer } from '../src/answer/chart';
import { articleOption } from './shared';

export default defineCommand({
  definition: {
    name: 'chart',
    description: 'A chart: who is quoted most (speakers), voices by party (parties), statements over time (articles).',
    answers: true,
    options: [
      { name: 'of', type: 'string', description: 'speakers, parties or articles (default speakers)', maxLength: 20 },
      articleOption,
    ],
  },
  handle: ({ of, article }, { kb }) => chartAnswer(kb, of, article),
});
