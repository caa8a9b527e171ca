import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { UserInputError } from '../core/errors';

/** A candidate filter for an optional `article:` option; unknown ids are a user error. */
export function articleFilter(kb: KnowledgeBase, articleId?: string): ((id: number) => boolean) | undefined {
  if (!articleId) return undefined;
  const article = kb.article(articleId.trim().toLowerCase());
  if (!article) {
    const ids = kb.articles.map((a) => a.id).slice(0, 10);
    throw new UserInputError(
      `No article with id “${articleId}”. Loaded: ${ids.join(', ') || 'none'}${kb.articles.length > 10 ? ', …' : ''}.`,
    );
  }
  return (id) => kb.paragraphs[id]!.article === article;
}
