import { defineCommand } from '../src/core/command';
import { libraryGroup, libraryOf } from './libraryShared';

export default defineCommand({
  definition: {
    name: 'library remove',
    group: libraryGroup,
    description: "Remove an article from this server's library (gone from every answer at once)",
    options: [{ name: 'article', type: 'string', description: 'The article (id)', required: true, maxLength: 64, autocomplete: 'library' }],
  },
  handle: async ({ article }, ctx) => {
    const { library, caller } = libraryOf(ctx);
    const removed = await library.remove(caller, article, 'remove');
    return { command: 'library remove', excerpts: [], notice: `Removed from this server's library: ${removed.title} (${removed.articleId})` };
  },
});
