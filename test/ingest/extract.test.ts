/** Extraction: paragraphs from Readability's content, furniture removed, page metadata, fallbacks. */
import { describe, expect, it } from 'vitest';
import { blocksOf, extractArticle } from '../../src/ingest/web/extract';
import { polishParagraphs } from '../../src/ingest/web/polish';
import { removeFurniture } from '../../src/ingest/web/clean';
import { parseDocument } from '../../src/ingest/web/dom';
import { readMetadata } from '../../src/ingest/web/metadata';
import { documentFromHtml } from '../../src/ingest/web/fromHtml';
import { FrontMatterSchema, parseMarkdownArticle } from '../../src/ingest/markdownArticle';
import { parse as parseYaml } from 'yaml';

const S = (n: number) => `Sentence ${n} of the story says the committee met on Tuesday and agreed on a budget for the coming year.`;
const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('blocksOf', () => {
  it('keeps text loose in a container as its own paragraph, and splits at double <br>', () => {
    const html = '<div><p>First para.</p>Loose <b>text</b> beside it.<div>Inner</div>Tail one<br><br>Tail two<br>same para<script>x()</script></div>';
    expect(blocksOf(html)).toEqual(['First para.', 'Loose text beside it.', 'Inner', 'Tail one', 'Tail two same para']);
  });

  it('one list item per paragraph, headings included', () => {
    expect(blocksOf('<h2>Sub head</h2><ul><li>one</li><li>two <a href="#">link</a></li></ul>')).toEqual(['Sub head', 'one', 'two link']);
  });
});

describe('removeFurniture', () => {
  it('removes captions and small share/related boxes, keeps a big container whatever its name', () => {
    const doc = parseDocument(
      page('', `<div class="post-share-wrapper">${`<p>${S(1)}</p>`.repeat(8)}<div class="share-bar">Share on X</div><figure><img><figcaption>A photo</figcaption></figure><p class="wp-caption-text">Another photo</p><aside class="relatedLinks">Related: other story</aside></div>`),
    );
    removeFurniture(doc);
    const text = doc.body!.textContent!;
    expect(text).toContain(S(1));
    for (const gone of ['Share on X', 'A photo', 'Another photo', 'Related: other story']) expect(text).not.toContain(gone);
  });
});

describe('polishParagraphs', () => {
  it('drops promo capitals, bylines, date lines, calls to action and the repeated headline', () => {
    const ps = [
      'Budget agreed after long night',
      'By Jane Smith | November 18, 2019 at 2:26 PM HST',
      'September 10, 2018 |',
      S(1),
      'SEAN SPICER ELIMINATED FROM THE SHOW',
      'Advertisement',
      'Follow @NewsDesk on Twitter for more.',
      S(2),
      'What do you think of the plan?',
      'What do you think of the plan?',
      'NATO',
    ];
    expect(polishParagraphs(ps, { title: 'Budget agreed after long night', author: 'Jane Smith' })).toEqual([
      S(1),
      S(2),
      // Repeated questions stay: an interview asks each guest the same thing.
      'What do you think of the plan?',
      'What do you think of the plan?',
      'NATO',
    ]);
  });
});

