/**
 * The attribution engine's tokens: surface words with offsets into the body, abbreviation periods
 * kept ("Gov.", "U.S.") and a possessive 's split off. Search and phrase matching use `words`
 * (text/words.ts) instead, whose job differs: normalised forms (no case, no accents) that an index
 * and a phrase aligner compare, where a period or a possessive must not make two words differ.
 * Both read words by the one rule in wordRule.ts, each through its view.
 */
import { ABBREVIATIONS } from './abbreviations';
import { ENGINE_VIEW, wordPattern } from './wordRule';

export interface Token {
  start: number;
  end: number;
  /** Surface text without a trailing sentence period or possessive. */
  text: string;
  lower: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Had a possessive 's. */
  possessive: boolean;
}

// The engine view of the text layer's one word rule (wordRule.ts): "U.S", "AT&T", "$5", "Gov.".
const TOKEN_RE = wordPattern(ENGINE_VIEW);

/** Word tokens of body[start, end), possessives split off and abbreviation periods kept. */
export function tokenize(body: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const text = body.slice(start, end);
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    let t = m[0];
    const s = start + m.index;
    let e = s + t.length;
    if (t.endsWith('.')) {
      const w = t.slice(0, -1).toLowerCase();
      const keep = ABBREVIATIONS.has(w) || /^([a-z]\.)*[a-z]$/i.test(w);
      if (!keep) {
        t = t.slice(0, -1);
        e--;
      }
    }
    let possessive = false;
    const pm = /['\u2019]s$/.exec(t);
    if (pm && t.length > 2) {
      possessive = true;
      t = t.slice(0, -2);
    }
    out.push({ start: s, end: possessive ? e - 2 : e, text: t, lower: t.toLowerCase(), cap: /^\p{Lu}/u.test(t), possessive });
  }
  return out;
}
