import { defineCommand } from '../src/core/command';

export default defineCommand({
  definition: {
    name: 'articles',
    description: 'List the loaded articles (title, publisher, author, date, paragraphs).',
    answers: true,
    options: [],
  },
  handle: (_options, { kb, isAdmin }) => {
    const articles = kb.articles.map((a) => ({
      id: a.id,
      title: a.title,
      ...(a.publisher ? { publisher: a.publisher } : {}),
      ...(a.author ? { author: a.author } : {}),
      ...(a.published ? { published: a.published } : {}),
      ...(a.url ? { url: a.url } : {}),
      paragraphs: a.paragraphs.length,
    }));
    // Which files were skipped, and why, is for server managers only: it names files on disk.
    const skipped = kb.problems.length;
    const notice =
      skipped === 0
        ? undefined
        : isAdmin
          ? `Skipped ${skipped} knowledge file${skipped > 1 ? 's' : ''}: ${kb.problems.map((p) => `${p.file} — ${p.problem}`).join('; ')}`
          : undefined;
    return {
      command: 'articles',
      excerpts: [],
      articles,
      ...(notice ? { notice } : articles.length === 0 ? { notice: 'No articles are loaded.' } : {}),
    };
  },
});
