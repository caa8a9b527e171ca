import { describe, expect, it } from 'vitest';
import type { Excerpt } from '../../src/core/answer';
import { withoutRepeats } from '../../src/answer/people';
import type { Shown } from '../../src/answer/clusters';

/** A shown excerpt of `text` in `article` ¶`paragraph` (what `withoutRepeats` reads). */
const shown = (article: string, paragraph: number, text: string): Shown => {
  const excerpt: Excerpt = { text, kind: 'direct', speaker: null, source: 'Mara Lind', article: { id: article, title: article }, paragraph, score: 1 };
  return { excerpt, articleId: article, statement: null };
};

describe('/quotes drops an excerpt already shown inside another of the same paragraph', () => {
  it('drops the inner excerpt and one of two equal ones, and keeps the same words elsewhere', () => {
    const items = [
      shown('a', 1, '“We will not pay for it,” Lind said, adding that the town had no money left.'),
      shown('a', 1, 'the town had no money left'),
      shown('a', 2, 'the town had no money left'),
      shown('b', 1, 'the town had no money left'),
      shown('a', 3, 'Taxes will rise.'),
      shown('a', 3, 'Taxes will rise.'),
    ];
    const kept = withoutRepeats(items).map((s) => `${s.excerpt.article.id}¶${s.excerpt.paragraph} ${s.excerpt.text}`);
    expect(kept).toEqual([
      'a¶1 “We will not pay for it,” Lind said, adding that the town had no money left.',
      'a¶2 the town had no money left',
      'b¶1 the town had no money left',
      'a¶3 Taxes will rise.',
    ]);
  });
});
