/**
 * The two rendering bugs the strict fake found, and a property test over URLs:
 * 1. excerpt embeds of one message that share a URL are merged by Discord (only the first shows);
 * 2. a URL is limited by its length as sent (percent-encoded), not as typed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Excerpt } from '../../src/core/answer';
import { EXCERPTS_PER_PAGE, pageCount, renderAnswer, safeUrl } from '../../src/discord/render';
import { ask, seedKb } from '../helpers';
import { messageProblems, sentUrlLength } from './discordRules';
import { assertWithinDiscordLimits } from './limits';

/** A Korea Herald search link with the Hangul headline: 132 characters typed, 659 as sent. */
const HANGUL_SEARCH = `https://www.koreaherald.com/search/index.php?q=${'한미 종전선언 입장차 설리번 보좌관 '.repeat(4).trim()}`;

function excerpt(i: number, url: string | undefined, paragraph = i + 1): Excerpt {
  return {
    text: `Passage number ${i} of the article.`,
    kind: 'narration',
    speaker: null,
    source: 'the reporter',
    article: { id: 'a1', title: 'An article', ...(url !== undefined ? { url } : {}) },
    paragraph,
    score: 1,
  };
}

const embedUrls = (msg: ReturnType<typeof renderAnswer>) => (msg.embeds ?? []).map((e) => e.url).filter((u): u is string => u !== undefined);
const buttonUrls = (msg: ReturnType<typeof renderAnswer>) =>
  (msg.components ?? []).flatMap((r) => r.components).flatMap((b) => ('url' in b && typeof b.url === 'string' ? [b.url] : []));

describe('bug 1: excerpts that share a link', () => {
  it('/search query:end-of-war declaration on the seed: every excerpt embed on every page has its own URL', async () => {
    const kb = await seedKb();
    const answer = await ask('/search query:end-of-war declaration', kb);
    expect(answer.excerpts.length).toBeGreaterThanOrEqual(3);
    for (let page = 0; page < pageCount(answer); page++) {
      const msg = renderAnswer(answer, { articles: kb.articles, page });
      const urls = embedUrls(msg);
      expect(urls.length, 'every excerpt keeps its link').toBe(msg.embeds!.length);
      expect(new Set(urls).size, `page ${page + 1}: ${urls.join(' ')}`).toBe(urls.length);
      expect(messageProblems(msg)).toEqual([]);
      assertWithinDiscordLimits(msg);
    }
  });

  it('two excerpts of one paragraph on a page: the second has no URL rather than a shared one', () => {
    const url = 'https://example.com/a';
    const msg = renderAnswer({ command: 'search', excerpts: [excerpt(0, url, 4), excerpt(1, url, 4)] });
    expect(embedUrls(msg)).toEqual(['https://example.com/a#p4']);
    assertWithinDiscordLimits(msg);
  });

  it('a host the URL parser accepts but RFC 3986 does not (a fullwidth grave accent) is no link at all', () => {
    const msg = renderAnswer({ command: 'search', excerpts: [excerpt(0, 'https://\uFF40/')] });
    expect(embedUrls(msg)).toEqual([]);
    expect(messageProblems(msg)).toEqual([]);
  });

  it('a URL that already has a fragment is kept on the first excerpt only', () => {
    const url = 'https://example.com/a#section';
    const msg = renderAnswer({ command: 'search', excerpts: [excerpt(0, url), excerpt(1, url)] });
    expect(embedUrls(msg)).toEqual([url]);
    assertWithinDiscordLimits(msg);
  });
});

describe('bug 2: URL lengths as sent', () => {
  it('the Hangul search link grows from 132 to over 512 characters when percent-encoded', () => {
    expect(HANGUL_SEARCH.length).toBeLessThan(512);
    expect(new URL(HANGUL_SEARCH).href.length).toBeGreaterThan(512);
  });

  it('a Hangul link too long for a link button: no button, the embed keeps the encoded URL, Discord accepts the body', () => {
    const msg = renderAnswer({ command: 'search', excerpts: [excerpt(0, HANGUL_SEARCH)] });
    expect(buttonUrls(msg)).toEqual([]);
    expect(embedUrls(msg)).toEqual([`${new URL(HANGUL_SEARCH).href}#p1`]);
    assertWithinDiscordLimits(msg);
  });

  it('a Hangul link over 2048 characters as sent is dropped from the embed too', () => {
    const long = `https://example.com/?q=${'가'.repeat(600)}`;
    expect(long.length).toBeLessThan(2048);
    const msg = renderAnswer({ command: 'search', excerpts: [excerpt(0, long)] });
    expect(embedUrls(msg)).toEqual([]);
    expect(buttonUrls(msg)).toEqual([]);
    assertWithinDiscordLimits(msg);
  });

  it('safeUrl measures the URL as sent and returns exactly that', () => {
    expect(safeUrl(HANGUL_SEARCH, 512)).toBeUndefined();
    expect(safeUrl(HANGUL_SEARCH, 2048)).toBe(new URL(HANGUL_SEARCH).href);
    expect(safeUrl('https://example.com/a b', 512)).toBe('https://example.com/a%20b');
    expect(safeUrl('javascript:alert(1)', 512)).toBeUndefined();
  });
});

/** URLs as they might appear in front matter: Unicode, spaces, very long, odd schemes, junk. */
const anyUrl: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc
    .tuple(fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', 'javascript:', 'data:text/html,', 'mailto:', 'file:///', 'attachment://', ''), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }))
    .map(([scheme, host, path]) => `${scheme}${host}/${path}`),
  fc.tuple(fc.webUrl(), fc.string({ unit: 'grapheme', minLength: 100, maxLength: 900 })).map(([u, tail]) => `${u}/${tail}`),
  fc.tuple(fc.webUrl(), fc.constantFrom('가', ' ', '%', '#', '(', ')', '\u200b', '😀'), fc.integer({ min: 1, max: 1200 })).map(([u, c, n]) => `${u}?q=${c.repeat(n)}`),
);

describe('property: any article URLs, any number of excerpts', () => {
  it('every page is a body Discord accepts whole, with distinct http(s) embed URLs within the limits as sent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(anyUrl, { nil: undefined }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 3 * EXCERPTS_PER_PAGE }),
        fc.nat(),
        (items, pageSeed) => {
          const answer: Answer = { command: 'search', excerpts: items.map(([url, paragraph], i) => excerpt(i, url, paragraph)) };
          const page = pageSeed % pageCount(answer);
          const msg = renderAnswer(answer, { page, pageId: (p) => `p:search:${p}` });
          assertWithinDiscordLimits(msg);
          const urls = embedUrls(msg);
          expect(new Set(urls).size).toBe(urls.length);
          for (const u of urls) {
            expect(u).toMatch(/^https?:\/\//);
            expect(sentUrlLength(u)).toBeLessThanOrEqual(2048);
          }
          for (const u of buttonUrls(msg)) expect(sentUrlLength(u)).toBeLessThanOrEqual(512);
        },
      ),
      { numRuns: 300 },
    );
  });
});
