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
const POSTED_BY = /^(?:posted|published|written)\s+(?:on\s+[^,]{3,30}?\s+)?by\s+([\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,4})\s*$/iu;
/** Sentence-final punctuation, closing quotes and brackets included. */
const ENDS_SENTENCE = /[.!?"”’)…:]$/;
/** Video and link teasers inside the body: "Watch: …", "Read more: …", "Listen – …". */
const TEASER = /^(?:watch|listen|video|read more|see also|also read|read also|related|more)\s*(?:[:|\u2013\u2014-]|$)/i;
/** Time stamps and reading times: "2 hours ago", "Updated 14:05 GMT, 3 March", "5 min read". */
const DATE_LINE = /^(?:(?:updated|published|posted)\b.{0,40}|\d{1,2}\s+(?:minutes?|hours?|days?|weeks?)\s+ago|\d{1,2}\s+min(?:ute)?s?\s+read|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?)$/i;
/** Credits that close a story: "Additional reporting by …", "Reporting by …; Editing by …". */
const END_CREDIT = /^(?:additional\s+)?(?:reporting|writing|editing|edited|research)\s+by\b|^with\s+(?:additional\s+)?reporting\s+(?:by|from)\b/i;
/** Headings of the link lists that follow a story. */
const END_MARKER = /^(?:related(?:\s+(?:topics|stories|articles|content|coverage))?|more on this story|most (?:read|popular|viewed)|read more|you may also like|recommended|more from [\p{L} ]{1,30}|top stories|share this:?|like this:?|leave a comment|comments?\s*(?:\(\d+\))?)\s*:?$/iu;
/** A photo credit or caption label anywhere on a short line: "Photograph: …/Reuters", "Courtesy …", "Image source, …". */
const CREDIT_LINE = /^(?:image|photo|picture|video|media)(?:\s+(?:source|caption|credit))?\s*[,:]|(?:^|[.;]\s+)(?:photograph|photo|picture|image|credit)\s*:\s*[^.]{2,60}$|(?:^|[.;]\s+)courtesy\b[^.]{2,60}$|\b(?:getty images|shutterstock|ap photo|afp|reuters|epa)\s*\)?\s*$/iu;

// Generic site furniture; matched against whole short lines only.
const CHROME = /^(?:skip to (?:main )?content|skip navigation|jump to (?:navigation|content|main content)|open navigation menu|close menu|back to top|top|home|menu|search|save|share|share this|tweet|print|e-?mail|subscribe|sign ?up|sign in|log ?in|log ?out|register|advertisement|sponsored|related( articles| stories)?|read more|more|most (?:popular|read|viewed)|latest( news)?|trending|comments?|copyright.*|©.*|all rights reserved.*|follow us.*|newsletter|previous|next)\s*[:|>»]*$/i;

/** Parses raw pasted article text. Offsets refer to `content`. */
export function parseRawArticle(content: string): RawArticle {
  const lines = splitLines(content);
  const mainScript = dominantScript(content);
  const seenCaptions = new Set<string>();
  const result: RawArticle = { captions: [], paragraphs: [] };
  let bylineAfterBody = false;
  /** Title-like lines seen before the body: the headline is the fullest of them. */
  const titleCandidates: string[] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (bylineAfterBody) break;
    const byline = BYLINE.exec(text) ?? POSTED_BY.exec(text);
    if (byline && wordCount(text) <= 10) {
      result.author ??= byline[1]!.trim();
      const extra = (byline[2] ?? byline[3] ?? '').trim();
      if (extra.includes('@')) result.email ??= extra;
      // One prose line before the byline is a standfirst, not the body; more is the body.
      if (result.paragraphs.length === 1) result.paragraphs.length = 0;
      if (result.paragraphs.length > 0) bylineAfterBody = true;
      continue;
    }
    // A credit line or a "Related" / "Most read" block after the body ends the article.
    if (result.paragraphs.length > 0 && (END_CREDIT.test(text) || END_MARKER.test(text))) break;
    if (isChrome(text, mainScript) || TEASER.test(text) || DATE_LINE.test(text)) continue;
    if (isCaption(text, lines[i + 1]?.text, lines[i - 1]?.text)) {
      const key = text.trim();
      if (!seenCaptions.has(key)) {
        seenCaptions.add(key);
        result.captions.push(key);
      }
      continue;
    }
    if (result.paragraphs.length === 0 && isTitleLike(text)) {
      titleCandidates.push(text);
      continue;
    }
    // In the body, a line that does not end a sentence is a subheading or a teaser headline.
    if (isProse(text) && (result.paragraphs.length === 0 || ENDS_SENTENCE.test(text) || wordCount(text) >= 25)) {
      result.paragraphs.push({ text, sourceStart: line.start });
    }
  }
  // The headline: the fullest title-like line before the body (menus and section names are
  // shorter); ties go to the first.
  let best: string | undefined;
  for (const c of titleCandidates) if (!best || (wordCount(c) > wordCount(best) && wordCount(c) >= 3)) best = c;
  if (best) result.title = best;
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
  if (CREDIT_LINE.test(text) && wordCount(text) <= 40) return true;
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
