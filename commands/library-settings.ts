import { defineCommand } from '../src/core/command';
import { UserInputError } from '../src/core/errors';
import type { LibraryRules } from '../src/core/library';
import { libraryGroup, libraryOf } from './libraryShared';

/** A role given as an id or a mention (`<@&id>`); "none" goes back to Manage Server only. */
function roleId(value: string): string | null {
  if (/^(none|off|-)$/i.test(value)) return null;
  const m = /^<@&(\d{17,20})>$|^(\d{17,20})$/.exec(value);
  if (!m) throw new UserInputError('“manager-role” must be a role (mention or id), or “none” for Manage Server only.');
  return m[1] ?? m[2]!;
}

function describeRules(r: LibraryRules): string {
  return [
    `Who may add and remove: ${r.managerRoleId ? `members with Manage Server or the role <@&${r.managerRoleId}>` : 'members with Manage Server'}`,
    `Articles at most: ${r.maxArticles}`,
    `Largest article: ${Math.round(r.maxArticleBytes / 1024)} KB`,
    `Adds per hour: ${r.addsPerHour} for the server, ${r.addsPerUserPerHour} per member`,
  ].join('\n');
}

export default defineCommand({
  definition: {
    name: 'library settings',
    group: libraryGroup,
    description: "Show or change who may add articles and this server's limits (changes: Manage Server)",
    options: [
      { name: 'manager-role', type: 'string', description: 'Role that may add and remove (mention or id), or "none"', maxLength: 40 },
      { name: 'max-articles', type: 'integer', description: 'Most articles the library may hold', min: 1, max: 1000 },
      { name: 'max-article-kb', type: 'integer', description: 'Largest article, in KB of text', min: 1, max: 5120 },
      { name: 'adds-per-hour', type: 'integer', description: 'Adds per hour for the whole server', min: 1, max: 1000 },
      { name: 'adds-per-user-per-hour', type: 'integer', description: 'Adds per hour for one member', min: 1, max: 1000 },
    ],
  },
  handle: async (options, ctx) => {
    const { library, caller } = libraryOf(ctx);
    const changes: Partial<LibraryRules> = {};
    if (options['manager-role'] !== undefined) changes.managerRoleId = roleId(options['manager-role']);
    if (options['max-articles'] !== undefined) changes.maxArticles = options['max-articles'];
    if (options['max-article-kb'] !== undefined) changes.maxArticleBytes = options['max-article-kb'] * 1024;
    if (options['adds-per-hour'] !== undefined) changes.addsPerHour = options['adds-per-hour'];
    if (options['adds-per-user-per-hour'] !== undefined) changes.addsPerUserPerHour = options['adds-per-user-per-hour'];
    const changed = Object.keys(changes).length > 0;
    const rules = await library.settings(caller, changed ? changes : undefined);
    return { command: 'library settings', excerpts: [], notice: `${changed ? 'Saved. ' : ''}Library settings for this server:\n${describeRules(rules)}` };
  },
});
