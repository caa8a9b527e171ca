/**
 * An article about one thing names it by its title once and then by what it is: "Super Bowl 50 was
 * an American football game …" and later "The game was played on February 7, 2016, at Levi's
 * Stadium". `/ask` reads "the game" there as the title, so "Where was Super Bowl 50 held?" finds
 * that sentence. The kind of thing (the category) is the head noun the article's own defining
 * sentence gives ("TITLE is/was a … NOUN"); nothing is guessed from outside the article.
 */
import type { Article } from '../core/article';
import { sentencesOf } from '../core/article';
import { runAt, withoutPossessive, words, type Word } from '../text/words';

/** How far into the article the defining sentence is looked for. */
const DEFINING_PARAGRAPHS = 2;

/** Words that end the description before its head noun ("an American football game **to** …"). */
const ENDS_DESCRIPTION = new Set([
  'of', 'in', 'to', 'that', 'which', 'who', 'whose', 'for', 'with', 'from', 'by', 'and', 'or', 'on', 'at', 'as', 'best', 'known', 'located', 'based', 'held', 'played', 'founded', 'where', 'when', 'since', 'under', 'between', 'than',
]);

/** Nouns too general to stand for anything ("one of the …", "a number of …"). */
const TOO_GENERAL = new Set(['one', 'part', 'number', 'kind', 'type', 'sort', 'member', 'thing', 'lot', 'series', 'set', 'group', 'way']);

/** What an article's subject is called besides its title: the category noun. */
export interface TitleSubject {
  /** The head noun of the defining sentence ("game", "city", "inventor"). */
  category: string;
}

const subjects = new WeakMap<Article, TitleSubject | null>();

/** The article's subject as its defining sentence names it, or null (remembered per article). */
export function titleSubject(article: Article): TitleSubject | null {
  let s = subjects.get(article);
  if (s === undefined) {
    s = findTitleSubject(article);
    subjects.set(article, s);
  }
  return s;
}

/**
 * The first sentence of the article's first paragraphs that starts with its title ("The" allowed
 * before it) and goes on "is/was a(n)/the …": the last word of the description, which ends at a
 * preposition, a relative word or punctuation, is the category — a lower-case noun.
 */
function findTitleSubject(article: Article): TitleSubject | null {
  const titleWs = words(article.title).map((w) => withoutPossessive(w.norm));
  if (titleWs.length === 0 || titleWs.length > 8) return null;
  for (const paragraph of article.paragraphs.slice(0, DEFINING_PARAGRAPHS)) {
    for (const sentence of sentencesOf(paragraph)) {
      // Parentheses blanked, offsets kept: "Martin Luther (/ˈluːθər/; …) was a German professor …".
      const text = blankParentheses(sentence.text);
      const ws = words(text);
      let i = ws[0]?.norm === 'the' ? 1 : 0;
      if (!runAt(ws, i, titleWs)) continue;
      i += titleWs.length;
      // "Kenya (…), officially the Republic of Kenya, is a country …": the verb within a few words.
      const copula = ws.findIndex((w, k) => k >= i && k <= i + 12 && /^(?:is|was|are|were)$/.test(w.norm));
      if (copula < 0 || !/^(?:a|an|the)$/.test(ws[copula + 1]?.norm ?? '')) continue;
      const category = headNoun(text, ws, copula + 2);
      return category ? { category } : null;
    }
  }
  return null;
}

/** `text` with every parenthesis (nested ones too) replaced by spaces of the same length. */
function blankParentheses(text: string): string {
  let out = text;
  for (let k = 0; k < 3 && out.includes('('); k++) out = out.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  return out;
}

/** The last word of the description starting at ws[from], if it is a lower-case noun-like word. */
function headNoun(text: string, ws: readonly Word[], from: number): string | null {
  let last = -1;
  for (let k = from; k < ws.length && k < from + 6; k++) {
    if (ENDS_DESCRIPTION.has(ws[k]!.norm)) break;
    last = k;
    // Punctuation right after the word ends the description: "a Serbian American inventor, …".
    const next = text[ws[k]!.end];
    if (next !== undefined && next !== ' ' && next !== '-') break;
  }
  if (last < 0) return null;
  const w = ws[last]!;
  const written = text.slice(w.start, w.end);
  if (!/^[a-z]{3,}$/.test(written) || TOO_GENERAL.has(written)) return null;
  return written;
}

/**
 * Where the article's subject is named by its category in `ws`: "the game", "this game" (the
 * index of the noun), never "the game's" of something else — a possessive is still the subject.
 */
export function standInPositions(ws: readonly Word[], subject: TitleSubject): number[] {
  const out: number[] = [];
  for (let j = 1; j < ws.length; j++) {
    if (withoutPossessive(ws[j]!.norm) !== subject.category) continue;
    const det = ws[j - 1]!.norm;
    if (det === 'the' || det === 'this') out.push(j);
  }
  return out;
}

/**
 * How much a title word counts at a stand-in, against the title itself. Above the share every
 * sentence of the article gets for its title (`TITLE_IN_SENTENCE`, askCandidates.ts: 0.7), so
 * "the race was decided" still beats "a youth regatta on the harbour was decided"; below 1, since
 * an article says "the game" of other games too. Swept on the SQuAD tune half with that share:
 * 0.8, 0.9 and 1 within 0.001 of each other on top-1, 0.9 best on top-3.
 */
export const STAND_IN_WEIGHT = 0.9;

/**
 * `matches` with the question's title words found at each stand-in: word `j` of `at` matches term
 * `i` as the title does (`inTitle[i]`), times `STAND_IN_WEIGHT`. Rows are copied before they change.
 */
export function markStandIns(matches: Array<number[] | undefined>, at: readonly number[], inTitle: readonly number[]): void {
  if (!inTitle.some((x) => x > 0)) return;
  for (const j of at) {
    const row = matches[j] ? [...matches[j]!] : new Array<number>(inTitle.length).fill(0);
    inTitle.forEach((x, i) => {
      if (x * STAND_IN_WEIGHT > row[i]!) row[i] = x * STAND_IN_WEIGHT;
    });
    matches[j] = row;
  }
}

/**
 * Mentions (article offsets, "the game") of the article's subject for each question person whose
 * name is all title words ("Super Bowl" of "Super Bowl 50"), to add to that person's mentions.
 */
export function standInMentions(ws: readonly Word[], at: readonly number[], base: number): Array<{ start: number; end: number }> {
  return at.map((j) => ({ start: base + ws[j - 1]!.start, end: base + ws[j]!.end }));
}
