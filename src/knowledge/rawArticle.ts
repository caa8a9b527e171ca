/**
 * Turns article text pasted straight from a news site into headline, byline, captions and body.
 * Works from the shape of the lines, not from strings that fit one site:
 * - chrome (menus, "Back To Top", "MOST POPULAR", share/subscribe links, stray words in another
 *   script) is short and has no sentence punctuation;
 * - the headline is the first title-like line;
 * - a caption ends with a photo credit in parentheses, "(AFP-Yonhap)", or is printed twice;
 * - the byline starts with "By" and names the author, with an optional e-mail or outlet;
 * - a byline after the body marks the end of the article: what follows is site furniture.
 */

export interface RawArticle {
  title?: string;
  author?: string;
  email?: string;
  captions: string[];
  /** Body paragraphs with their offset in the source text. */
  paragraphs: Array<{ text: string; sourceStart: number }>;
  dateline?: string;
}

interface Line {
  text: string;
  start: number;
}

const BYLINE = /^by\s+([\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,4})\s*(?:\(([^)]*)\)|,\s*([^,]{2,60}))?\s*$/iu;
const CREDIT = /\((?:[^()]*?(?:photo|yonhap|afp|reuters|ap|getty|epa|xinhua|kyodo|courtesy|file|pool|image|news1|newsis)[^()]*|[\p{Lu}][\p{L}\d]*(?:[-/ ][\p{Lu}][\p{L}\d]*){0,3})\)\s*$/iu;
const DATELINE = /^([\p{Lu}][\p{Lu} .,'-]{1,40}?)(?:,\s*[\p{L} .]+)?\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)\s+/u;
// Generic site furniture; matched against whole short lines only.
const CHROME = /^(?:back to top|top|home|menu|search|share|share this|tweet|print|e-?mail|subscribe|sign ?up|sign in|log ?in|log ?out|register|advertisement|sponsored|related( articles| stories)?|read more|more|most (?:popular|read|viewed)|latest( news)?|trending|comments?|copyright.*|©.*|all rights reserved.*|follow us.*|newsletter|previous|next)\s*[:|>»]*$/i;

/** Parses raw pasted article text. Offsets refer to `content`. */
export function parseRawArticle(content: string): RawArticle {
  const lines = splitLines(content);
  const mainScript = dominantScript(content);
  const seenCaptions = new Set<string>();
  const result: RawArticle = { captions: [], paragraphs: [] };
  let bylineAfterBody = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (bylineAfterBody) break;
    const byline = BYLINE.exec(text);
    if (byline && wordCount(text) <= 10) {
      result.author ??= byline[1]!.trim();
      const extra = (byline[2] ?? byline[3] ?? '').trim();
      if (extra.includes('@')) result.email ??= extra;
      if (result.paragraphs.length > 0) bylineAfterBody = true;
      continue;
    }
    if (isChrome(text, mainScript)) continue;
    if (isCaption(text, lines[i + 1]?.text, lines[i - 1]?.text)) {
      const key = text.trim();
      if (!seenCaptions.has(key)) {
        seenCaptions.add(key);
        result.captions.push(key);
      }
      continue;
    }
    if (!result.title && result.paragraphs.length === 0 && isTitleLike(text)) {
      result.title = text;
      continue;
    }
    if (isProse(text)) {
      result.paragraphs.push({ text, sourceStart: line.start });
    }
  }
  const first = result.paragraphs[0]?.text;
  const dateline = first ? DATELINE.exec(first) : null;
  if (dateline) result.dateline = titleCase(dateline[1]!.trim());
  return result;
}

function splitLines(content: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]+/g;
  for (const m of content.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, start: m.index + lead });
  }
  return out;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Short lines with no sentence punctuation that are menus, section headers or stray words. */
function isChrome(text: string, mainScript: string): boolean {
  if (CHROME.test(text)) return true;
  if (dominantScript(text) !== mainScript) return true; // e.g. a Hangul tag under an English story
  const words = wordCount(text);
  if (words <= 3 && !/[.!?"”:]$/.test(text) && text === text.toUpperCase() && /\p{L}/u.test(text)) return true;
  return false;
}

function isCaption(text: string, next: string | undefined, prev: string | undefined): boolean {
  if (CREDIT.test(text) && wordCount(text) >= 4) return true;
  // Sites often print a caption twice (image alt text and figcaption).
  return wordCount(text) >= 6 && (text === next || text === prev);
}

function isTitleLike(text: string): boolean {
  const words = wordCount(text);
  return words >= 2 && words <= 25 && !/[.]$/.test(text);
}

/** Body paragraphs read as sentences: long enough or ending with sentence punctuation. */
function isProse(text: string): boolean {
  return wordCount(text) >= 8 || /[.!?"”’)]$/.test(text);
}

/** The Unicode script most letters belong to, coarse: latin, hangul, han, kana, cyrillic, other. */
function dominantScript(text: string): string {
  const counts = new Map<string, number>();
  for (const ch of text) {
    let s: string | undefined;
    if (/\p{Script=Latin}/u.test(ch)) s = 'latin';
    else if (/\p{Script=Hangul}/u.test(ch)) s = 'hangul';
    else if (/\p{Script=Han}/u.test(ch)) s = 'han';
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) s = 'kana';
    else if (/\p{Script=Cyrillic}/u.test(ch)) s = 'cyrillic';
    else if (/\p{L}/u.test(ch)) s = 'other';
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best = 'none';
  let max = 0;
  for (const [s, n] of counts) if (n > max) [best, max] = [s, n];
  return best;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
