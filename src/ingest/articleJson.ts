/**
 * A parsed `Article` as compact JSON, for stores that keep parsed articles (the disk cache): the
 * body once, paragraphs and sentences as offsets into it.
 */
import { createHash } from 'node:crypto';
import { makeArticle, type Article, type Paragraph } from '../core/article';

/**
 * The hash of an article's body (SHA-256, hex, first 32): what the builder keys analyses by. A
 * source that keeps articles can keep it with them (`readKnowledgeFolder` does) and hand it to
 * `buildKnowledgeBase` as `bodyHashes`, so a start from the cache hashes no body text.
 */
export function bodyHash(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 32);
}

export interface SerialArticle {
  meta: Omit<Article, 'paragraphs' | 'captions' | 'body' | 'file'>;
  file: string;
  captions: string[];
  body: string;
  /** Per paragraph: number, sourceStart, bodyStart, length. */
  paras: number[];
  /** Per paragraph: sentence start/end pairs (relative to the paragraph). */
  sents: number[][];
}

export function serialArticle(a: Article): SerialArticle {
  const { paragraphs, captions, body, file, ...meta } = a;
  return {
    meta,
    file,
    captions,
    body,
    paras: paragraphs.flatMap((p) => [p.number, p.sourceStart, p.bodyStart, p.text.length]),
    sents: paragraphs.map((p) => p.sentenceBounds),
  };
}

/** Rebuilds the article; paragraph and sentence texts are slices of the one body string. */
export function articleFrom(s: SerialArticle): Article {
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i * 4 < s.paras.length; i++) {
    const [number, sourceStart, bodyStart, length] = s.paras.slice(i * 4, i * 4 + 4) as [number, number, number, number];
    const text = s.body.slice(bodyStart, bodyStart + length);
    paragraphs.push({ number, text, sourceStart, bodyStart, sentenceBounds: s.sents[i] ?? [] });
  }
  return makeArticle(s.meta, { file: s.file, captions: s.captions, paragraphs, body: s.body });
}
