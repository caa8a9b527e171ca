/**
 * `importFromFile`: an uploaded `.txt` (a page pasted as text), `.md` (with or without front
 * matter) or `.html` file → stored document. PDF is refused with a clear message (README: text
 * extraction from PDF loses paragraph and quote structure too often to attribute quotes safely).
 */
import { extname } from 'node:path';
import { decodeText } from './decode';
import { documentFromHtml } from './fromHtml';
import { pageFromText } from './fromText';
import { toDocument } from './toDocument';
import { parseMarkdownArticle } from '../markdownArticle';
import { KnowledgeFileError } from '../problems';
import { ImportError, type ImportedDocument } from '../importTypes';

/** Largest file accepted, in bytes (as for fetched pages). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Reads an uploaded file into a stored document. */
export async function importFromFile(fileName: string, bytes: Uint8Array): Promise<ImportedDocument> {
  const ext = extname(fileName).toLowerCase();
  if (bytes.length > MAX_FILE_BYTES) throw new ImportError('too-big', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, too big to add.`);
  if (ext === '.pdf') {
    throw new ImportError('unsupported-type', 'PDF files are not supported: save the article as a web page (.html) or copy its text into a .txt file.');
  }
  if (!['.txt', '.md', '.markdown', '.html', '.htm'].includes(ext)) {
    throw new ImportError('unsupported-type', 'Only .txt, .md and .html files can be added.');
  }
  if (bytes.length === 0) throw new ImportError('empty', 'The file is empty.');
  const text = decodeText(bytes, null, ext === '.html' || ext === '.htm');
  if (ext === '.html' || ext === '.htm') return documentFromHtml(text, null);
  if ((ext === '.md' || ext === '.markdown') && /^---[ \t]*\r?\n/.test(text)) return fromMarkdown(text);
  // Markdown without front matter reads as pasted text; heading markers are only markup.
  return pageFromText(ext === '.txt' ? text : text.replace(/^#{1,6}[ \t]+/gm, ''), null, null);
}

function fromMarkdown(text: string): ImportedDocument {
  let md;
  try {
    md = parseMarkdownArticle(text, 'upload.md', { library: true });
  } catch (err) {
    if (err instanceof KnowledgeFileError) throw new ImportError('not-an-article', `The Markdown file could not be read: ${err.problem}.`);
    throw err;
  }
  const m = md.meta;
  return toDocument(
    { title: m.title, site: m.publisher ?? null, author: m.author ?? null, published: m.published ?? null, url: m.url ?? null, paragraphs: md.paragraphs.map((p) => p.text) },
    'Untitled text',
  );
}
