/**
 * Indirect speech without quotation marks (issue #12, all-attribution recall): stance verbs with a
 * noun-phrase object, findings of polls and records, questions, mid-sentence "according to",
 * headline statements, and where a reported clause ends. Articles written for this test.
 */
import { describe, expect, it } from 'vitest';
import { attributeArticle as run } from './attributeArticle';

const text = (a: ReturnType<typeof run>, st: { content: { start: number; end: number } }): string => a.body.slice(st.content.start, st.content.end);

describe('object frames', () => {
  it('ends the object before the time and the next predicate, and keeps a short name object', () => {
    const a = run(['Governor Ray Ito endorsed Mara Quint last week and has campaigned with her since.']);
    const st = a.covering('Mara Quint');
    expect(text(a, st)).toBe('Mara Quint');
    expect(a.who(st)).toBe('Ray Ito');
  });

  it('takes the subject of "NAME, APPOSITIVE, VERB" and of a relative "who"', () => {
    const a = run([
      'Lena Varga, the harbour workers’ union leader, praised the new ferry timetable on Monday.',
      'The plan was drafted by Tomas Berg, who on Tuesday defended the higher fares.',
    ]);
    expect(text(a, a.covering('the new ferry timetable'))).toBe('the new ferry timetable');
    expect(a.who(a.covering('the new ferry timetable'))).toBe('Lena Varga');
    const fares = a.covering('the higher fares');
    expect(text(a, fares)).toBe('the higher fares');
    expect(a.who(fares)).toBe('Tomas Berg');
  });

  it('finds no object where the verb has none ("something he has supported throughout his term")', () => {
    const a = run(['The mayor has pushed for a new bridge, something he has supported throughout his term in office.']);
    expect(a.result.statements.some((s) => text(a, s).startsWith('throughout'))).toBe(false);
  });
});

describe('findings, questions and "according to"', () => {
  it('reads "the poll showed …" without "that" as the poll\u2019s finding, but not a person\u2019s "showed"', () => {
    const a = run(['The latest harbour survey showed ferry use rising by a third since the spring.', 'Tomas Berg showed visitors around the new terminal.']);
    const st = a.covering('ferry use rising');
    expect(text(a, st)).toBe('ferry use rising by a third since the spring');
    expect(a.result.statements.some((s) => text(a, s).includes('visitors around'))).toBe(false);
  });

  it('takes what a named person asked, and no person when the asker is unnamed', () => {
    const a = run(['A reporter asked Mara Quint whether the bridge would reopen before winter.', 'Asked if fares would rise, Tomas Berg shrugged.']);
    const st = a.covering('whether the bridge would reopen');
    expect(text(a, st)).toBe('whether the bridge would reopen before winter');
    expect(st.sourceLabel).toBe('a reporter');
    // The question is an attribution without a named source (PolNeAR annotates it): never Tomas Berg's.
    const fares = a.covering('fares would rise');
    expect(a.who(fares)).toBe(null);
    expect(fares.sourceLabel).toBe('not named');
  });

  it('keeps both parts of a sentence around a mid-sentence "according to X, a description,"', () => {
    const a = run(['At the heart of the delay, according to Lena Varga, the union leader, was a shortage of welders.']);
    const st = a.covering('was a shortage of welders');
    expect(st.fragments?.map(([s, e]) => a.body.slice(s, e))).toEqual(['At the heart of the delay', 'was a shortage of welders']);
    expect(a.who(st)).toBe('Lena Varga');
  });

  it('reads "Name: Headline" as the first line as that person\u2019s statement, but not "Watch: …"', () => {
    const a = run(['Quint: Harbour Bridge Will Stay Shut Until Spring.', 'The council engineer gave the date at a briefing.']);
    expect(a.covering('Harbour Bridge Will Stay Shut').sourceLabel).toBe('Quint');
    const b = run(['Watch: Harbour Bridge Will Stay Shut Until Spring.', 'The council engineer gave the date at a briefing.']);
    expect(b.result.statements.some((s) => text(b, s).includes('Harbour Bridge'))).toBe(false);
  });

  it('reads no teaser word ("Revealed:", "Confirmed:") or byline label as a headline\'s source', () => {
    for (const first of ['Revealed: Harbour Bridge Will Stay Shut Until Spring.', 'Confirmed: Harbour Bridge Will Stay Shut Until Spring.', 'BYLINE: Mira Stal']) {
      const a = run([first, 'The council engineer gave the date at a briefing.']);
      expect(a.result.statements.filter((s) => s.content.start < first.length).map((s) => s.sourceLabel)).toEqual([]);
    }
  });
});

describe('where a reported clause ends', () => {
  it('ends before a second report with its own subject and before an aside', () => {
    const a = run(['Nearly half of the riders said the ferry was too slow, and about a third said fares were too high.', 'Most traders said trade had fallen, compared with a year ago.']);
    expect(text(a, a.covering('the ferry was too slow'))).toBe('the ferry was too slow');
    expect(text(a, a.covering('fares were too high'))).toBe('fares were too high');
    expect(text(a, a.covering('trade had fallen'))).toBe('trade had fallen');
  });
});
