/**
 * The contract between fetching/extracting a page (issue #13, `src/ingest/web/`) and the per-server
 * library: a URL or an uploaded file becomes one `ImportedDocument` — the Markdown document with
 * front matter that the folder loader reads — or an `ImportError` with a short message a member
 * can act on.
 */

export interface ImportedDocument {
  /** Markdown with YAML front matter (title, publisher, author, url, published), body paragraphs. */
  document: string;
  title: string;
  site: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  published: string | null;
  /** Canonical URL when known (final URL after redirects, or the page's canonical link). */
  canonicalUrl: string | null;
  /** Body paragraphs as stored (same order as in `document`). */
  paragraphs: string[];
}

/** Why a page or file could not be added; `message` is shown to the member as is. */
export type ImportErrorCode =
  | 'bad-url'
  | 'blocked-address'
  | 'too-many-redirects'
  | 'http-status'
  | 'timeout'
  | 'too-big'
  | 'unsupported-type'
  | 'not-an-article'
  | 'empty'
  | 'network';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Progress steps reported while importing (the Discord reply is edited at each). */
export type ImportStep = 'fetching' | 'extracting';

export type ImportFromUrl = (url: string, onStep?: (step: ImportStep) => void) => Promise<ImportedDocument>;
export type ImportFromFile = (fileName: string, bytes: Uint8Array) => Promise<ImportedDocument>;
