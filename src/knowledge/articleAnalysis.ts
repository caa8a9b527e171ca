/**
 * What the attribution engine found in one article. Its own module so that `people.ts` (and
 * others) can name it without importing `knowledgeBase.ts`, which imports them.
 */
import type { Article } from '../core/article';
import type { Speaker, Statement } from '../analysis/types';

export interface ArticleAnalysis {
  article: Article;
  statements: Statement[];
  speakers: Speaker[];
  speakerById: Map<string, Speaker>;
}
