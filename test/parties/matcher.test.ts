import { describe, expect, it } from 'vitest';
import { PartyMatcher } from '../../src/parties/matcher';
import { PartyRegistry } from '../../src/parties/registry';
import type { Alias } from '../../src/parties/types';

/** The matcher's spans as one alternation over every alias would find them (the old implementation). */
function referenceSpans(aliases: readonly Alias[], text: string): Array<[number, number]> {
  const sorted = [...aliases].sort((a, b) => b.text.length - a.text.length);
  const seen = new Set<string>();
  const patterns: string[] = [];
  for (const a of sorted) {
    const flexible = a.kind === 'context' || /^the\s/i.test(a.text);
    const key = flexible ? a.text.charAt(0).toLowerCase() + a.text.slice(1) : a.text;
    if (seen.has(key)) continue;
    seen.add(key);
    const escaped = a.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const f = a.text.charAt(0);
    patterns.push(flexible ? `[${f.toLowerCase()}${f.toUpperCase()}]${escaped.slice(1)}` : escaped);
  }
  const re = new RegExp(`(?<![\\p{L}\\p{N}'’.\\-])(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

describe('the token-lookup party matcher', () => {
  const registry = new PartyRegistry();
  const texts = [
    'The U.S. and the United States, U.S.-led talks, pro-US groups, N.Korea and N. Korea; the White House, The White House.',
    'South  Korea\nand South\tKorea; South Koreans; Korea’s envoy; UN Command, U.N. Command, the UN Security Council.',
    'Côte d’Ivoire, Côte d\'Ivoire and Ivory Coast; the Élysée and the Elysee Palace; G-7, G7, G20 summits.',
    'George Washington met Washington in Washington state; Jordan, Chad, Georgia; the Kremlin, Downing Street.',
    '𝐀 Seoul 𝐁Seoul Seoul𝐂 — US, us, USA, U.S.A., the States, America, American, Americans.',
  ];
  it('finds exactly what one alternation over every alias finds', () => {
    for (const text of texts) {
      const spans = registry.matcher.find(text).map((m) => [m.start, m.end] as [number, number]);
      const reference = referenceSpans(registry.aliases, text);
      const reported = (s: number, e: number) => spans.some(([a, b]) => a === s && b === e);
      // Every reported mention is a reference span, in order ...
      expect(spans).toEqual(reference.filter(([s, e]) => reported(s, e)));
      // ... and the only reference spans left out are ambiguous names inside longer names
      // ("George Washington") and names split by other whitespace than one space, as before.
      for (const [s, e] of reference.filter(([a, b]) => !reported(a, b))) {
        const surface = text.slice(s, e);
        const ambiguous = registry.aliases.some((a) => a.ambiguous && a.text === surface);
        expect(ambiguous || /\s\s|[\t\n]/.test(surface), surface).toBe(true);
      }
      expect(spans.length).toBeGreaterThan(0);
    }
  });

  it('handles custom aliases, lower-case first letters and names that do not start with a letter', () => {
    const m = new PartyMatcher([
      { text: 'the regime', partyId: 'prk', kind: 'context' },
      { text: '(Kim) dynasty', partyId: 'prk', kind: 'name' },
      { text: 'Seoul', partyId: 'kor', kind: 'capital' },
    ]);
    const found = m.find('The regime and the regime; the (Kim) dynasty; the regimes; Seoul.').map((x) => x.text);
    expect(found).toEqual(['The regime', 'the regime', '(Kim) dynasty', 'Seoul']);
  });
});
