/**
 * Which list an option's autocomplete draws from. Its own module so that the knowledge base can
 * name it without importing `command.ts`, which names the knowledge base.
 */
export type AutocompleteSource = 'speaker' | 'party' | 'article';
