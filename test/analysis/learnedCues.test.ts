/**
 * Cues learned from PolNeAR train (issue #12): verbs the hand-written lists do not know, opening
 * the frames train showed they report ("dismissed the plan", "hinted at …", "vows to …"), in any
 * inflection (one key per stem), with coordinated subjects and participles. Articles written for
 * this test; the lexicon is the generated one.
 */
import { describe, expect, it } from 'vitest';
import { attributeQuotes } from '../../src/analysis/attribute';
import { canBeVerb, cueStem } from '../../src/analysis/lexicon/cueStem';
import { LEARNED_CUES } from '../../src/analysis/lexicon/learnedCues';
import { attributeArticle as run } from './attributeArticle';

const text = (a: ReturnType<typeof run>, st: { content: { start: number; end: number } }): string => a.body.slice(st.content.start, st.content.end);

describe('learned cue lexicon', () => {
  it('keys every inflection of a verb by one stem, irregular forms by their base', () => {
    expect(['dismissed', 'dismisses', 'dismiss'].map(cueStem)).toEqual(['dismiss', 'dismiss', 'dismiss']);
    expect(cueStem('said')).toBe(cueStem('says'));
    expect(canBeVerb('dismissed')).toBe(true);
    expect(canBeVerb('million')).toBe(false);
    expect(canBeVerb('retweeted')).toBe(true); // unknown to the lexicon: not ruled out
  });

  it('holds the frames learned on train and nothing for words it never saw as cues', () => {
    expect(LEARNED_CUES.get('dismiss')?.has('obj')).toBe(true);
    expect(LEARNED_CUES.get('hint')?.has('at')).toBe(true);
    expect(LEARNED_CUES.get('vow')?.has('to')).toBe(true);
    expect(LEARNED_CUES.has('bake')).toBe(false);
  });
});

describe('learned frames', () => {
  it('reads an object the hand-written lists miss ("dismissed the plan") with its source', () => {
    const a = run(['Harbour master Lena Varga dismissed the new ferry timetable.']);
    const st = a.covering('the new ferry timetable');
    expect(text(a, st)).toBe('the new ferry timetable');
    expect(a.who(st)).toBe('Lena Varga');
  });

  it('opens a preposition frame with its object as content ("hinted at …")', () => {
    const a = run(['Mayor Tomas Berg hinted at a second term in office.']);
    const st = a.covering('a second term');
    expect(text(a, st)).toBe('a second term in office');
    expect(a.who(st)).toBe('Tomas Berg');
  });

  it('finds another inflection than the one train showed ("vows to")', () => {
    const a = run(['Senator Mara Quint vows to reopen the shipyard if she is elected.']);
    const st = a.covering('to reopen the shipyard');
    expect(text(a, st)).toBe('to reopen the shipyard if she is elected');
    expect(a.who(st)).toBe('Mara Quint');
  });

  it('takes the subject of a coordinated predicate ("… and slammed the deal")', () => {
    const a = run(['Senator Mara Quint toured the dock on Monday and slammed the port deal.']);
    const st = a.covering('the port deal');
    expect(text(a, st)).toBe('the port deal');
    expect(a.who(st)).toBe('Mara Quint');
  });

  it('reads a participle after a comma as the subject\u2019s ("…, blaming the council")', () => {
    const a = run(['Mayor Tomas Berg closed the old pier, blaming the council for years of neglect.']);
    const st = a.covering('the council');
    expect(text(a, st)).toBe('the council for years of neglect');
    expect(a.who(st)).toBe('Tomas Berg');
  });

  it('gives no statement for a word that cannot be a verb, nor for a frame not learned', () => {
    const a = run(['Harbour master Lena Varga baked a cake for the crew.', 'Lena Varga dismissed at once.']);
    expect(() => a.covering('a cake')).toThrow();
    expect(a.result.statements.some((s) => a.body.slice(s.content.start, s.content.end).startsWith('once'))).toBe(false);
  });

  it('gives no statement of its own inside another report ("said they support …")', () => {
    const a = run(['Harbour master Lena Varga said the dock workers dismissed the new ferry timetable.']);
    const inner = a.result.statements.filter((s) => text(a, s) === 'the new ferry timetable');
    expect(inner).toEqual([]);
    expect(text(a, a.covering('the new ferry timetable'))).toBe('the dock workers dismissed the new ferry timetable');
  });

  it('never lets a learned frame decide who said quoted words', () => {
    const a = run(['Harbour master Lena Varga dismissed the timetable, with one skipper calling it “a disgrace to the port.”']);
    expect(a.result.statements.filter((s) => text(a, s).includes('“a disgrace'))).not.toContainEqual(expect.objectContaining({ speakerId: expect.stringMatching(/varga/) }));
  });

  it('ends an object before a comment the reporter adds (", a …", learned on train)', () => {
    const a = run(['Harbour master Lena Varga dismissed the new ferry timetable, a plan the council adopted in May.']);
    expect(text(a, a.covering('the new ferry timetable'))).toBe('the new ferry timetable');
  });

  it('learns nothing without the lexicon: an empty one turns the frames off', () => {
    const body = 'Harbour master Lena Varga dismissed the new ferry timetable.';
    expect(attributeQuotes(body, { cueLexicon: new Map() }).statements).toEqual([]);
    expect(attributeQuotes(body).statements).toHaveLength(1);
  });
});
