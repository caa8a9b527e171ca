/** Renderer unit tests: limits, escaping, highlights, paging, people and articles. */
import { describe, expect, it } from 'vitest';
import type { Answer, Excerpt } from '../../src/core/answer';
import { escapeMarkdown, truncate } from '../../src/discord/markdown';
import { renderAnswer } from '../../src/discord/render';
import { assertNoLiveMentions, assertWithinDiscordLimits, visibleText } from './limits';

const NASTY = '**bold** __under__ ~~strike~~ ||spoiler|| `code` ```block``` > quote\n# heading\n- item [x](https://evil.example) @everyone @here <@123> <@!5> <@&7> <#9> \\ end';

function excerpt(over: Partial<Excerpt> = {}): Excerpt {
  return {
    text: 'The armistice agreement was signed in 1953.',
    kind: 'direct',
    speaker: { name: 'Jake Sullivan', role: 'US national security adviser' },
    source: 'Jake Sullivan, US national security adviser',
    match: 'exact',
    article: { id: 'a1', title: 'US, South Korea may differ', url: 'https://example.com/a1' },
    paragraph: 3,
    score: 1,
    highlights: [[4, 13]],
    ...over,
  };
}

const answer = (over: Partial<Answer> = {}): Answer => ({ command: 'search', excerpts: [excerpt()], ...over });
const pageId = (p: number) => `p:search:${p}:x`;

