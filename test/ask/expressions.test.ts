import { describe, expect, it } from 'vitest';
import { expressionHits, expressionShare, questionExpressions } from '../../src/answer/askExpressions';
import { words } from '../../src/text/words';

describe("a question's phrasal verbs, matched by WordNet's expressions", () => {
  it('reads "going on" as go_on and finds "taking place" and "happening" for it', () => {
    const exprs = questionExpressions(words('What kind of talks are going on right now?'));
    expect(exprs.map((e) => e.lemma)).toEqual(['go_on']);
    const text = words('While talks on aid are taking place, little is happening elsewhere, and nothing went on.');
    const hits = expressionHits(text, exprs);
    expect(hits[0]!.map((j) => text[j]!.norm)).toEqual(['taking', 'happening', 'went']);
    expect(expressionShare(hits, 0, 3)).toBe(0);
    expect(expressionShare(hits, 0, text.length)).toBe(1);
  });

  it('reads only verb-and-particle pairs WordNet lists', () => {
    expect(questionExpressions(words('What kind of talks are planned?'))).toEqual([]);
    expect(questionExpressions(words('Who will step down?')).map((e) => e.lemma)).toEqual(['step_down']);
  });
});
