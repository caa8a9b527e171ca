/**
 * Sentence splitting for news prose. Rules, in the order they matter:
 * - a boundary is `.`, `!` or `?` (plus any closing quotes/brackets) followed by space and a
 *   capital, digit or opening quote;
 * - not after abbreviations (U.S., Dr., Jan., Gov.) or single-letter initials (J. R. Smith);
 * - not inside a quotation that closes later in the same paragraph, so a multi-sentence quote
 *   stays one unit with its attribution ("… goal. We will try," he said.);
 * - ` -- ` asides never end a sentence.
 */
import type { Sentence } from '../core/article';

/** Abbreviations that end with a period but rarely end a sentence. Lower-case, without the dot. */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sr jr st mt ft gen lt col maj capt sgt cmdr adm gov sen rep rev hon pres supt
  insp det atty jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
  sat sun no nos vol vols fig figs p pp ed eds est approx dept univ assn bros co corp inc ltd
  vs etc al cf ca e.g i.e a.m p.m u.s u.k u.n e.u d.c n.y n.j`.split(/\s+/).filter(Boolean),
);

// Abbreviations that are still commonly sentence-final ("…in the U.S. The next day…") when the
// following word is not a name-like continuation. We accept a boundary after them only when the
// next word is a common sentence starter.
const SENTENCE_FINAL_OK = new Set(['u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'etc', 'a.m', 'p.m', 'inc', 'corp', 'co', 'ltd']);
const SENTENCE_STARTERS = new Set(
  `the a an but and he she it they we i in on at this that these those there his her its their
  after before when while if as however meanwhile still yet so for our my one two some many most`
    .split(/\s+/)
    .filter(Boolean),
);

const OPEN_QUOTES = '"“‘\'';
const CLOSERS = '"”’\')]';

/** Splits a paragraph into sentences; offsets are relative to `text`. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const closesLater = quoteClosePositions(text);
  let start = skipSpace(text, 0);
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“' || (ch === '"' && !inQuote)) {
      // Only treat it as an open quotation if it closes within this paragraph.
      if (closesLater.has(i)) inQuote = true;
      continue;
    }
    if (ch === '”' || (ch === '"' && inQuote)) {
      inQuote = false;
      // A quotation that ends its sentence inside the marks (`… useful." She added`) ends it here.
      const prev = text[i - 1];
      if (prev === '.' || prev === '!' || prev === '?') {
        let end = i + 1;
        while (end < text.length && CLOSERS.includes(text[end]!)) end++;
        const next = skipSpace(text, end);
        if (next > end && next < text.length && startsSentence(text, next) && (prev !== '.' || isRealPeriod(text, i - 1, next))) {
          push(out, text, start, end);
          start = next;
        }
      }
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    if (inQuote) continue;
    let end = i + 1;
    while (end < text.length && (CLOSERS.includes(text[end]!) || text[end] === '.')) end++;
    const next = skipSpace(text, end);
    if (next === end || next >= text.length) continue; // no space after, or end of text
    if (!startsSentence(text, next)) continue;
    if (ch === '.' && !isRealPeriod(text, i, next)) continue;
    push(out, text, start, end);
    start = next;
  }
  if (start < text.length) push(out, text, start, text.length);
  return out;
}

function push(out: Sentence[], text: string, start: number, end: number): void {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  if (e > start) out.push({ start, end: e, text: text.slice(start, e) });
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function startsSentence(text: string, i: number): boolean {
  const c = text[i]!;
  return /[\p{Lu}\p{N}]/u.test(c) || OPEN_QUOTES.includes(c) || c === '(' || c === '[' || /[\p{Lo}]/u.test(c);
}

/** Decides whether the period at `i` ends a sentence, given the next sentence would start at `next`. */
function isRealPeriod(text: string, i: number, next: number): boolean {
  const before = text.slice(0, i);
  const token = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  const lower = token.toLowerCase();
  if (lower.length === 1 && /\p{Lu}/u.test(token)) return false; // initial: "J. Smith"
  if (ABBREVIATIONS.has(lower)) {
    if (!SENTENCE_FINAL_OK.has(lower)) return false;
    const nextWord = /^[\p{L}']+/u.exec(text.slice(next))?.[0]?.toLowerCase() ?? '';
    return SENTENCE_STARTERS.has(nextWord);
  }
  // Dotted acronyms not in the list ("N.K." style): a boundary only before a sentence starter.
  if (/^(\p{L}\.)+\p{L}$/u.test(token)) {
    const nextWord = /^[\p{L}']+/u.exec(text.slice(next))?.[0]?.toLowerCase() ?? '';
    return SENTENCE_STARTERS.has(nextWord);
  }
  return true;
}

/** Positions of opening double quotes that have a matching close later in the same text. */
function quoteClosePositions(text: string): Set<number> {
  const opens = new Set<number>();
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“' || (ch === '"' && open < 0)) {
      open = i;
    } else if ((ch === '”' || ch === '"') && open >= 0) {
      opens.add(open);
      open = -1;
    }
  }
  return opens;
}
