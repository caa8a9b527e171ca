import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRawArticle } from '../../src/ingest/rawArticle';
import { loadArticles } from '../../src/ingest/folder';
import { KNOWLEDGE_DIR, SEED_ID } from '../fixtures';

const raw = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seed-raw.txt'), 'utf8');

describe('loading the raw pasted seed article', () => {
  const parsed = parseRawArticle(raw);

  it('finds the headline and the byline author', () => {
    expect(parsed.title).toBe('US, South Korea may differ on end-of-war proposal');
    expect(parsed.author).toBe('Ahn Sung-mi');
  });

  it('keeps 15 body paragraphs from the first to the last one', () => {
    expect(parsed.paragraphs).toHaveLength(15);
    expect(parsed.paragraphs[0]!.text).toMatch(/^Washington and Seoul appear to be on different trajectories/);
    expect(parsed.paragraphs[14]!.text).toMatch(/^“While talks on humanitarian assistance.*he said\.$/);
  });

  it('keeps the photo caption once and out of the body', () => {
    expect(parsed.captions).toHaveLength(1);
    expect(parsed.captions[0]).toMatch(/^US National Security Adviser Jake Sullivan takes questions.*\(AFP-Yonhap\)$/);
    expect(parsed.paragraphs.some((p) => p.text.includes('(AFP-Yonhap)'))).toBe(false);
  });

  it('drops site chrome and stray lines in another script', () => {
    const all = [parsed.title, ...parsed.captions, ...parsed.paragraphs.map((p) => p.text)].join('\n');
    for (const chrome of ['Back To Top', 'MOST POPULAR', 'LATEST NEWS', 'subscribe', '소아쌤', 'sahn@heraldcorp.com']) {
      expect(all).not.toContain(chrome);
    }
  });

  it('records offsets that point at the verbatim paragraph in the file', () => {
    for (const p of parsed.paragraphs) expect(raw.slice(p.sourceStart, p.sourceStart + p.text.length)).toBe(p.text);
  });

  it('yields the same body paragraphs as the shipped Markdown article', async () => {
    const { articles } = await loadArticles(KNOWLEDGE_DIR);
    const shipped = articles.find((a) => a.id === SEED_ID)!;
    expect(shipped.paragraphs.map((p) => p.text)).toEqual(parsed.paragraphs.map((p) => p.text));
    expect(shipped.captions).toEqual(parsed.captions);
    expect(shipped.author).toBe(parsed.author);
    expect(shipped.title).toBe(parsed.title);
  });
});

describe('loading other articles pasted the same way', () => {
  it('handles a byline at the top, a dateline, menus and a repeated caption', () => {
    const text = [
      'Home',
      'World',
      'Share',
      'Drought forces Spain to ration water in Catalonia',
      'By Maria Lopez, Reuters',
      'Farmers inspect a dry reservoir near Barcelona on Monday. (Reuters)',
      'Farmers inspect a dry reservoir near Barcelona on Monday. (Reuters)',
      'BARCELONA -- Catalonia declared a drought emergency on Thursday, limiting water use for six million people.',
      '"We have never seen reservoirs this low," regional leader Pere Aragonès told reporters.',
      'Advertisement',
      'The restrictions will be reviewed every month, officials said.',
      'Related articles',
      'Copyright 2024 Reuters. All rights reserved.',
    ].join('\n');
    const parsed = parseRawArticle(text);
    expect(parsed.title).toBe('Drought forces Spain to ration water in Catalonia');
    expect(parsed.author).toBe('Maria Lopez');
    expect(parsed.dateline).toBe('Barcelona');
    expect(parsed.captions).toEqual(['Farmers inspect a dry reservoir near Barcelona on Monday. (Reuters)']);
    expect(parsed.paragraphs.map((p) => p.text.slice(0, 20))).toEqual([
      'BARCELONA -- Catalon',
      '"We have never seen ',
      'The restrictions wil',
    ]);
  });
});