describe('readMetadata', () => {
  it('reads JSON-LD in @graph with an author list, then meta tags', () => {
    const ld = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': ['ReportageNewsArticle'], headline: 'Budget &amp; beyond', author: ['Jane Smith', { '@type': 'Person', name: 'Ali Khan' }, { name: 'https://x.test/profile' }], datePublished: '2021-10-27T08:00:00Z' }] };
    const doc = parseDocument(
      page(
        `<script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="og:site_name" content="The Daily"><link rel="canonical" href="https://daily.test/a">`,
        '',
      ),
    );
    expect(readMetadata(doc)).toMatchObject({ title: 'Budget & beyond', author: 'Jane Smith and Ali Khan', published: '2021-10-27', site: 'The Daily', canonicalUrl: 'https://daily.test/a', paywalled: false });
  });

  it('falls back to og and article: tags; ignores broken JSON-LD and URL authors', () => {
    const doc = parseDocument(
      page(
        '<script type="application/ld+json">{broken</script><meta property="og:title" content="OG title"><meta property="article:published_time" content="2020-02-29T23:00:00-05:00"><meta property="article:author" content="https://facebook.com/someone"><meta name="author" content="By Sam Lee"><title>Doc title</title>',
        '',
      ),
    );
    expect(readMetadata(doc)).toMatchObject({ title: 'OG title', author: 'Sam Lee', published: '2020-02-29', site: null, articleBody: null });
  });

  it('an impossible date is no date', () => {
    const doc = parseDocument(page('<meta property="article:published_time" content="0000-13-45">', ''));
    expect(readMetadata(doc).published).toBeNull();
  });
});

describe('extractArticle and the stored document', () => {
  it('uses JSON-LD articleBody when the page shows much less', () => {
    const body = [S(1), S(2), S(3), S(4), S(5), S(6)].join('\n');
    const ld = { '@type': 'NewsArticle', headline: 'H', articleBody: body };
    const ex = extractArticle(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<div id="app"><p>Loading…</p></div>'));
    expect(ex.paragraphs).toEqual([S(1), S(2), S(3), S(4), S(5), S(6)]);
  });

  it('a page that says it is not free and shows a teaser is refused as paywalled', () => {
    const ld = { '@type': 'NewsArticle', headline: 'H', isAccessibleForFree: 'False' };
    expect(() => documentFromHtml(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, `<article><p>${S(1)}</p><p>${S(2)}</p></article>`), 'https://x.test/a')).toThrow(
      /behind a paywall/,
    );
  });

  it('an article without author or date is stored without them (no placeholder), readable by the library parser only', () => {
    const doc = documentFromHtml(page('<title>Budget agreed</title>', `<article>${[1, 2, 3, 4, 5].map((n) => `<p>${S(n)}</p>`).join('')}</article>`), 'https://www.daily.test/a?x=1');
    expect(doc).toMatchObject({ title: 'Budget agreed', author: null, published: null, site: 'daily.test', canonicalUrl: 'https://www.daily.test/a?x=1' });
    const front = parseYaml(doc.document.split('---\n')[1]!);
    expect(front).toEqual({ title: 'Budget agreed', publisher: 'daily.test', url: 'https://www.daily.test/a?x=1' });
    expect(FrontMatterSchema.safeParse(front).success).toBe(false);
    const md = parseMarkdownArticle(doc.document, 'lib.md', { library: true });
    expect(md.paragraphs.map((p) => p.text)).toEqual(doc.paragraphs);
    expect(doc.paragraphs).toEqual([1, 2, 3, 4, 5].map(S));
  });

  it('a canonical link on another site is not trusted', () => {
    const html = page('<link rel="canonical" href="https://other.test/b">', `<article>${[1, 2, 3].map((n) => `<p>${S(n)}</p>`).join('')}</article>`);
    expect(documentFromHtml(html, 'https://daily.test/a').canonicalUrl).toBe('https://daily.test/a');
    const same = page('<link rel="canonical" href="https://www.daily.test/a#top">', `<article>${[1, 2, 3].map((n) => `<p>${S(n)}</p>`).join('')}</article>`);
    expect(documentFromHtml(same, 'https://daily.test/a?utm=1').canonicalUrl).toBe('https://www.daily.test/a');
  });

  it('YAML-hostile titles survive the front matter', () => {
    const title = '--- "quoted": [x] #not-a-comment @everyone <@1>';
    const doc = documentFromHtml(page(`<title>${title}</title>`, `<article>${[1, 2, 3].map((n) => `<p>${S(n)}</p>`).join('')}</article>`), null);
    expect(parseMarkdownArticle(doc.document, 'x.md', { library: true }).meta.title).toBe(title);
  });
});
