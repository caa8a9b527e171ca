/**
 * Nouns ending in -ly ("rally", "family", "assembly") are not adverbs: stepping over one as a
 * pre-verb adverb, or trimming it off a source, left its determiner as the source ("said Stal at a
 * rally, adding that …" → source "a"; "The family said" → "The"). Articles written for this test;
 * each case fails when `lyModifier` treats every -ly word as an adverb again.
 */
import { describe, expect, it } from 'vitest';
import { attributeArticle as run } from './attributeArticle';

type Article = ReturnType<typeof run>;
const sourceOf = (a: Article, content: string): string | undefined => a.result.statements.find((s) => a.body.slice(s.content.start, s.content.end) === content)?.source?.text;

describe('a noun ending in -ly', () => {
  it('before ", adding that" leaves the participle with the sentence\'s speaker', () => {
    const a = run(['Union leader Mira Stal spoke to dock workers on Friday.', '“We will not go back to work,” said Stal at a rally, adding that the strike could last for weeks.']);
    const st = a.covering('the strike could last for weeks');
    expect(st.source?.text).not.toBe('a');
    expect(a.who(st)).toBe('Mira Stal');
  });

  it('stays the head of its source ("The family said", "A member of the assembly said")', () => {
    const a = run(['The family said that the inquiry had been too slow.', 'A member of the assembly said the vote would come in March.']);
    expect(sourceOf(a, 'that the inquiry had been too slow')).toBe('The family');
    expect(sourceOf(a, 'the vote would come in March')).toBe('A member of the assembly');
  });

  it('while an adverb in -ly is still trimmed off a source ("Mira Stal recently said")', () => {
    const a = run(['Mira Stal recently said that the inquiry had been too slow.', 'Stal briefly explained the plan.']);
    expect(sourceOf(a, 'that the inquiry had been too slow')).toBe('Mira Stal');
  });
});
