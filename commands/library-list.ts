import { defineCommand } from '../src/core/command';
import { libraryGroup, libraryOf } from './libraryShared';

export default defineCommand({
  definition: {
    name: 'library list',
    group: libraryGroup,
    description: "What this server's library holds: title, site, date, who added it, paragraphs, quotes",
    options: [],
  },
  handle: async (_options, ctx) => {
    const { library, caller } = libraryOf(ctx);
    const entries = await library.list(caller);
    const articles = entries.map((e) => ({
      id: e.articleId,
      title: e.title,
      ...(e.site ? { publisher: e.site } : {}),
      ...(e.published ? { published: e.published } : {}),
      ...(e.url ? { url: e.url } : {}),
      paragraphs: e.paragraphs,
      addedBy: e.addedBy,
      addedAt: e.addedAt,
      quotes: e.quotes,
    }));
    return {
      command: 'library list',
      excerpts: [],
      articles,
      notice: articles.length
        ? `${articles.length} article${articles.length === 1 ? '' : 's'} in this server's library (answers also use the shared articles: /articles).`
        : "This server's library is empty. Add an article with /library add url:<link> or file:<file>.",
    };
  },
});
