/**
 * `/search`: paragraphs that contain a phrase or a set of keywords, best first, each shown as an
 * attributed excerpt.
 */
import type { Answer, Excerpt } from '../core/answer';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { ParagraphIndex } from '../search/paragraphIndex';
import { words } from '../text/words';
import { excerptAt } from './excerpts';
import { locateKeywords, locatePhrase } from './locate';
import { articleFilter } from './filters';

export const MAX_EXCERPTS = 10;

const MATCH_RANK: Record<NonNullable<Excerpt['match']>, number> = { exact: 3, fuzzy: 2, related: 1 };

export function searchAnswer(kb: KnowledgeBase, query: string, articleId?: string): Answer {
  const filter = articleFilter(kb, articleId);
  const candidates = kb.index.candidates(query, { want: 15, limit: 40, filter });
  const queryWords = words(query).map((w) => w.norm.replace(/'s$/, ''));
  const multiWord = ParagraphIndex.queryTerms(query).length > 1;
  const found: Excerpt[] = [];
  for (const c of candidates) {
    const rec = kb.paragraphs[c.id]!;
    const textWords = kb.paragraphWords(c.id);
    const phrase = multiWord ? locatePhrase(rec.paragraph.text, textWords, query) : null;
    const loc = phrase ?? locateKeywords(rec.paragraph.sentences, textWords, queryWords);
    if (!loc) continue;
    // Blend: the words in order (the phrase itself) beat the same words scattered in a sentence;
    // then how well the words matched; the index's relevance breaks ties.
    const score = (phrase ? 20 : 0) + loc.score * 10 + Math.min(c.score, 50) / 50;
    found.push(excerptAt(kb, rec, { ...loc, score }));
  }
  found.sort((a, b) => MATCH_RANK[b.match ?? 'related'] - MATCH_RANK[a.match ?? 'related'] || b.score - a.score);
  const excerpts = found.slice(0, MAX_EXCERPTS);
  if (excerpts.length === 0) {
    return { command: 'search', excerpts, notice: `Nothing in the loaded articles matches “${query}”.` };
  }
  if (excerpts.every((e) => e.match === 'related')) {
    return {
      command: 'search',
      excerpts,
      notice: `No passage contains all of “${query}”; these are the closest passages.`,
    };
  }
  return { command: 'search', excerpts };
}
