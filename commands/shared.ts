/** Options several commands share, defined once so they read and validate the same everywhere. */

/** `article:<id>` — narrows a command to one loaded article; autocompleted from the loaded ids. */
export const articleOption = {
  name: 'article',
  type: 'string',
  description: 'Only this article (id)',
  maxLength: 64,
  autocomplete: 'article',
} as const;
