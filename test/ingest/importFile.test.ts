/** Uploaded files: .txt (a pasted page), .md with or without front matter, .html; refusals. */
import { describe, expect, it } from 'vitest';
import { importFromFile } from '../../src/ingest/web/importFile';
import { parseMarkdownArticle } from '../../src/ingest/markdownArticle';

const enc = (s: string) => new TextEncoder().encode(s);
const P1 = '“We will not back down,” the mayor said on Monday, standing outside city hall with a dozen council members.';
const P2 = 'The council voted 7-2 to approve the plan, which had been debated for more than a year before the final vote.';
const P3 = 'Opponents said they would challenge the decision in court, arguing that the public had not been consulted properly.';

describe('importFromFile', () => {
  it('reads a pasted page (.txt) with the raw-page parser', async () => {
    const raw = ['Home', 'News', 'Mayor wins council vote on housing plan', 'By Jane Smith', P1, P2, P3, 'Related stories', 'Something else'].join('\n');
    const doc = await importFromFile('page.txt', enc(raw));
    expect(doc).toMatchObject({ title: 'Mayor wins council vote on housing plan', author: 'Jane Smith', site: null, published: null, canonicalUrl: null });
    expect(doc.paragraphs).toEqual([P1, P2, P3]);
    const back = parseMarkdownArticle(doc.document, 'x.md', { library: true });
    expect(back.paragraphs.map((p) => p.text)).toEqual(doc.paragraphs);
    expect(back.meta.title).toBe(doc.title);
  });

  it('reads Markdown with front matter, keeping its metadata', async () => {
    const md = `---\ntitle: Housing vote\npublisher: City Times\nauthor: Jane Smith\nurl: https://example.com/a\npublished: 2024-03-05\n---\n\n${P1}\n\n## A heading\n\n${P2}\n`;
    const doc = await importFromFile('a.md', enc(md));
    expect(doc).toMatchObject({ title: 'Housing vote', site: 'City Times', author: 'Jane Smith', published: '2024-03-05', canonicalUrl: 'https://example.com/a' });
    expect(doc.paragraphs).toEqual([P1, P2]);
  });

  it('reads Markdown without front matter as pasted text', async () => {
    const doc = await importFromFile('b.md', enc(`# Mayor wins council vote\n\n${P1}\n\n${P2}\n\n${P3}\n`));
    expect(doc.title).toBe('Mayor wins council vote');
    expect(doc.paragraphs).toEqual([P1, P2, P3]);
  });

  it('explains a broken front matter block', async () => {
    await expect(importFromFile('c.md', enc(`---\ntitle: [unclosed\n---\n\n${P1}`))).rejects.toMatchObject({ code: 'not-an-article', message: expect.stringMatching(/front matter is not valid YAML/) });
  });

  it('reads an uploaded .html page, with its metadata', async () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'x' }, { '@type': ['NewsArticle'], headline: 'Council approves plan', author: [{ '@type': 'Person', name: 'Jane Smith' }, { name: 'Ali Khan' }], datePublished: '2024-03-05T10:00:00+01:00', publisher: { name: 'City Times' } }] });
    const html = `<html><head><script type="application/ld+json">${ld}</script><meta property="og:site_name" content="Other"></head><body><article><p>${P1}</p><p>${P2}</p><p>${P3}</p></article></body></html>`;
    const doc = await importFromFile('page.html', enc(html));
    expect(doc).toMatchObject({ title: 'Council approves plan', author: 'Jane Smith and Ali Khan', published: '2024-03-05', site: 'City Times' });
    expect(doc.paragraphs).toEqual([P1, P2, P3]);
  });

  it.each([
    ['paper.pdf', enc('%PDF-1.7 …'), 'unsupported-type', /PDF files are not supported/],
    ['image.png', enc('x'), 'unsupported-type', /Only \.txt, \.md and \.html/],
    ['archive.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 8, 0, 0]), 'unsupported-type', /binary/],
    ['empty.txt', new Uint8Array(0), 'empty', /The file is empty/],
    ['spaces.txt', enc('   \n\n  '), 'empty', /no text/],
    ['short.txt', enc('Hello there.'), 'not-an-article', /does not look like an article/],
    ['big.txt', new Uint8Array(6 * 1024 * 1024).fill(0x61), 'too-big', /larger than 5 MB/],
  ])('%s is refused', async (name, bytes, code, message) => {
    await expect(importFromFile(name, bytes)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('hostile text stays text: markup, mentions and huge lines', async () => {
    const evil = `@everyone <@123> **bold** ${'x'.repeat(3000)} ends here.`;
    const doc = await importFromFile('evil.txt', enc(['A title for the hostile page', P1, evil, P2].join('\n')));
    expect(doc.paragraphs).toContain(evil);
  });
});
