/**
 * `/search`: paragraphs that contain a phrase or a set of keywords, best first, each shown as an
 * attributed excerpt.
 */
import type { Answer, Excerpt } from '../core/answer';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import { excerptAt, type Located } from './excerpts';
import { locateKeywords, locatePhrase } from './locate';
import { articleFilter } from './filters';
import { sentencesOf } from '../core/article';

export const MAX_EXCERPTS = 10;
/** Candidates (best first) always scanned for the query's words scattered in a sentence. */
const KEYWORD_CANDIDATES = 20;

const MATCH_RANK: Record<NonNullable<Excerpt['match']>, number> = { exact: 3, fuzzy: 2, related: 1 };

export function searchAnswer(kb: KnowledgeBase, query: string, articleId?: string): Answer {
  const filter = articleFilter(kb, articleId);
  // Parsed once: the index, the phrase aligner and the keyword locator all read this.
  const parsed = kb.index.parseQuery(query);
  const candidates = kb.index.candidates(parsed, { want: 15, limit: 40, filter });
  const queryWords = parsed.words.map((w) => w.norm.replace(/'s$/, ''));
  const multiWord = parsed.terms.length > 1;
  const found: Array<{ rec: ParagraphRecord; loc: Located; rank: number; score: number }> = [];
  for (const [i, c] of candidates.entries()) {
    const rec = kb.paragraphs[c.id]!;
    const textWords = kb.paragraphWords(c.id);
    // A near miss of the phrase (a content word differs) is no phrase match: the words are looked for scattered.
    const located = multiWord ? locatePhrase(rec.paragraph.text, textWords, parsed) : null;
    const phrase = located && located.match !== 'related' ? located : null;
    // Past the best KEYWORD_CANDIDATES, a paragraph is still checked for the phrase itself (which
    // outranks any scattered-words match) but scanned for scattered words only while the answer
    // is short of excerpts: that scan was the largest cost of a query.
    const scan = !phrase && (i < KEYWORD_CANDIDATES || found.length < MAX_EXCERPTS);
    const keywords = scan ? locateKeywords(sentencesOf(rec.paragraph), textWords, queryWords) : null;
    // A near miss says what differs, which a `related` scatter of the words does not.
    const loc = phrase ?? (located && (!keywords || keywords.match === 'related') ? located : keywords);
    if (!loc) continue;
    // Blend: the words in order (the phrase itself) beat the same words scattered in a sentence;
    // then how well the words matched; the index's relevance breaks ties.
    const score = (phrase ? 20 : 0) + loc.score * 10 + Math.min(c.score, 50) / 50;
    // Ranked as the excerpt will show it (score rounded to 3 places); the sort is stable, so ties
    // keep the index's order. Excerpts (statement lookup, attribution) are built for the shown ones only.
    found.push({ rec, loc: { ...loc, score }, rank: MATCH_RANK[loc.match ?? 'related'], score: Math.round(score * 1000) / 1000 });
  }
  found.sort((a, b) => b.rank - a.rank || b.score - a.score);
  const excerpts = found.slice(0, MAX_EXCERPTS).map((f) => excerptAt(kb, f.rec, f.loc));
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
