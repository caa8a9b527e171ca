/**
 * Stances carried by nouns and prepositional frames (issue #12, all-attribution recall): "his claim
 * that …", "Trump's decision to …", "her support for …", polls as the frame of a finding
 * ("In a … poll, …"), "To X, …", "in X's view", and events read as stances ("voted against",
 * "backed"). A possessor names the holder only when it is the whole possessive: "the mayor's
 * critics' claim" is never the mayor's. Articles written for this test.
 */
import { describe, expect, it } from 'vitest';
import { attributeArticle as run } from './attributeArticle';
import { STANCE_NOUNS } from '../../src/analysis/nounFrames';

const text = (a: ReturnType<typeof run>, st: { content: { start: number; end: number } }): string => a.body.slice(st.content.start, st.content.end);
const find = (a: ReturnType<typeof run>, content: string) => a.result.statements.find((s) => text(a, s) === content);

describe('stance nouns', () => {
  it('are the nominalisations of the cue verbs (WordNet derivations), never agent nouns', () => {
    for (const n of ['claim', 'claims', 'decision', 'refusal', 'support', 'criticism', 'warning', 'proposal', 'promise', 'endorsement']) expect(STANCE_NOUNS.has(n)).toBe(true);
    for (const n of ['critic', 'critics', 'supporter', 'speaker', 'spokesman']) expect(STANCE_NOUNS.has(n)).toBe(false);
  });
});

describe('noun frames with a possessor', () => {
  it('reads "his claim that …" and "her decision to …" as the possessor\u2019s, with "that"/"to" in the content', () => {
    const a = run([
      'Mayor Tomas Berg spoke at the harbour on Monday.',
      'Residents disputed his claim that the ferry would run all winter.',
      'Councillor Lena Varga met the port board. Her decision to close the north pier angered fishermen.',
    ]);
    const claim = find(a, 'that the ferry would run all winter');
    expect(claim).toBeDefined();
    expect(a.who(claim!)).toBe('Tomas Berg');
    // The infinitive ends at the main verb of the clause the noun phrase is the subject of.
    const pier = find(a, 'to close the north pier');
    expect(pier).toBeDefined();
    expect(a.who(pier!)).toBe('Lena Varga');
  });

  it('reads a day between the noun and its object, and an opening conjunction before the subject', () => {
    const a = run(['Tomas Berg spoke. His comments Tuesday on the ferry strike drew fire.', 'Lena Varga spoke. Yet her determination to act alone angered the board.']);
    expect(find(a, 'the ferry strike')).toBeDefined();
    expect(find(a, 'to act alone')).toBeDefined();
  });

  it('takes the object of "support for" / "criticism of" up to the comma or the main verb', () => {
    const a = run(['Senator Mara Quint’s support for the bridge tax, once unpopular, has grown on her.', 'Tomas Berg repeated his criticism of the port authority at a meeting on Friday.']);
    const tax = find(a, 'the bridge tax');
    expect(tax).toBeDefined();
    expect(a.who(tax!)).toBe('Mara Quint');
    expect(tax!.source?.text).toBe('Senator Mara Quint');
  });

  it('never gives a possessor inside a longer possessive the stance: "the mayor\u2019s critics\u2019 claim"', () => {
    const a = run(['Tomas Berg is the mayor. Tomas Berg’s critics’ claim that the budget is padded was rejected on Monday.', 'Lena Varga’s aides’ proposal to cut fares was dropped.']);
    for (const st of a.result.statements) {
      if (text(a, st).includes('budget is padded')) expect(a.who(st)).toBeNull();
      if (text(a, st).includes('cut fares')) expect(a.who(st)).toBeNull();
    }
  });

  it('needs a complement: "his plan that was …" (a relative clause) and a bare "her support" are no stance', () => {
    const a = run(['Tomas Berg defended the budget. His plan that was published on Monday runs to 40 pages.', 'Lena Varga thanked voters for her support in the harbour wards.']);
    expect(a.result.statements.some((s) => /^that was published/.test(text(a, s)))).toBe(false);
    expect(a.result.statements.some((s) => text(a, s).startsWith('in the harbour wards'))).toBe(false);
  });

  it('reads "the claim that …" without a possessor as a statement whose holder is not named', () => {
    const a = run(['Tomas Berg spoke at the harbour. Residents were alarmed by the claim that the ferry would stop in winter.']);
    const st = find(a, 'that the ferry would stop in winter');
    expect(st).toBeDefined();
    expect(st!.speakerId).toBeNull();
    expect(st!.sourceLabel).toBe('not named');
  });

  it('leaves a stance noun inside another report to that report ("defended his call to …")', () => {
    const a = run(['Tomas Berg defended his call to raise the harbour fees.']);
    expect(find(a, 'to raise the harbour fees')).toBeUndefined();
  });
});

