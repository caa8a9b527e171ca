/**
 * Failure class 9 of issue #12: pages pasted raw from five differently built sites (a
 * broadcaster, a newspaper, a blog, a wire service, a magazine; all written for this test).
 * Cleaning works from the shape of lines: the headline is the fullest title-like line before
 * the body, lines that do not end a sentence inside the body are teasers or subheadings, credit
 * lines and "Related" blocks end the article, captions and photo credits never become paragraphs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRawArticle } from '../../src/ingest/rawArticle';

const page = (name: string): string => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'raw-pages', `${name}.txt`), 'utf8');

const cases: Array<{ name: string; title: string; author?: string; first: RegExp; last: RegExp; count: number; never: string[] }> = [
  {
    name: 'broadcaster',
    title: 'Ministers agree new grain corridor after Black Sea talks',
    first: /^Ministers from six countries/,
    last: /^Shipping firms said/,
    count: 4,
    never: ['Skip to content', 'Image caption', 'Image source', 'Watch:', 'Farmers fear', 'Additional reporting', 'Related'],
  },
  {
    name: 'newspaper',
    title: 'Flood defences fail in three river towns as rain continues',
    author: 'Priya Nair',
    first: /^Flood barriers failed/,
    last: /^Forecasters expect/,
    count: 4,
    never: ['Photograph:', 'Advertisement', 'Most read', 'Teachers vote', 'Comments (214)', 'Updated 14:05'],
  },
  {
    name: 'blog',
    title: 'Why I stopped digging my vegetable beds',
    author: 'Rosa Delgado',
    first: /^For ten years/,
    last: /^The first spring was messy/,
    count: 4,
    never: ['Jump to navigation', 'Photo:', 'Share this', 'Ten plants', 'Leave a comment'],
  },
  {
    name: 'wire',
    title: 'Central bank holds rates, signals cut in spring',
    author: 'Daniel Osei',
    first: /^LAGOS, March 4/,
    last: /^The currency firmed/,
    count: 4,
    never: ['WORLD NEWS', '5 MIN READ', 'Reporting by', 'Our Standards'],
  },
  {
    name: 'magazine',
    title: 'The last lighthouse keeper of Fairhaven',
    author: 'Samuel Okoro',
    first: /^Edith Crane climbed/,
    last: /^Her logbooks/,
    count: 3,
    never: ['Skip to main content', 'Courtesy', 'READ MORE', 'The women who kept', 'newsletter', 'A keeper for forty years'],
  },
];

describe('cleaning raw pages pasted from five site layouts', () => {
  for (const c of cases) {
    it(`finds the headline, the body and nothing else on the ${c.name} page`, () => {
      const raw = page(c.name);
      const parsed = parseRawArticle(raw);
      expect(parsed.title).toBe(c.title);
      if (c.author) expect(parsed.author).toBe(c.author);
      expect(parsed.paragraphs).toHaveLength(c.count);
      expect(parsed.paragraphs[0]!.text).toMatch(c.first);
      expect(parsed.paragraphs[c.count - 1]!.text).toMatch(c.last);
      const body = parsed.paragraphs.map((p) => p.text).join('\n');
      for (const junk of c.never) expect(body).not.toContain(junk);
      // Paragraphs stay verbatim slices of the page.
      for (const p of parsed.paragraphs) expect(raw.slice(p.sourceStart, p.sourceStart + p.text.length)).toBe(p.text);
    });
  }

  it('keeps photo captions as captions, once, out of the body', () => {
    const parsed = parseRawArticle(page('newspaper'));
    expect(parsed.captions).toEqual(['A resident wades through the flooded high street in Carrow on Tuesday. Photograph: Mark Ellis/Reuters']);
  });
});
