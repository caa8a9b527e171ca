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
  sentences: Sentence[];
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

/** Joins paragraphs the way `Article.body` expects and records each paragraph's body offset. */
export function joinBody(paragraphs: Array<Omit<Paragraph, 'bodyStart'>>): { body: string; paragraphs: Paragraph[] } {
  let body = '';
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    if (body.length > 0) body += '\n\n';
    out.push({ ...p, bodyStart: body.length });
    body += p.text;
  }
  return { body, paragraphs: out };
}
