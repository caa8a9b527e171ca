import { describe, expect, it } from 'vitest';
import { attributeQuotes } from '../../src/analysis/attribute';
import type { Attribution, Statement } from '../../src/analysis/types';
import { seedBody } from './seedBody';

const body = seedBody();
const result: Attribution = attributeQuotes(body, { author: 'Ahn Sung-mi' });

/** The statement whose content (or one of its fragments) covers the given text. */
function statementCovering(text: string): Statement {
  const at = body.indexOf(text);
  expect(at, `text not in body: ${text}`).toBeGreaterThanOrEqual(0);
  const hits = result.statements.filter((s) => s.content.start <= at && at + text.length <= s.content.end);
  expect(hits.length, `no statement covers: ${text}`).toBeGreaterThan(0);
  return hits[0] as Statement;
}
const nameOf = (id: string | null): string | null => (id ? (result.speakers.find((s) => s.id === id)?.name ?? null) : null);

describe('seed article: US, South Korea may differ on end-of-war proposal', () => {
  it('has 15 body paragraphs', () => {
    expect(body.split('\n\n')).toHaveLength(15);
  });

  it.each([
    ['\u201Cdifferent perspectives\u201D', 'Jake Sullivan'],
    ['\u201CWe may have somewhat different perspectives', 'Jake Sullivan'],
    ['\u201Cserious and in-depth\u201D', 'Noh Kyu-duk'],
    ['\u201Cvery productive and constructive\u201D', 'Jake Sullivan'],
    ['\u201Cintensive discussions.\u201D', 'Jake Sullivan'],
    ['\u201CIn order for the two Koreas', 'Moon Chung-in'],
    ['\u201CWhile talks on humanitarian assistance', 'Moon Chung-in'],
  ])('direct quote %s is attributed to %s', (quote, speaker) => {
    const st = statementCovering(quote);
    expect(st.kind).toBe('direct');
    expect(nameOf(st.speakerId)).toBe(speaker);
    expect(st.sourceLabel).toBe(speaker);
  });

  it('resolves "said Moon at a forum" to Moon Chung-in, not President Moon Jae-in', () => {
    const st = statementCovering('\u201CIn order for the two Koreas');
    expect(st.source?.text).toBe('Moon');
    expect(st.speakerId).toBe(result.speakers.find((s) => s.name === 'Moon Chung-in')?.id);
  });

  it('links the description "a top US security official" to Jake Sullivan named in the next paragraph', () => {
    const st = statementCovering('\u201Cdifferent perspectives\u201D');
    expect(st.source?.text).toBe('a top US security official');
  });

  it.each([
    ['Washington has begun looking into an end-of-war declaration internally', null, 'a government source'],
    ['Washington is undertaking a legal review of the matter', null, 'reports'],
    ['it would be difficult for Washington to sign on', null, 'observers'],
    ['it would be difficult for Seoul to persuade Washington', 'Moon Chung-in', 'Moon Chung-in'],
    ['the North wants the US to withdraw', 'Moon Chung-in', 'Moon Chung-in'],
  ])('indirect statement "%s" → speaker %s, label %s', (text, speaker, label) => {
    const st = statementCovering(text);
    expect(st.kind).toBe('indirect');
    expect(nameOf(st.speakerId)).toBe(speaker);
    expect(st.sourceLabel).toBe(label);
  });

  it('finds exactly the five people, with their roles and affiliations', () => {
    const byName = new Map(result.speakers.map((s) => [s.name, s]));
    expect([...byName.keys()].sort()).toEqual(['Jake Sullivan', 'Moon Chung-in', 'Moon Jae-in', 'Noh Kyu-duk', 'Sung Kim']);
    expect(byName.get('Jake Sullivan')?.role).toBe('US national security adviser');
    expect(byName.get('Jake Sullivan')?.affiliation).toBe('US');
    expect(byName.get('Sung Kim')?.role).toBe('US special envoy for North Korea');
    expect(byName.get('Noh Kyu-duk')?.role).toBe('South Korean counterpart of Sung Kim');
    expect(byName.get('Noh Kyu-duk')?.affiliation).toBe('South Korea');
    expect(byName.get('Moon Jae-in')?.role).toBe('President');
    expect(byName.get('Moon Chung-in')?.role).toBe(
      'chairman of the Sejong Institute and a former special adviser to President Moon on foreign and national security affairs',
    );
    expect(byName.get('Moon Chung-in')?.affiliation).toBe('Sejong Institute');
  });

  it('never makes places, institutions or the reporter into speakers', () => {
    const names = result.speakers.map((s) => s.name).join('|');
    for (const bad of ['Washington', 'Seoul', 'Pyongyang', 'Hanoi', 'White House', 'Sejong Institute', 'United Nations Command', 'Ahn Sung-mi']) {
      expect(names).not.toContain(bad);
    }
  });

  it('keeps "President Moon" mentions on Moon Jae-in and surname mentions on the right person', () => {
    const jae = result.speakers.find((s) => s.name === 'Moon Jae-in');
    const presMoon = body.indexOf('President Moon on') + 'President '.length;
    expect(jae?.mentions.some((m) => m.start === presMoon)).toBe(true);
    const sullivan = result.speakers.find((s) => s.name === 'Jake Sullivan');
    expect(sullivan?.aliases).toContain('Sullivan');
    expect(sullivan?.gender).toBe('male');
  });

  it('returns offsets into the body for every statement', () => {
    for (const st of result.statements) {
      expect(st.content.end).toBeGreaterThan(st.content.start);
      if (st.source) expect(body.slice(st.source.start, st.source.end)).toBe(st.source.text);
    }
  });
});
