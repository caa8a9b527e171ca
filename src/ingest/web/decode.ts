/**
 * Bytes → text for fetched pages and uploaded files: refuses binary data dressed as text, and
 * decodes with the page's own charset (byte-order mark, then the Content-Type header, then a
 * `<meta charset>` near the top), falling back to UTF-8 and then windows-1252 as browsers do.
 */
import { ImportError } from '../importTypes';

/** True when the bytes look like a binary file (NUL bytes or many control characters) rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bom(bytes)) return false;
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control / n > 0.02;
}

/** Decodes page or file bytes to text; `declared` is a charset from the HTTP header, if any. */
export function decodeText(bytes: Uint8Array, declared: string | null = null, html = false): string {
  if (looksBinary(bytes)) throw new ImportError('unsupported-type', 'That is not a text or web page (the content is binary).');
  const fromBom = bom(bytes);
  if (fromBom) return decodeWith(fromBom, bytes);
  const label = (declared && usable(declared)) || (html ? metaCharset(bytes) : null);
  if (label) return decodeWith(label, bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function decodeWith(label: string, bytes: Uint8Array): string {
  // TextDecoder strips a BOM of its own encoding.
  return new TextDecoder(label).decode(bytes);
}

function bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** A label TextDecoder knows, or null. A page that claims UTF-16 without a BOM is read as UTF-8 (as browsers do). */
function usable(label: string): string | null {
  try {
    const enc = new TextDecoder(label.trim().toLowerCase()).encoding;
    return enc.startsWith('utf-16') ? 'utf-8' : enc;
  } catch {
    return null;
  }
}

/** `<meta charset=…>` or `<meta http-equiv=Content-Type content="…; charset=…">` in the first 4 KB. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)/i.exec(head);
  return m ? usable(m[1]!) : null;
}
