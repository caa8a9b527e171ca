import { defineCommand } from '../src/core/command';
import { UserInputError } from '../src/core/errors';
import type { LibrarySource } from '../src/core/library';
import { libraryGroup, libraryOf } from './libraryShared';

export default defineCommand({
  definition: {
    name: 'library add',
    group: libraryGroup,
    description: "Add an article to this server's library from a link or a file (.html, .md, .txt)",
    slow: true,
    options: [
      { name: 'url', type: 'string', description: 'Link to the article (http or https)', maxLength: 2000 },
      { name: 'file', type: 'attachment', description: 'The article as a file: .html, .md or .txt (in the console: a path)' },
    ],
  },
  handle: async ({ url, file }, ctx) => {
    const { library, caller } = libraryOf(ctx);
    if (Boolean(url) === Boolean(file)) {
      throw new UserInputError(url ? 'Give a link or a file, not both.' : 'Give a link (url:) or a file (file:) to add.');
    }
    let source: LibrarySource;
    if (url) source = { kind: 'url', url };
    else {
      if (!ctx.readFile) throw new UserInputError('Files cannot be added in this mode; give a link (url:).');
      source = { kind: 'file', ...(await ctx.readFile(file!)) };
    }
    const added = await library.add(caller, source, ctx.progress);
    return { command: 'library add', excerpts: [], added, notice: `Added to this server's library: ${added.title}` };
  },
});
