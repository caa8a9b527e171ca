/**
 * Which list an option's autocomplete draws from. Its own module so that the knowledge base can
 * name it without importing `command.ts`, which names the knowledge base. `library` draws from the
 * caller's server library only (`/library remove`), which the library service answers.
 */
export type AutocompleteSource = 'speaker' | 'party' | 'article' | 'library';
