import { defineCommand } from '../src/core/command';
import { UserInputError } from '../src/core/errors';

export default defineCommand({
  definition: {
    name: 'corrections',
    description: 'Server managers: review proposed speaker corrections and see 👍/👎 feedback.',
    options: [
      { name: 'accept', type: 'integer', description: 'Accept the correction with this number', min: 1, max: 2_000_000_000 },
      { name: 'reject', type: 'integer', description: 'Reject the correction with this number', min: 1, max: 2_000_000_000 },
    ],
  },
  handle: async ({ accept, reject }, ctx) => {
    const { corrections, caller } = ctx;
    if (!corrections || !caller) throw new UserInputError('Corrections are not available in this mode (they need the library database).');
    if (accept !== undefined && reject !== undefined) throw new UserInputError('Accept or reject one correction at a time.');
    let notice: string | undefined;
    if (accept !== undefined || reject !== undefined) {
      const decided = await corrections.decide(caller, (accept ?? reject)!, accept !== undefined);
      notice =
        decided.status === 'accepted'
          ? decided.stale
            ? `Accepted #${decided.id}, but that sentence is no longer in the article as it was, so it is not applied anywhere.`
            : `Accepted #${decided.id}: every answer in this server now credits it to ${decided.to}.`
          : `Rejected #${decided.id}.`;
    }
    const list = await corrections.list(caller);
    const pending = list.items.filter((i) => i.status === 'pending').length + list.more;
    const stale = list.items.filter((i) => i.stale).length;
    const summary = [
      pending ? `${pending} correction${pending === 1 ? '' : 's'} waiting for review.` : 'No corrections are waiting for review.',
      stale ? `${stale} accepted correction${stale === 1 ? ' no longer matches its sentence' : 's no longer match their sentences'} (the article changed): not applied.` : '',
    ].filter(Boolean);
    return { command: 'corrections', excerpts: [], corrections: list, notice: [notice, ...summary].filter(Boolean).join('\n') };
  },
});
