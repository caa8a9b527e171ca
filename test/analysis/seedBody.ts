/** Builds the seed article body (15 paragraphs joined by a blank line) from the raw pasted page. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function seedBody(): string {
  const raw = readFileSync(fileURLToPath(new URL('../fixtures/seed-raw.txt', import.meta.url)), 'utf8');
  const paras = raw.split(/\n/).map((l) => l.trim()).filter(Boolean);
  const first = paras.findIndex((p) => p.startsWith('Washington and Seoul appear'));
  const last = paras.findIndex((p) => p.startsWith('\u201CWhile talks'));
  return paras.slice(first, last + 1).join('\n\n');
}
