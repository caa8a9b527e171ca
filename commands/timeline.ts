import { defineCommand } from '../src/core/command';
import { timelineAnswer } from '../src/answer/timeline';
import { articleOption } from './shared';

export default defineCommand({
  definition: {
    name: 'timeline',
    description: 'What a person or a party’s people said, in order of publication.',
    answers: true,
    options: [
      { name: 'speaker', type: 'string', description: 'A person, e.g. Sullivan', maxLength: 100, autocomplete: 'speaker' },
      { name: 'party', type: 'string', description: 'A country or organisation, e.g. us', maxLength: 100, autocomplete: 'party' },
      { name: 'topic', type: 'string', description: 'Only statements with these words, e.g. sanctions', maxLength: 100 },
      articleOption,
    ],
  },
  handle: ({ speaker, party, topic, article }, { kb }) => timelineAnswer(kb, { speaker, party, topic, article }),
});
