/**
 * A participle that describes a noun is nobody's report: "Alan Gross, an American contractor
 * accused of spying" credited "Cuba also released Alan Gross" to Gross (an inverted "CLAUSE, X
 * accused" tag) — a wrong name. Verbs that need an object when active ("accused", "blamed") are
 * passive straight before "of/for/with", and any non-speech participle before "by" is. Articles
 * written for this test; each case fails with its rule removed.
 */
import { describe, expect, it } from 'vitest';
import { attributeArticle as run } from './attributeArticle';

type Article = ReturnType<typeof run>;
const contents = (a: Article): string[] => a.result.statements.map((s) => a.body.slice(s.content.start, s.content.end));

describe('a participle describing the noun before it', () => {
  it('("accused of", "blamed for") makes no statement of that noun', () => {
    const a = run([
      'The harbour board released Ola Berg, a former pilot accused of smuggling.',
      'The port reopened on Monday under Mira Stal, an engineer blamed for the delay.',
    ]);
    expect(a.result.statements.filter((s) => a.who(s) === 'Ola Berg' || a.who(s) === 'Mira Stal')).toEqual([]);
    expect(contents(a).some((c) => /released Ola Berg|port reopened/.test(c))).toBe(false);
  });

  it('before its agent ("reported by", "maintained by") gives the noun no statement', () => {
    const a = run([
      'It had two columns, one listing the facts reported by the board in the cases it cited, and another listing the facts left out.',
      'The audit used call sheets maintained by her closest aides — documents the paper received after a lawsuit.',
    ]);
    const sources = a.result.statements.map((s) => s.source?.text);
    expect(sources).not.toContain('the facts');
    expect(sources).not.toContain('The audit used call sheets');
  });

  it('while the active verb with its object is still read ("Stal accused the mayor of lying")', () => {
    const a = run(['Mira Stal accused the mayor of lying about the levy.']);
    expect(a.who(a.covering('the mayor of lying'))).toBe('Mira Stal');
  });
});
