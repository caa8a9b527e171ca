/** Test fixtures that need no knowledge base: temporary knowledge folders and articles. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KNOWLEDGE_DIR = join(import.meta.dirname, '..', 'knowledge');
export const SEED_ID = 'us-skorea-end-of-war';

/** A temporary knowledge directory with the given files. */
export function tempKnowledge(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'quotebook-kb-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A minimal valid Markdown article. */
export function markdownArticle(meta: Record<string, string>, paragraphs: string[]): string {
  const fm = {
    title: 'A test article',
    publisher: 'Test Publisher',
    author: 'Jane Writer',
    url: 'https://example.org/a',
    published: '2024-01-02',
    ...meta,
  };
  const yaml = Object.entries(fm)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${paragraphs.join('\n\n')}\n`;
}
