/**
 * The article model every later stage reads. An article is a list of numbered body paragraphs;
 * every paragraph is a verbatim slice of the file it came from, so any excerpt can be traced back
 * to (article id, paragraph number, character offsets in the original file).
 */

/** A sentence inside a paragraph. Offsets are relative to the paragraph text. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

export interface Paragraph {
  /** 1-based reading-order number; headline and captions are not numbered. */
  number: number;
  /** Verbatim paragraph text (trimmed). */
  text: string;
  /** Offset of `text` inside the original file content. */
  sourceStart: number;
  /** Offset of `text` inside `Article.body` (paragraphs joined by a blank line). */
  bodyStart: number;
  /**
   * Sentence bounds relative to `text`, packed as [start, end, start, end, …]; read them with
   * `sentencesOf`. Two numbers per sentence instead of an object and a string each: at 19k
   * paragraphs that is 5.6 MB of heap less, and excerpts only ever need a few paragraphs' sentences.
   */
  sentenceBounds: number[];
}

/**
 * An article object with its fields always in the same order (optional metadata only when set),
 * so that thousands of articles share a few hidden classes instead of one each.
 */
export function makeArticle(meta: ArticleMeta, rest: Pick<Article, 'file' | 'captions' | 'paragraphs' | 'body'>): Article {
  const a: Article = {
    id: ownCopy(meta.id),
    title: ownCopy(meta.title),
    file: rest.file,
    paragraphs: rest.paragraphs,
    captions: rest.captions.map(ownCopy),
    body: rest.body,
  };
  if (meta.publisher !== undefined) a.publisher = ownCopy(meta.publisher);
  if (meta.author !== undefined) a.author = ownCopy(meta.author);
  if (meta.url !== undefined) a.url = ownCopy(meta.url);
  if (meta.published !== undefined) a.published = ownCopy(meta.published);
  if (meta.dateline !== undefined) a.dateline = ownCopy(meta.dateline);
  return a;
}

/**
 * A string that holds its own characters. Parsers hand out slices of the file they read, and V8
 * keeps the whole file alive for as long as a slice lives: an article id cut from the front
 * matter kept every Markdown file in memory (6.5 MB at 19k paragraphs). JSON.parse always builds
 * a new string.
 */
function ownCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** The sentences of a paragraph, with their text (slices of the paragraph's text). */
export function sentencesOf(paragraph: Paragraph): Sentence[] {
  const b = paragraph.sentenceBounds;
  const out: Sentence[] = [];
  for (let i = 0; i + 1 < b.length; i += 2) out.push({ start: b[i]!, end: b[i + 1]!, text: paragraph.text.slice(b[i]!, b[i + 1]!) });
  return out;
}

/** Packs sentences for `Paragraph.sentenceBounds`. */
export function packSentences(sentences: ReadonlyArray<{ start: number; end: number }>): number[] {
  const out: number[] = [];
  for (const s of sentences) out.push(s.start, s.end);
  return out;
}

export interface ArticleMeta {
  id: string;
  title: string;
  publisher?: string;
  author?: string;
  url?: string;
  /** ISO date (YYYY-MM-DD) when known. */
  published?: string;
  /** Place name from a dateline such as "SEOUL --", when the article has one. */
  dateline?: string;
}

export interface Article extends ArticleMeta {
  /** Path of the knowledge file, relative to the knowledge directory. */
  file: string;
  paragraphs: Paragraph[];
  /** Photo captions, de-duplicated, kept apart from the body. */
  captions: string[];
  /** Body paragraphs joined with "\n\n": the text the attribution engine reads. */
  body: string;
}

/**
 * Joins paragraphs the way `Article.body` expects and records each paragraph's body offset.
 * Paragraph texts become slices of the body, so the article's text is held once, not twice.
 */
export function joinBody(paragraphs: Array<Omit<Paragraph, 'bodyStart'>>): { body: string; paragraphs: Paragraph[] } {
  const parts: string[] = [];
  const starts: number[] = [];
  let length = 0;
  for (const p of paragraphs) {
    if (parts.length > 0) length += 2;
    starts.push(length);
    parts.push(p.text);
    length += p.text.length;
  }
  const body = parts.join('\n\n');
  // One literal shape for every paragraph (a spread with an overridden field gave each object a
  // hidden class of its own: 18,000 of them, 5 MB, at 19k paragraphs).
  const out = paragraphs.map(
    (p, i): Paragraph => ({
      number: p.number,
      text: body.slice(starts[i]!, starts[i]! + p.text.length),
      sourceStart: p.sourceStart,
      bodyStart: starts[i]!,
      sentenceBounds: p.sentenceBounds,
    }),
  );
  return { body, paragraphs: out };
}