describe('renderAnswer', () => {
  it('says what differs on a near miss, escaped and within the limits', () => {
    const near = renderAnswer(answer({ excerpts: [excerpt({ match: 'related', differs: 'said “aligned”, not “opposed”' })] }));
    expect(near.embeds![0]!.description).toMatch(/^\*Closest passage, not a match \(said “aligned”, not “opposed”\):\*\n> /);
    const nasty = renderAnswer(answer({ excerpts: [excerpt({ match: 'related', differs: `said “${NASTY.repeat(20)}”, not “x”` })] }));
    assertWithinDiscordLimits(nasty);
    assertNoLiveMentions(visibleText(nasty));
    expect(nasty.embeds![0]!.description).toContain(escapeMarkdown('**bold**'));
  });

  it('renders quote, bold match, attribution, kind, match, paragraph, link and footer', () => {
    const msg = renderAnswer(answer(), {
      articles: [{ id: 'a1', title: 'US, South Korea may differ', publisher: 'The Korea Herald', published: '2021-10-27' }],
    });
    assertWithinDiscordLimits(msg);
    const e = msg.embeds![0]!;
    expect(e.description).toContain('> The **armistice** agreement was signed in 1953.');
    expect(e.description).toContain('— Jake Sullivan, US national security adviser');
    expect(e.title).toBe('US, South Korea may differ');
    // The article URL plus the paragraph, so several excerpts of one article keep distinct URLs.
    expect(e.url).toBe('https://example.com/a1#p3');
    expect(e.footer?.text).toBe('The Korea Herald · 2021-10-27');
    expect(e.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Kind', value: 'quote' }),
        expect.objectContaining({ name: 'Match', value: 'exact' }),
        expect.objectContaining({ name: 'Paragraph', value: '¶ 3' }),
      ]),
    );
    const link = msg.components!.flatMap((r) => r.components).find((b) => 'url' in b);
    expect(link).toMatchObject({ url: 'https://example.com/a1', label: 'Open article' });
  });

  it('labels kinds and a related match clearly', () => {
    const msg = renderAnswer(answer({ excerpts: [excerpt({ kind: 'indirect', match: 'related', highlights: undefined })] }));
    const text = visibleText(msg);
    expect(text).toContain('paraphrase');
    expect(text).toMatch(/closest passage, not a match/i);
    expect(msg.embeds![0]!.description).not.toContain('**armistice**');
    expect(visibleText(renderAnswer(answer({ excerpts: [excerpt({ kind: 'narration' })] })))).toContain('narration');
  });

  it('escapes markdown and mentions in article text, source, title and notice', () => {
    const msg = renderAnswer(
      answer({
        notice: `No match for ${NASTY}`,
        excerpts: [excerpt({ text: NASTY, source: NASTY, article: { id: 'a', title: NASTY }, highlights: [[0, 8], [50, 70]] })],
        people: [{ name: NASTY, role: NASTY, affiliation: NASTY, quotes: 2 }],
        articles: [{ id: 'a', title: NASTY, publisher: NASTY, paragraphs: 3, url: 'javascript:alert(1)' }],
      }),
      { pageId },
    );
    assertWithinDiscordLimits(msg);
    const text = visibleText(msg);
    assertNoLiveMentions(text);
    expect(text).not.toContain('[x](https');
    expect(text).toContain('\\[x\\]');
    expect(text).not.toMatch(/(^|[^\\])\|\|spoiler/);
    expect(text).not.toMatch(/(^|[^\\])~~strike/);
    expect(text).not.toMatch(/(^|[^\\])`code/);
    expect(text).not.toContain('javascript:');
  });

  it('keeps very long excerpts within limits, cut at a word with an ellipsis', () => {
    const long = 'word '.repeat(3000).trim();
    const msg = renderAnswer(answer({ excerpts: [excerpt({ text: long, highlights: [[0, 4], [14000, 14990]] })] }));
    assertWithinDiscordLimits(msg);
    const d = msg.embeds![0]!.description!;
    expect(d).toMatch(/word…\n—/);
  });

  it('keeps many, long, markdown-heavy excerpts within every limit on every page', () => {
    const heavy = (NASTY + ' ').repeat(60);
    const excerpts = Array.from({ length: 40 }, (_, i) =>
      excerpt({ text: heavy, source: heavy, article: { id: `a${i}`, title: heavy, url: `https://example.com/${i}` }, highlights: [[0, 5000]] }),
    );
    const people = Array.from({ length: 60 }, (_, i) => ({ name: `${heavy}${i}`, role: heavy, affiliation: heavy, quotes: i }));
    const big = answer({ excerpts, people, notice: heavy });
    for (let page = 0; page < 14; page++) {
      const msg = renderAnswer(big, { page, pageId, articles: excerpts.map((e) => ({ id: e.article.id, title: heavy, publisher: heavy, published: heavy })) });
      assertWithinDiscordLimits(msg);
      assertNoLiveMentions(visibleText(msg));
    }
  });

  it('pages 3 excerpts at a time with Prev/Next', () => {
    const many = answer({ excerpts: Array.from({ length: 7 }, (_, i) => excerpt({ paragraph: i + 1 })) });
    const first = renderAnswer(many, { pageId });
    expect(first.embeds).toHaveLength(3);
    expect(first.content).toContain('page 1/3');
    const [prev, , next] = first.components![0]!.components as Array<{ custom_id: string; disabled: boolean }>;
    expect(prev!.disabled).toBe(true);
    expect(next).toMatchObject({ custom_id: 'p:search:1:x', disabled: false });
    const last = renderAnswer(many, { page: 99, pageId });
    expect(last.embeds).toHaveLength(1);
    expect(last.content).toContain('page 3/3');
    assertWithinDiscordLimits(last);
  });

  it('renders an empty answer and the notice', () => {
    expect(renderAnswer({ command: 'search', excerpts: [] }).content).toBe('Nothing found.');
    const msg = renderAnswer({ command: 'help', excerpts: [], notice: 'Use /search <words>' });
    expect(msg.content).toContain('Use /search \\<words\\>');
    assertWithinDiscordLimits(msg);
  });

  it('always carries allowed_mentions', () => {
    expect(renderAnswer({ command: 'x', excerpts: [] }).allowed_mentions).toEqual({ parse: [] });
  });
});

describe('markdown helpers', () => {
  it('escape is idempotent-safe and neutralises mentions', () => {
    expect(escapeMarkdown('a*b')).toBe('a\\*b');
    expect(escapeMarkdown('\\*')).toBe('\\\\\\*');
    assertNoLiveMentions(escapeMarkdown('@everyone <@123>'));
  });
  it('truncate cuts at a word boundary', () => {
    expect(truncate('hello wonderful world', 16)).toBe('hello wonderful…');
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('x'.repeat(50), 10)).toHaveLength(10);
  });
});
