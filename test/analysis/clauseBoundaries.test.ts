/**
 * Issue #12, second round of indirect speech: where a reported clause starts and ends, inverted
 * tags after a many-comma clause, Title Case headlines, and a capitalised surname that is not a
 * role word ("…, Batchelder said" is nobody known, not "the teacher"). Articles written for this test.
 */
import { describe, expect, it } from 'vitest';
import { attributeArticle as run } from './attributeArticle';

const text = (a: ReturnType<typeof run>, st: { content: { start: number; end: number } }): string => a.body.slice(st.content.start, st.content.end);

describe('where a reported clause ends', () => {
  it('ends before a non-restrictive "which" comment, but keeps one inside the subject or before a quote', () => {
    const a = run([
      'Harbour master Lena Varga said she expects the ferry to reopen by spring, which would end a two-year closure.',
      'Tomas Berg said that in the three largest ports, which include Varna and Burgas, crews have been cut by half.',
      'Mara Quint said the fares would rise, which is “a blow to every commuter.”',
    ]);
    expect(text(a, a.covering('she expects the ferry'))).toBe('she expects the ferry to reopen by spring');
    expect(text(a, a.covering('in the three largest ports'))).toContain('crews have been cut by half');
    expect(text(a, a.covering('the fares would rise'))).toContain('a blow to every commuter');
  });

  it('ends before a coordinated clause with its own subject and verb', () => {
    const a = run(['The port authority announced that it is lowering its forecast for cargo this year, and the downgrade is worrying the shipping lines.']);
    expect(text(a, a.covering('it is lowering'))).toBe('that it is lowering its forecast for cargo this year');
  });

  it('starts at the reported clause when "that" is a relative pronoun inside it', () => {
    const a = run(['Chief Inspector Ana Lind said officials have a video that shows the collision.']);
    const st = a.covering('officials have a video');
    expect(text(a, st)).toBe('officials have a video that shows the collision');
    expect(a.who(st)).toBe('Ana Lind');
  });

  it('finds the subject past an adverb ("Mara Quint now says …")', () => {
    const a = run(['Mara Quint opened the bridge in 2019.', 'Mara Quint now says she opposes the toll.']);
    const st = a.covering('she opposes the toll');
    expect(text(a, st)).toBe('she opposes the toll');
    expect(a.who(st)).toBe('Mara Quint');
  });
});

describe('inverted tags', () => {
  it('reads "CLAUSE, with, commas, said NAME." and "…, said one source in the room." as the whole clause', () => {
    const a = run([
      'Tomas Berg runs the ferry line.',
      'Fares would rise for commuters, but for some, the savings would outweigh the cost, said Halvorsen.',
      'The meeting did not go well for the union, and talks broke down from there, said one source in the room.',
    ]);
    const fares = a.covering('Fares would rise');
    expect(text(a, fares)).toBe('Fares would rise for commuters, but for some, the savings would outweigh the cost');
    expect(fares.source?.text).toBe('Halvorsen');
    // A capitalised surname ending in -er/-sen is a name nobody introduced, never a role that
    // reaches for the last person mentioned.
    expect(a.who(fares)).toBe(null);
    const talks = a.covering('The meeting did not go well');
    expect(text(a, talks)).toBe('The meeting did not go well for the union, and talks broke down from there');
    expect(talks.source?.text).toBe('one source');
  });

  it('keeps "CLAUSE, he said, and …" to the clause before the tag', () => {
    const a = run(['Mara Quint chairs the board.', 'It would take three weeks to convene the board, she said, and the wrangling could be paralysing.']);
    const st = a.covering('It would take three weeks');
    expect(text(a, st)).toBe('It would take three weeks to convene the board');
    expect(a.who(st)).toBe('Mara Quint');
  });

  it('does not read a name and its appositive before the verb as an inverted clause', () => {
    const a = run(['Ivo Dimov, the port’s chief engineer, said the cranes were too old.']);
    const st = a.covering('the cranes were too old');
    expect(text(a, st)).toBe('the cranes were too old');
    expect(a.who(st)).toBe('Ivo Dimov');
  });

  it('never credits "…, Fowler said" to the person a pronoun would reach', () => {
    const a = run(['Mara Quint spoke at the opening on Monday.', 'The bridge will need new cables within a decade, Fowler said.']);
    expect(a.who(a.covering('The bridge will need new cables'))).toBe(null);
  });
});

