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
