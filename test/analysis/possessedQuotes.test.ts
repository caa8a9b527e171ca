/**
 * Quotations inside somebody else's words (issue #12, never a confident wrong name): "Tomas Berg
 * rejected her claim that “…”" quotes her, not Berg. The possessor of the stance noun holding the
 * quotation is credited when it resolves to one person, the statement names nobody when it does
 * not, and the subject keeps it only when the possessor is the subject ("He repeated his promise
 * to “…”"). Articles written for this test.
 */
import { describe, expect, it } from 'vitest';
import { attributeArticle as run } from './attributeArticle';

const intro = 'Lena Varga, the harbour master, warned of delays on Monday. Mayor Tomas Berg spoke at the pier.';

describe('a quotation in the complement of another person\u2019s stance noun', () => {
  it('is the possessor\u2019s, never the subject\u2019s: "rejected her claim that “…”", "mocked", "dismissed …:"', () => {
    const a = run([intro, 'Tomas Berg rejected her claim that \u201Cthe ferry will stop in winter\u201D.', 'Mr Berg also mocked her warning that \u201Cnobody will come\u201D.', 'He dismissed her claim: \u201Cthe pier is unsafe\u201D.']);
    for (const q of ['the ferry will stop in winter', 'nobody will come', 'the pier is unsafe']) expect(a.who(a.covering(q))).toBe('Lena Varga');
  });

  it('reads a possessive name the same way: "dismissed Varga\u2019s warning that “…”", "scoffed at Varga\u2019s warning"', () => {
    const a = run([intro, 'Tomas Berg dismissed Varga\u2019s warning that \u201Cthe pier will flood\u201D.', 'Berg scoffed at Varga\u2019s warning that \u201Cfares will double\u201D.']);
    expect(a.who(a.covering('the pier will flood'))).toBe('Lena Varga');
    expect(a.who(a.covering('fares will double'))).toBe('Lena Varga');
  });

  it('keeps the subject when the possessor is the subject: "He repeated his promise to “…”"', () => {
    const a = run([intro, 'He repeated his promise to \u201Ckeep the ferry running\u201D.', 'Berg defended Berg\u2019s own plan: \u201Cit is the only way\u201D.']);
    expect(a.who(a.covering('keep the ferry running'))).toBe('Tomas Berg');
  });

  it('abstains when the possessor cannot be told from the subject, or is "their"', () => {
    const a = run(['Alex Kim runs the port. Jo Sand runs the bank.', 'Alex Kim rejected her claim that \u201Cthe pier is safe\u201D.', 'Tomas Berg questioned their claim that \u201Cfares will double\u201D.']);
    const safe = a.covering('the pier is safe');
    expect(a.who(safe)).toBeNull();
    expect(safe.sourceLabel).toBe('she');
    expect(a.who(a.covering('fares will double'))).toBeNull();
  });

  it('abstains when "her" has two candidates, and never credits the subject', () => {
    const a = run(['Lena Varga and Mia Holt run the harbour board.', 'Tomas Berg rejected her claim that \u201Cthe ferry will stop\u201D.']);
    expect(a.who(a.covering('the ferry will stop'))).toBeNull();
  });

  it('leaves the subject\u2019s own stance on the noun phrase alone: "called Varga\u2019s plan “a disgrace”"', () => {
    const a = run([intro, 'Tomas Berg called Varga\u2019s plan to close the pier \u201Ca disgrace\u201D.', 'Berg said the board\u2019s decision \u201Cwill hurt us all\u201D.']);
    expect(a.who(a.covering('a disgrace'))).toBe('Tomas Berg');
    expect(a.who(a.covering('will hurt us all'))).toBe('Tomas Berg');
  });
});

