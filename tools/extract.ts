/**
 * `npm run extract -- <url-or-file>`: prints what adding a page or file to a library would store
 * (title, author, published, site, url, paragraphs) as JSON, for debugging and scripts. A path
 * that exists is read as an uploaded file; anything else is fetched as a URL with the same limits
 * and address checks as the bot (no allow-list: internal addresses are refused here too).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importFromFile, importFromUrl } from '../src/ingest/web/index';
import { ImportError } from '../src/ingest/importTypes';

const arg = process.argv[2];
if (!arg || arg === '--help' || arg === '-h') {
  console.error('usage: npm run extract -- <url-or-file>\n  prints the extracted article as JSON (title, author, published, site, url, paragraphs)');
  process.exit(arg ? 0 : 2);
}
try {
  const isFile = existsSync(arg) && statSync(arg).isFile();
  const doc = isFile ? await importFromFile(basename(arg), readFileSync(arg)) : await importFromUrl(arg);
  const out = { title: doc.title, author: doc.author, published: doc.published, site: doc.site, url: doc.canonicalUrl, paragraphs: doc.paragraphs };
  console.log(JSON.stringify(out, null, 2));
} catch (err) {
  if (err instanceof ImportError) {
    console.error(`${err.code}: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
