// Placeholder: replaced by the real knowledge base in the foundation work.
import type { Article } from '../core/article';
import type { AutocompleteSource } from '../core/command';

export interface Choice { name: string; value: string }

export interface KnowledgeBase {
  articles: readonly Article[];
  suggest(source: AutocompleteSource, prefix: string): Choice[];
}
