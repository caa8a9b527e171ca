/**
 * One sentence splitter (issue #11): the sentences an article stores for its excerpts are the
 * sentences the attribution engine analysed, paragraph for paragraph, so an excerpt's sentence is
 * never cut where the engine did not cut it (or the other way round).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentencesOf, type Article } from '../../src/core/article';
import { loadArticles } from '../../src/ingest/folder';
import { lastAtOrBefore } from '../../src/text/sortedSearch';
import { findQuotes, QuoteIndex, splitParagraphs, splitSentences } from '../../src/text/structure';
import { KNOWLEDGE_DIR, markdownArticle, tempKnowledge } from '../fixtures';

/** The engine's sentences of the body (as `attributeQuotes` splits it), as "paragraph:start-end" relative to the article's paragraphs. */
function engineSentences(article: Article): string[] {
  const body = article.body;
  const paras = splitParagraphs(body);
  const sentences = splitSentences(body, paras, new QuoteIndex(findQuotes(body, paras)));
  return sentences.map((s) => {
    const p = article.paragraphs[lastAtOrBefore(article.paragraphs, s.start, (x) => x.bodyStart)]!;
    return `${p.number}:${s.start - p.bodyStart}-${s.end - p.bodyStart}`;
  });
}

function storedSentences(article: Article): string[] {
  return article.paragraphs.flatMap((p) => sentencesOf(p).map((s) => `${p.number}:${s.start}-${s.end}`));
}

describe('one sentence splitter for articles and the attribution engine', () => {
  it('the shipped articles and the fixtures store exactly the sentences the engine analyses', async () => {
    for (const dir of [KNOWLEDGE_DIR, join(import.meta.dirname, '..', 'fixtures')]) {
      const { articles } = await loadArticles(dir);
      expect(articles.length).toBeGreaterThan(0);
      for (const a of articles) expect(storedSentences(a), a.file).toEqual(engineSentences(a));
    }
  });

  it('agrees on abbreviations the two old splitters disagreed on, and on quotes over paragraphs', async () => {
    const dir = tempKnowledge({
      'a.md': markdownArticle({}, [
        'They met Maj. Smith spoke. Gen. Lee left at 5 p.m. Then it rained.',
        '“It was long. We stayed,” Lee said. Then Col. Brown, of the U.S. Army, agreed. He left.',
        '“We tried. It failed.',
        '“Then we went home. Nobody came,” she said. It ended.',
        'He moved to the U.S. He stayed. The talks were "frank and useful." She added more.',
      ]),
    });
    const { articles } = await loadArticles(dir);
    const a = articles[0]!;
    expect(storedSentences(a)).toEqual(engineSentences(a));
    // The engine's rule for "Maj." (not in its abbreviation list): a sentence ends there.
    expect(sentencesOf(a.paragraphs[0]!).map((s) => s.text)).toEqual(['They met Maj.', 'Smith spoke.', 'Gen. Lee left at 5 p.m. Then it rained.']);
  });
});
