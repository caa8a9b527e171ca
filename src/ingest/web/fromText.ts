/** Page text (an uploaded `.txt`, a `text/plain` link) → stored document, through the raw-page parser. */
import { parseRawArticle } from '../rawArticle';
import { toDocument } from './toDocument';
import { ImportError, type ImportedDocument } from '../importTypes';

/** Pasted page text → stored document. */
export function pageFromText(text: string, site: string | null, url: string | null): ImportedDocument {
  if (!/\S/.test(text)) throw new ImportError('empty', 'There is no text in it.');
  const raw = parseRawArticle(text);
  return toDocument({ title: raw.title ?? null, site, author: raw.author ?? null, published: null, url, paragraphs: raw.paragraphs.map((p) => p.text) }, 'Untitled text');
}

