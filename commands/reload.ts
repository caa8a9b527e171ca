import { defineCommand } from '../src/core/command';

export default defineCommand({
  definition: {
    name: 'reload',
    description: 'Re-read the knowledge folder (changed files only) and swap the new articles in.',
    adminOnly: true,
    options: [],
  },
  handle: async (_options, { reload }) => {
    if (!reload) return { command: 'reload', excerpts: [], notice: 'Reloading is not available in this mode.' };
    return { command: 'reload', excerpts: [], notice: await reload() };
  },
});
