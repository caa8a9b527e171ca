/**
 * `importFromUrl`: a member's link → fetched page (fetchPage.ts) → text (decode.ts) → article
 * (extract.ts) → stored document (toDocument.ts), or one `ImportError` saying what went wrong.
 */
import { decodeText } from './decode';
import { fetchPage, type FetchOptions } from './fetchPage';
import { documentFromHtml, emptyPage } from './fromHtml';
import { pageFromText } from './fromText';
import { ImportError, type ImportedDocument, type ImportFromUrl, type ImportStep } from '../importTypes';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', '']);

/** An `ImportFromUrl` with these fetch options (tests inject a resolver, connector and allow-list). */
export function makeImportFromUrl(options: FetchOptions = {}): ImportFromUrl {
  return (url, onStep) => importFromUrl(url, onStep, options);
}

/** Fetches `url` and extracts its article. */
export async function importFromUrl(url: string, onStep?: (step: ImportStep) => void, options: FetchOptions = {}): Promise<ImportedDocument> {
  onStep?.('fetching');
  const page = await fetchPage(url, options);
  onStep?.('extracting');
  if (page.mediaType === 'application/pdf') {
    throw new ImportError('unsupported-type', 'PDF links cannot be added; save the article as a web page or text and upload it.');
  }
  if (page.mediaType === 'text/plain') return pageFromText(decodeText(page.body, page.charset), page.url.hostname, page.url.href);
  if (!HTML_TYPES.has(page.mediaType)) {
    throw new ImportError('unsupported-type', `That link is not a web page (it is ${page.mediaType.slice(0, 60)}).`);
  }
  if (page.body.length === 0) throw emptyPage();
  const html = decodeText(page.body, page.charset, true);
  return documentFromHtml(html, page.url.href);
}
