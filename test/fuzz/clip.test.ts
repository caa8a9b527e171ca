/**
 * The one text cutter (`src/core/clip.ts`) and every place a reply is cut to a length: text is cut
 * between grapheme clusters only (never half a surrogate pair, flag, skin tone or ZWJ family),
 * within the limit, and nothing that comes out holds a lone surrogate. The renderer property
 * feeds emoji-heavy answers at and around every Discord limit through `renderAnswer`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer';
import { clip, graphemePrefix, isWellFormed, wellFormed } from '../../src/core/clip';
import { escapeAndFit, truncate } from '../../src/discord/markdown';
import { renderAnswer } from '../../src/discord/render';
import { assertWithinDiscordLimits } from '../discord/limits';
import { assertNoLoneSurrogates, emojiAround, emojiHeavy, fuzzRuns } from './hostile';

const RUNS = fuzzRuns(2000);
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const clusters = (s: string) => [...segmenter.segment(s)].map((g) => g.segment);

describe('clip', () => {
  it('cuts 21 × 😀 to whole emoji (the "/position party:" reply that broke)', () => {
    const out = clip('😀'.repeat(21), 40);
    expect(out).toBe(`${'😀'.repeat(19)}…`);
    expect(isWellFormed(out)).toBe(true);
  });

  it('never splits a flag, a skin tone or a ZWJ family', () => {
    expect(clip('🇰🇷🇰🇷🇰🇷', 6)).toBe('🇰🇷…');
    expect(clip('ab👍🏽', 5)).toBe('ab…');
    expect(clip('x👨‍👩‍👧‍👦y', 11)).toBe('x…');
    expect(graphemePrefix('🇰🇷🇺🇸', 3)).toBe('');
    expect(graphemePrefix('🇰🇷🇺🇸', 7)).toBe('🇰🇷');
  });

  it('text that fits is unchanged; lone surrogates become U+FFFD', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('a\ud800b', 10)).toBe('a\ufffdb');
    expect(wellFormed('\udfff\ud83d\ude00')).toBe('\ufffd😀');
    expect(clip('anything', 0)).toBe('');
    expect(clip('anything', 1)).toBe('…');
  });

  it('a single cluster longer than the room: accents are cut between code points, an emoji sequence is dropped whole', () => {
    const zalgo = `a${'\u0301'.repeat(50)}`;
    expect(clip(zalgo, 10)).toBe(`a${'\u0301'.repeat(8)}…`);
    const chain = Array(10).fill('👨').join('\u200d');
    expect(clip(chain, 8)).toBe('…');
  });

  it('property: within the limit, well-formed, and a cut only between the clusters of the input', () => {
    const input = fc.oneof(emojiHeavy, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }));
    fc.assert(
      fc.property(input, fc.nat({ max: 420 }), fc.boolean(), (text, max, atWord) => {
        const out = clip(text, max, { atWord });
        expect(out.length).toBeLessThanOrEqual(max);
        expect(isWellFormed(out)).toBe(true);
        const safe = wellFormed(text);
        if (safe.length <= max) {
          expect(out).toBe(safe);
          return;
        }
        const kept = out.replace(/…$/, '');
        expect(safe.startsWith(kept)).toBe(true);
        // The kept part ends on a cluster boundary of the input (unless one cluster alone was too long).
        const whole = clusters(safe);
        if (whole[0]!.length < max) {
          let at = 0;
          const ends = new Set([0]);
          for (const c of whole) ends.add((at += c.length));
          expect(ends.has(kept.trimEnd().length) || ends.has(kept.length), `cut inside a cluster: ${JSON.stringify(kept.slice(-6))}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('property: truncate and escapeAndFit (the Discord renderers) keep the same guarantees', () => {
    fc.assert(
      fc.property(fc.oneof(emojiHeavy, fc.string({ unit: 'binary', maxLength: 300 })), fc.integer({ min: 0, max: 420 }), (text, max) => {
        for (const out of [truncate(text, max), escapeAndFit(text, max)]) {
          expect(out.length).toBeLessThanOrEqual(Math.max(max, 0));
          expect(isWellFormed(out)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('every clip site in the Discord renderer', () => {
  it('property: emoji-heavy answers at every limit render within limits with no lone surrogate', () => {
    const excerpt = fc.record({
      text: fc.oneof(emojiAround(1400), emojiAround(4096), emojiHeavy),
      source: fc.oneof(emojiAround(300), emojiHeavy),
      title: fc.oneof(emojiAround(256), emojiAround(80), emojiHeavy),
      highlight: fc.nat({ max: 200 }),
    });
    const answer = fc.record({
      excerpts: fc.array(excerpt, { maxLength: 7 }),
      notice: fc.option(fc.oneof(emojiAround(2000), emojiAround(1990), emojiHeavy), { nil: undefined }),
      people: fc.array(fc.record({ name: fc.oneof(emojiAround(200), emojiHeavy), role: fc.oneof(emojiAround(600), emojiHeavy) }), { maxLength: 12 }),
      publisher: fc.oneof(emojiAround(300), emojiHeavy),
      articleTitle: fc.oneof(emojiAround(200), emojiHeavy),
    });
    fc.assert(
      fc.property(answer, fc.nat({ max: 3 }), (a, page) => {
        const value: Answer = {
          command: 'search',
          excerpts: a.excerpts.map((e, i) => ({
            text: e.text,
            kind: 'direct',
            speaker: null,
            source: e.source,
            article: { id: `a${i % 2}`, title: e.title, url: `https://example.com/${i % 2}` },
            paragraph: i + 1,
            score: 1,
            // Highlights come from word matches, so they start and end between clusters.
            highlights: [[graphemePrefix(e.text, e.highlight).length, graphemePrefix(e.text, e.highlight + 9).length]],
          })),
          people: a.people.map((p) => ({ name: p.name, role: p.role, affiliation: p.role, quotes: 1 })),
          articles: [{ id: 'a0', title: a.articleTitle, publisher: a.publisher, paragraphs: 3 }],
          ...(a.notice ? { notice: a.notice } : {}),
        };
        const meta = [0, 1].map((i) => ({ id: `a${i}`, title: a.articleTitle, publisher: a.publisher, published: '2021-12-01' }));
        const message = renderAnswer(value, { articles: meta, page, pageId: (p) => `p:search:${p}` });
        assertWithinDiscordLimits(message);
        assertNoLoneSurrogates(message, 'render');
      }),
      { numRuns: Math.max(30, Math.floor(RUNS / 50)) },
    );
  });
});