describe('prepositional frames', () => {
  it('reads "In a … poll, CLAUSE" and "CLAUSE in the latest … survey" as the poll\u2019s finding', () => {
    const a = run([
      'In a Harbour Gazette poll released Monday, 52 percent of residents backed the new ferry.',
      'Mara Quint leads Tomas Berg by six points in the latest Coastline Radio survey.',
    ]);
    const first = find(a, '52 percent of residents backed the new ferry');
    expect(first?.source?.text).toBe('a Harbour Gazette poll released Monday');
    expect(first?.speakerId).toBeNull();
    const second = find(a, 'Mara Quint leads Tomas Berg by six points');
    expect(second?.source?.text).toBe('the latest Coastline Radio survey');
    expect(second?.speakerId).toBeNull();
  });

  it('does not read the polls in general or a trip to them as a source', () => {
    const a = run(['Tomas Berg has gained ground in the polls.', 'The final contest comes in June, when voters in the harbour wards head to the polls.']);
    expect(a.result.statements.some((s) => s.source?.text.includes('polls'))).toBe(false);
  });

  it('reads "To X, CLAUSE" and "In X\u2019s view, CLAUSE" as X\u2019s view, and not "To date," or "To stop X,"', () => {
    const a = run([
      'Lena Varga runs the fishermen’s co-operative. To Varga, the new pier is a gift to the tourist trade.',
      'In Tomas Berg’s view, the ferry timetable has failed the islands.',
      'To date, the port has spent four million on the pier.',
      'To stop Tomas Berg, the council voted to delay the budget.',
    ]);
    expect(a.who(find(a, 'the new pier is a gift to the tourist trade')!)).toBe('Lena Varga');
    expect(a.who(find(a, 'the ferry timetable has failed the islands')!)).toBe('Tomas Berg');
    expect(find(a, 'the port has spent four million on the pier')).toBeUndefined();
    expect(a.result.statements.some((s) => s.source?.text === 'stop Tomas Berg' || (text(a, s).startsWith('the council voted') && a.who(s) === 'Tomas Berg'))).toBe(false);
  });

  it('reads a holder\u2019s "to X," after a conjunction: "because to her, “…”"', () => {
    const a = run(['Lena Varga kept filming because to her, “nothing matters more than telling the harbour’s story.”']);
    const st = a.result.statements.find((s) => text(a, s).includes('nothing matters more'));
    expect(st?.source?.text).toBe('her');
    expect(a.who(st!)).toBe('Lena Varga');
  });

  it('names the subject of "made the point that …" as the holder, and nobody for "disputed the claim that …"', () => {
    const a = run(['Tomas Berg made the point that the ferry had never run at a profit.', 'Lena Varga disputed the claim that the pier was unsafe.']);
    expect(a.who(find(a, 'that the ferry had never run at a profit')!)).toBe('Tomas Berg');
    expect(a.result.statements.some((s) => text(a, s).includes('the pier was unsafe') && a.who(s) === 'Lena Varga')).toBe(false);
  });

  it('reads "That\u2019s according to X" as X\u2019s', () => {
    const a = run(['Ferry use rose by a third this year. That’s according to the Harbour Board.']);
    const st = find(a, 'That');
    expect(st?.source?.text).toBe('the Harbour Board');
  });
});

describe('events read as stances', () => {
  it('reads "voted against/for …" and "backed …" with a noun-phrase object, not "backed away from"', () => {
    const a = run(['In 2010, Senator Mara Quint voted against the harbour tax.', 'Tomas Berg backed the new ferry contract.', 'Lena Varga backed away from the deal on Monday.']);
    expect(a.who(find(a, 'the harbour tax')!)).toBe('Mara Quint');
    expect(a.who(find(a, 'the new ferry contract')!)).toBe('Tomas Berg');
    expect(a.result.statements.some((s) => text(a, s).startsWith('away') || text(a, s).startsWith('from the deal'))).toBe(false);
  });
});

describe('stance nouns whose holder the engine cannot name', () => {
  it('gives "its" and "their" no stance: a statement labelled "its" tells a reader nothing', () => {
    const a = run(['Ferry use rose by a third this year.', 'The port board has kept its promise to run every ferry through the winter.', 'The councillors repeated their claim that the pier is safe.']);
    expect(a.result.statements.some((s) => /^(?:its|their)$/i.test(s.source?.text ?? ''))).toBe(false);
  });
});
