/**
 * What the attribution engine found in one article. Its own module so that `people.ts` (and
 * others) can name it without importing `knowledgeBase.ts`, which imports them.
 */
import type { Article } from '../core/article';
import { attributeQuotes } from '../analysis/attribute';
import type { Speaker, Statement } from '../analysis/types';

export interface ArticleAnalysis {
  article: Article;
  statements: Statement[];
  speakers: Speaker[];
  speakerById: Map<string, Speaker>;
}

/** Runs the attribution engine over one article. */
export function analyseArticle(article: Article): ArticleAnalysis {
  const { statements, speakers } = attributeQuotes(article.body, { author: article.author, dateline: article.dateline });
  return { article, statements, speakers, speakerById: new Map(speakers.map((s) => [s.id, s])) };
}
