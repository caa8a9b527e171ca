/**
 * Index terms, fast. Produces exactly what `indexTerms` in text/words.ts produces (a test checks
 * this on real text), but skips Unicode normalisation for plain ASCII words, which are nearly all
 * words in English news; normalising every word was the largest cost of building a big index.
 */
import { isStopWord, normalizeWord, type Word } from '../text/words';

const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;
const ASCII = /^[\x20-\x7e]*$/;

function norm(w: string): string {
  return ASCII.test(w) ? w.toLowerCase() : normalizeWord(w);
}

/** Terms of a text in order, possessive 's dropped, hyphenated words also split into parts. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    let base = norm(m[0]);
    if (base.endsWith("'s")) base = base.slice(0, -2);
    out.push(base);
    if (base.includes('-')) for (const part of base.split('-')) if (part) out.push(part);
  }
  return out;
}

/** Terms the index keeps: `termsOf` without empty strings and stop words. */
export function indexedTermsOf(text: string): string[] {
  return termsOf(text).filter((t) => t.length > 0 && !isStopWord(t));
}

/** `words` from text/words.ts (same output), with the ASCII fast path. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    out.push({ norm: norm(m[0]), start, end: start + m[0].length });
  }
  return out;
}
