import { describe, expect, it } from 'vitest';
import { attributeQuotes } from '../../src/analysis/attribute';
import { attributeArticle } from './attributeArticle';

// Small invented articles; `run` attributes one and answers who said what.
const run = attributeArticle;

describe('attribution shapes', () => {
  it('keeps a quote that runs over two paragraphs as one statement of its speaker', () => {
    const { body, result, covering, who } = run([
      'The city council voted on Monday to close the old bridge.',
      '\u201CWe looked at every option, and none of them was safe,\u201D said Maria Lopez, the council\u2019s engineer. \u201CThe steel is simply worn out.',
      '\u201CWe will build a new crossing within three years.\u201D',
      'Traffic will be diverted in the meantime.',
    ]);
    const st = covering('\u201CWe looked at every option');
    expect(who(st)).toBe('Maria Lopez');
    // The continuation paragraph belongs to the same statement.
    const cont = body.indexOf('We will build');
    expect(st.content.end).toBeGreaterThan(cont);
    expect(result.statements.filter((s) => s.kind === 'direct')).toHaveLength(1);
    expect(result.speakers.find((s) => s.name === 'Maria Lopez')?.role).toBe('council\u2019s engineer');
  });

  it('labels "according to" sources and keeps the content before them', () => {
    const { covering } = run(['The company will cut 300 jobs next year, according to two people familiar with the plan.']);
    const st = covering('The company will cut 300 jobs next year');
    expect(st.kind).toBe('indirect');
    expect(st.speakerId).toBeNull();
    expect(st.sourceLabel).toBe('two people familiar with the plan');
  });

  it('skips a nearer speaker of the other gender: "he said" after a woman goes back to the man', () => {
    const { covering, who } = run([
      'Robert Hale, the mayor, said the bridge would reopen in May.',
      'Anna Berg, a council member, said the repairs had cost twice the estimate.',
      '\u201CWe will find the money,\u201D he said.',
    ]);
    expect(who(covering('We will find the money'))).toBe('Robert Hale');
  });

  it('skips a nearer speaker of the other gender: "she said" after a man goes back to the woman', () => {
    const { covering, who } = run([
      'Mary Owens, who chairs the school board, said the vote would take place in June.',
      'Mr. Peter Grant, the superintendent, said the budget was already tight.',
      '\u201CThe children come first,\u201D she said.',
    ]);
    expect(who(covering('The children come first'))).toBe('Mary Owens');
  });

  it('leaves a gendered pronoun unattributed when the only speaker near it has the other gender', () => {
    const { covering, who } = run(['Linda Park, the principal, said classes would resume on Monday.', '\u201CWe are ready,\u201D he said.']);
    expect(who(covering('We are ready'))).toBeNull();
  });

  it('follows he/she pronouns to the most recent speaker of the same gender', () => {
    const { covering, who } = run([
      'Sarah Miller, a nurse at the county hospital, said the ward had been full for weeks.',
      '\u201CWe are exhausted,\u201D she said.',
      'David Chen, who runs the hospital, said new staff would arrive in March.',
      '\u201CHelp is on the way,\u201D he said. \u201CWe hired forty people.\u201D',
      '\u201CI will believe it when I see them,\u201D she said.',
      '\u201CThey start on Monday,\u201D he replied.',
    ]);
    expect(who(covering('We are exhausted'))).toBe('Sarah Miller');
    expect(who(covering('Help is on the way'))).toBe('David Chen');
    expect(who(covering('We hired forty people'))).toBe('David Chen');
    expect(who(covering('I will believe it'))).toBe('Sarah Miller');
    expect(who(covering('They start on Monday'))).toBe('David Chen');
  });

  it('leaves a quote with no attribution unattributed instead of guessing', () => {
    const { covering } = run([
      'Peter Brown, the mayor, said the festival would go ahead.',
      'Thousands of visitors are expected over the weekend.',
      'Across town, \u201CSee you at the river\u201D is painted on shop windows in bright letters.',
    ]);
    const st = covering('See you at the river');
    expect(st.speakerId).toBeNull();
    expect(st.sourceLabel).toBe('unattributed');
    expect(st.source).toBeNull();
  });

  it('does not guess between two people who share a surname and have not spoken', () => {
    const { covering, result } = run([
      'The twins Anna Park and James Park opened a bakery in the old station last spring.',
      '\u201CWe never expected the queues,\u201D Park said.',
    ]);
    const st = covering('We never expected the queues');
    expect(st.speakerId).toBeNull();
    expect(st.sourceLabel).toBe('Park');
    expect(result.speakers.map((s) => s.name).sort()).toEqual(['Anna Park', 'James Park']);
  });

  it('resolves a shared surname to the one who just spoke', () => {
    const { covering, who } = run([
      'Governor Helen Ross has promised a new budget. Her brother, Thomas Ross, a professor of economics, said Tuesday that the plan would not add up.',
      '\u201CThe numbers are wishful,\u201D said Ross at a lecture.',
    ]);
    expect(who(covering('The numbers are wishful'))).toBe('Thomas Ross');
  });

  it('labels organisations and unnamed groups without inventing a person', () => {
    const { covering, result } = run([
      'The White House said the talks would continue next week.',
      'Analysts said the delay could hurt markets.',
    ]);
    expect(covering('the talks would continue').sourceLabel).toBe('The White House');
    expect(covering('the talks would continue').speakerId).toBeNull();
    expect(covering('the delay could hurt markets').sourceLabel).toBe('analysts');
    expect(result.speakers).toHaveLength(0);
  });

  it('joins a quote interrupted by "he said" into one statement with fragments', () => {
    const { covering, who } = run([
      'Tom Evans, a farmer, has watched the river rise for a week.',
      '\u201CIt is the worst I have seen,\u201D he said. \u201CWe moved the cattle on Sunday.\u201D',
    ]);
    const st = covering('It is the worst');
    expect(who(st)).toBe('Tom Evans');
    expect(st.fragments).toHaveLength(2);
  });

  it('reports a partial quote inside a paraphrase as one mixed statement of its speaker', () => {
    const { covering, who } = run(['Former governor Lisa Grant called the new tax plan \u201Ca gift to the rich\u201D on Friday.']);
    const st = covering('the new tax plan \u201Ca gift to the rich\u201D');
    expect(st.kind).toBe('direct');
    expect(who(st)).toBe('Lisa Grant');
    expect(st.quoted).toHaveLength(1);
  });

  it('gives an uncued quote paragraph to the speaker whose statement ends the previous paragraph', () => {
    const { covering, who } = run([
      'Helen Park, a union leader, told reporters that the strike would go on.',
      '\u201CWe are not going back until the contract is signed.\u201D',
    ]);
    expect(who(covering('We are not going back'))).toBe('Helen Park');
  });

  it('does not treat a Title Case show name in quotes as speech', () => {
    const { result, body } = run(['Speaking on \u201CMeet the Press,\u201D Senator Tom Hale said the vote would fail.']);
    const show = body.indexOf('Meet the Press');
    expect(result.statements.some((s) => s.kind === 'direct' && s.content.start <= show && show < s.content.end)).toBe(false);
  });

  it('keeps an inner quote of another mark style inside the outer quote', () => {
    const { covering, who } = run(['"They call it the \u201Cfair deal,\u201D but nobody asked us," said Omar Haddad, a shop owner.']);
    const st = covering('but nobody asked us');
    expect(who(st)).toBe('Omar Haddad');
    expect(st.content.start).toBe(0);
  });

  it('never makes the byline author a speaker', () => {
    const body = 'Reporter Jane Doe visited the site. Mark Twain Jr., a guide, said the path was closed.';
    const result = attributeQuotes(body, { author: 'Jane Doe' });
    expect(result.speakers.map((s) => s.name)).toEqual(['Mark Twain Jr.']);
    expect(result.statements.map((s) => [s.kind, s.sourceLabel])).toEqual([['indirect', 'Mark Twain Jr.']]);
  });
});
