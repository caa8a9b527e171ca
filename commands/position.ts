import { defineCommand } from '../src/core/command';
import { articleOption } from './shared';
import { positionAnswer } from '../src/answer/position';

export default defineCommand({
  definition: {
    name: 'position',
    description: "What a country or organisation wants or thinks, from its own people, reports and others' claims.",
    answers: true,
    options: [
      { name: 'party', type: 'string', description: 'Country, government or organisation (US, Seoul, UN …)', required: true, maxLength: 100, autocomplete: 'party' },
      { name: 'topic', type: 'string', description: 'Only excerpts about this topic', maxLength: 100 },
      articleOption,
    ],
  },
  handle: ({ party, topic, article }, { kb }) => positionAnswer(kb, party, topic, article),
});
