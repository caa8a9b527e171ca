/**
 * Issue #12, where a reported clause ends (boundary misses on PolNeAR train): a partial quote
 * followed by more of the same report, and a second predicate of the report's subject after
 * "and". Articles written for this test.
 */
import { describe, expect, it } from 'vitest';
import { attributeArticle as run } from './attributeArticle';

const text = (a: ReturnType<typeof run>, st: { content: { start: number; end: number } }): string => a.body.slice(st.content.start, st.content.end);

describe('a partial quote inside a reported clause', () => {
  it('keeps "and he feels …" in the present tense after a past-tense report as part of it', () => {
    const a = run(['Speaking on local radio, Tomas Berg said the harbour toll is “unworkable” and he feels the council can still change course.']);
    expect(text(a, a.covering('the harbour toll'))).toBe('the harbour toll is “unworkable” and he feels the council can still change course');
  });

  it('still ends at the quote before "and she accused …", a new report in the past tense', () => {
    const a = run(['Mara Quint said the ferry timetable was “a mess” and she accused the operator of ignoring commuters.']);
    expect(text(a, a.covering('the ferry timetable'))).toBe('the ferry timetable was “a mess”');
  });

  it('keeps "but also …" (one predicate in two parts) and ends before "but argues …" (a new one)', () => {
    const a = run([
      'Lena Varga says commuters are “tired of waiting,” but also hopeful about the new bridge.',
      'Ana Lind said the dockworkers showed “real courage” but argues the strike must end soon.',
    ]);
    expect(text(a, a.covering('commuters are'))).toBe('commuters are “tired of waiting,” but also hopeful about the new bridge');
    expect(text(a, a.covering('the dockworkers showed'))).toBe('the dockworkers showed “real courage”');
  });

  it('keeps a comparison with "while" inside the report', () => {
    const a = run(['Tomas Berg said that Varga was “a careful manager” while Quint is “a gambler.”']);
    expect(text(a, a.covering('Varga was'))).toBe('that Varga was “a careful manager” while Quint is “a gambler.”');
  });
});

describe('a second predicate of the subject after "and"', () => {
  it('ends an object or infinitive before "and" with a verb in the report\'s tense', () => {
    const a = run([
      'Councillor Ana Lind vowed to keep the night ferry running and toured the harbour on Monday.',
      'Mayor Lena Varga supports the new shift rota and holds her own meetings with the crews every week.',
    ]);
    expect(text(a, a.covering('to keep the night ferry'))).toBe('to keep the night ferry running');
    expect(text(a, a.covering('the new shift rota'))).toBe('the new shift rota');
  });

  it('does not cut a reported clause with a verb of its own, nor at a plural noun', () => {
    const a = run([
      'Mara Quint said she was tired of the delays and suspected the contractor of cutting corners.',
      'Tomas Berg pledged to cut ferry fares and taxes for commuters.',
    ]);
    expect(text(a, a.covering('she was tired'))).toBe('she was tired of the delays and suspected the contractor of cutting corners');
    expect(text(a, a.covering('to cut ferry fares'))).toBe('to cut ferry fares and taxes for commuters');
  });
});

describe('a second act of the same subject', () => {
  it('ends a participle\'s report before a second participle ("urging … and handing out …")', () => {
    const a = run(['Mayor Lena Varga toured the harbour on Monday, urging residents to use the new ferry and handing out free tickets.']);
    expect(text(a, a.covering('residents to use'))).toBe('residents to use the new ferry');
  });

  it('ends before "and she accused …", the subject\'s pronoun with a report verb in the cue\'s tense', () => {
    const a = run([
      'Mara Quint said the council wasted money on the bridge and she accused the mayor of hiding the costs.',
      'Tomas Berg said the toll was unfair and he thinks most drivers agree.',
    ]);
    expect(text(a, a.covering('the council wasted'))).toBe('the council wasted money on the bridge');
    expect(text(a, a.covering('the toll was unfair'))).toBe('the toll was unfair and he thinks most drivers agree');
  });
});

describe('a non-restrictive relative clause', () => {
  it('ends the report before ", who …" running to the end of the sentence, not before one a comma closes', () => {
    const a = run([
      'Tomas Berg said most voters will back Mara Quint, who is running for a second term.',
      'Lena Varga accused Tomas Berg, who runs the ferry line, of hiding the repair costs.',
    ]);
    expect(text(a, a.covering('most voters will back'))).toBe('most voters will back Mara Quint');
    expect(text(a, a.covering('who runs the ferry line'))).toContain('of hiding the repair costs');
  });
});

describe('a stance with quoted words', () => {
  it('keeps a reason or a place after the quoted words, ends before an occasion', () => {
    const a = run([
      'Mayor Lena Varga called the harbour plan “a mistake” because so few people live near the docks.',
      'Tomas Berg called the ferry deal “a historic step” in the effort to cut traffic.',
      'Mara Quint called the toll “a disgrace” during a council meeting on Monday.',
    ]);
    expect(text(a, a.covering('the harbour plan'))).toBe('the harbour plan “a mistake” because so few people live near the docks');
    expect(text(a, a.covering('the ferry deal'))).toBe('the ferry deal “a historic step” in the effort to cut traffic');
    expect(text(a, a.covering('the toll'))).toBe('the toll “a disgrace”');
  });
});
