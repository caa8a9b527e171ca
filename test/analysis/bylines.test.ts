/**
 * The writer named on a byline line is no speaker: with nobody else named, "the mayor said" (a
 * role that reaches for the person a pronoun would) took the byline's name — a wrong name. A line
 * of its own near the top ("BYLINE: …", "By …") names the writer when the caller gave none.
 * Articles written for this test; each case fails without `bylineAuthor`.
 */
import { describe, expect, it } from 'vitest';
import { attributeArticle as run } from './attributeArticle';

describe('a byline line', () => {
  it('never lends its name to a later role-only or pronoun source', () => {
    for (const byline of ['BYLINE: Mira Stal', 'By Mira Stal']) {
      const a = run([byline, 'The council will close the harbour in May, the mayor said.', 'She said the ferry would keep running.']);
      expect(a.who(a.covering('The council will close the harbour in May'))).toBeNull();
      expect(a.who(a.covering('the ferry would keep running'))).toBeNull();
    }
  });

  it('is only a line of names: "By Tuesday the council …" names no writer', () => {
    const a = run(['Mira Stal spoke to dock workers on Monday.', 'By Tuesday the council will vote, she said.']);
    expect(a.who(a.covering('By Tuesday the council will vote'))).toBe('Mira Stal');
  });
});
