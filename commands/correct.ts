import { defineCommand } from '../src/core/command';
import { UserInputError } from '../src/core/errors';
import { baseOf, chosenSpeaker, pointAt, proposalFor, targetAnswer } from '../src/answer/correct';

export default defineCommand({
  definition: {
    name: 'correct',
    description: 'Wrong speaker? Propose who really said a sentence; a server manager reviews it.',
    options: [
      { name: 'article', type: 'string', description: 'The article (id)', required: true, maxLength: 64, autocomplete: 'article' },
      { name: 'phrase', type: 'string', description: 'A few words of the sentence', maxLength: 300 },
      { name: 'speaker', type: 'string', description: 'Who said it: one of the article’s people, or “unnamed”', maxLength: 100, autocomplete: 'speaker' },
      { name: 'target', type: 'string', description: 'The sentence a “Wrong speaker?” button names', maxLength: 40 },
    ],
  },
  handle: async ({ article, phrase, speaker, target }, ctx) => {
    const kb = baseOf(ctx.segments ?? [ctx.kb], ctx.overrides, article);
    const pointed = pointAt(kb, article, { ...(target ? { target } : {}), ...(phrase ? { phrase } : {}) });
    if (!speaker) return targetAnswer(pointed);
    if (!ctx.corrections || !ctx.caller) throw new UserInputError('Corrections are not available in this mode (they need the library database).');
    const shown = targetAnswer(pointed).excerpts[0];
    const { proposal, excerpt } = proposalFor(pointed, chosenSpeaker(kb, pointed.rec.article.id, speaker, shown?.speaker?.name));
    const id = await ctx.corrections.propose(ctx.caller, proposal);
    return {
      command: 'correct',
      excerpts: [excerpt],
      notice: `Thanks. Correction #${id} proposed: ${proposal.from} → ${proposal.to.source}. A server manager will review it (/corrections).`,
    };
  },
});