describe('Title Case headlines', () => {
  it('reads "SOURCE Says CONTENT" and "CONTENT, SOURCE Says" on the first line', () => {
    const a = run(['Mara Quint Says Ferry Fares Will Fall Next Year.', 'Mara Quint, the mayor, spoke on Monday.']);
    const st = a.covering('Ferry Fares Will Fall');
    expect(text(a, st)).toBe('Ferry Fares Will Fall Next Year');
    expect(st.source?.text).toBe('Mara Quint');
    const b = run(['Bridge Tolls Could End By Spring, Harbour Board Says.', 'The board met on Monday.']);
    const hb = b.covering('Bridge Tolls Could End');
    expect(text(b, hb)).toBe('Bridge Tolls Could End By Spring');
    expect(hb.source?.text).toBe('Harbour Board');
  });

  it('skips an opening phrase, a subordinate opening and a sentence-case first line', () => {
    const a = run(['Railing Against Tolls, Quint Vows To Scrap Bridge Fees For Residents.', 'Text.']);
    expect(a.covering('To Scrap Bridge Fees').source?.text).toBe('Quint');
    const b = run(['After Quint Heard What The Board Says, She Cancels The Vote.', 'Text.']);
    expect(b.result.statements.some((s) => s.content.start === 0 || b.body.slice(s.content.start, s.content.end).startsWith('It'))).toBe(false);
    const c = run(['The Harbour Board meets on Monday and Quint says little.', 'Text.']);
    expect(c.result.statements.some((s) => s.sourceLabel === 'Quint' && c.body.slice(s.content.start, s.content.end) === 'little')).toBe(false);
  });
});

describe('sources the text does not name', () => {
  it('reads "Asked whether …, NAME said" as a question by nobody named, and "Asked by NAME to …" as NAME\u2019s', () => {
    const a = run(['Mara Quint chairs the board.', 'Asked whether the bridge would reopen before winter, Quint said the work was on schedule.', 'Asked by Tomas Berg to explain the delay, she pointed to the weather.']);
    const q = a.covering('whether the bridge would reopen');
    expect(text(a, q)).toBe('whether the bridge would reopen before winter');
    expect(q.speakerId).toBe(null);
    expect(q.sourceLabel).toBe('not named');
    const b = a.covering('to explain the delay');
    expect(text(a, b)).toBe('to explain the delay');
    expect(b.source?.text).toBe('Tomas Berg');
    // The answer is still the speaker's own statement.
    expect(a.who(a.covering('the work was on schedule'))).toBe('Mara Quint');
  });

  it('reads "X is expected to …" and "X seems to …" as an expectation held by nobody named', () => {
    const a = run(['The harbour vote is expected to pass next week, but the union seems sure of a delay.', 'Turnout has appeared to fall in every district.']);
    const v = a.covering('The harbour vote is expected');
    expect(text(a, v)).toBe('The harbour vote is expected to pass next week');
    expect(v.speakerId).toBe(null);
    expect(v.sourceLabel).toBe('not named');
    expect(text(a, a.covering('Turnout has appeared'))).toBe('Turnout has appeared to fall in every district');
  });

  it('gives no statement for a dummy subject or a person\u2019s own expectation', () => {
    const a = run(['It seems to be raining.', 'Mara Quint expected the vote to pass.', 'The council was silent for months, but recently it appears to be weighing the plan.']);
    expect(a.result.statements.some((s) => s.sourceLabel === 'not named')).toBe(false);
  });
});

describe('objects of voicing, talking and describing', () => {
  it('reads "expressed concern …", "offered no proof …", "spoke about …" and ", referring to …"', () => {
    const a = run([
      'Mara Quint expressed concern that the tolls would drive commuters away.',
      'Tomas Berg offered no proof that the cables were faulty.',
      'Lena Varga spoke about her years on the ferries.',
      '“It was a long winter,” Varga said, referring to the closure of the harbour.',
    ]);
    expect(text(a, a.covering('concern that the tolls'))).toBe('concern that the tolls would drive commuters away');
    expect(a.who(a.covering('no proof that the cables'))).toBe('Tomas Berg');
    expect(text(a, a.covering('her years on the ferries'))).toBe('her years on the ferries');
    const ref = a.covering('the closure of the harbour');
    expect(text(a, ref)).toBe('the closure of the harbour');
    expect(a.who(ref)).toBe('Lena Varga');
  });

  it('reads "described X as Y" without quote marks, but not "called X Y" without them', () => {
    const a = run(['Mara Quint described the new timetable as a step backwards.', 'Tomas Berg called the crew to the deck.']);
    expect(text(a, a.covering('the new timetable as'))).toBe('the new timetable as a step backwards');
    expect(a.result.statements.some((s) => text(a, s).includes('the crew to the deck'))).toBe(false);
  });
});