describe('a quotation in a report inside the content, with a subject of its own', () => {
  it('is that subject\u2019s: "quoted Varga as saying “…”", "said Varga had told him “…”", "what Varga called “…”"', () => {
    const a = run([intro, 'Tomas Berg quoted Varga as saying \u201Cthe pier will flood by May\u201D.', 'Berg said Varga had told him \u201Cthe pier is lost\u201D.', 'Berg said Varga called the plan \u201Ca disaster\u201D.', 'Berg hopes to end what Varga called \u201Ca perception problem\u201D.', 'The Gazette quoted her as saying \u201CI will not resign\u201D.']);
    for (const q of ['the pier will flood by May', 'the pier is lost', 'a disaster', 'a perception problem', 'I will not resign']) expect(a.who(a.covering(q))).toBe('Lena Varga');
  });

  it('names nobody for a document\u2019s words or an unnamed group\u2019s: "cited a report which said “…”", "voters told him “…”"', () => {
    const a = run([intro, 'Berg cited a report which said \u201Cthe port lost money for ten years\u201D.', 'Berg pointed to a study that found \u201Cno link at all\u201D.', 'Berg said voters told him \u201Cenough is enough\u201D.']);
    for (const q of ['the port lost money', 'no link at all', 'enough is enough']) expect(a.who(a.covering(q))).toBeNull();
    expect(a.covering('no link at all').sourceLabel).toBe('a study');
  });

  it('keeps the outer speaker when the inner subject is the same person or the quotation is not the inner report\u2019s', () => {
    const a = run([intro, 'Berg said he told Varga \u201Cthe pier is safe\u201D.', 'Berg said the letter Varga wrote was \u201Ckind and loving\u201D.', 'Berg said the tax loophole called an \u201Cinversion\u201D was legal.', 'Berg said Varga\u2019s remarks were \u201Cunfair\u201D.']);
    for (const q of ['the pier is safe', 'kind and loving', 'unfair']) expect(a.who(a.covering(q))).toBe('Tomas Berg');
  });
});

describe('words written or quoted by somebody else', () => {
  it('are their author\u2019s: "repeated Varga\u2019s words: “…”", "read her letter: “…”", "a statement from the council: “…”"', () => {
    const a = run([intro, 'Berg repeated Varga\u2019s words: \u201Cwe must act now\u201D.', 'Berg read her letter: \u201CI will go\u201D.', 'Berg read a statement from the council: \u201Cthe budget is final\u201D.', 'Berg read his letter: \u201CI will stay\u201D.']);
    expect(a.who(a.covering('we must act now'))).toBe('Lena Varga');
    expect(a.who(a.covering('I will go'))).toBe('Lena Varga');
    const council = a.covering('the budget is final');
    expect(a.who(council)).toBeNull();
    expect(council.sourceLabel).toBe('the council');
    expect(a.who(a.covering('I will stay'))).toBe('Tomas Berg');
  });

  it('"Berg, quoting Varga, said “…”" is Varga\u2019s', () => {
    const a = run([intro, 'Berg, quoting Varga, said \u201Cthe ferry is finished\u201D.']);
    expect(a.who(a.covering('the ferry is finished'))).toBe('Lena Varga');
  });

  it('"Asked about Varga\u2019s comment that “…”, Berg said he disagreed": the quotation is not Berg\u2019s', () => {
    const a = run([intro, 'Asked about Varga\u2019s comment that \u201Cthe council is asleep\u201D, Berg said he disagreed.']);
    expect(a.who(a.covering('the council is asleep'))).toBe('Lena Varga');
    expect(a.who(a.covering('he disagreed'))).toBe('Tomas Berg');
  });
});

describe('an author named after the noun, or as its modifier', () => {
  it('"rejected claims by Varga that “…”", "the claim, made by Varga, that “…”", "the Varga claim that “…”"', () => {
    const a = run([intro, 'Berg rejected claims by Varga that \u201Cthe ferry is finished\u201D.', 'Berg rejected the claim, made by Varga, that \u201Cthe pier is sinking\u201D.', 'Berg dismissed the Varga claim that \u201Cthe port is broke\u201D.']);
    for (const q of ['the ferry is finished', 'the pier is sinking', 'the port is broke']) expect(a.who(a.covering(q))).toBe('Lena Varga');
  });

  it('"the union\u2019s leaflet, which called him “a coward”" is the leaflet\u2019s, not the speaker\u2019s', () => {
    const a = run([intro, 'Berg said the union\u2019s leaflet, which called him \u201Ca coward\u201D, was unfair.']);
    expect(a.who(a.covering('a coward'))).toBeNull();
  });
});
