/** The articles `storeWorker.ts` writes, built the same way in the worker and in the test that checks them. */
import { createHash } from 'node:crypto';
import type { NewLibraryArticle } from '../../src/storage/libraryStore';

export interface WorkerOptions {
  databaseUrl: string;
  schema?: string;
  guildId: string;
  /** Tells workers apart in article ids and texts. */
  worker: string;
  count: number;
  /** `race` mode: add from the last article down. */
  reverse?: boolean;
  /** Document size in characters (`adds` mode). */
  documentChars?: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The document of crash article `i`: large, and different in every part so a torn write shows. */
export function crashDocument(o: WorkerOptions, i: number): string {
  const line = `Article ${i} of ${o.worker}: “a quoted line,” someone said. `;
  const body = line.repeat(Math.ceil((o.documentChars ?? 1_000_000) / line.length));
  return `---\ntitle: "Crash ${i}"\n---\n\n${body}\nEND ${i}\n`;
}

export function crashArticle(o: WorkerOptions, i: number): NewLibraryArticle {
  const document = crashDocument(o, i);
  return {
    guildId: o.guildId,
    articleId: `${o.worker}-${i}`,
    sourceUrl: `https://crash.example/${o.worker}/${i}`,
    sourceFile: null,
    contentHash: sha256(document),
    document,
    title: `Crash ${i}`,
    site: 'crash.example',
    author: null,
    published: null,
    addedBy: o.worker,
    paragraphs: 1,
    quotes: 1,
  };
}

/** Race article `i`: the same URL from every worker, a text of the worker's own. */
export function raceArticle(o: WorkerOptions, i: number): NewLibraryArticle {
  const document = `Race ${i} written by ${o.worker}.`;
  return {
    guildId: o.guildId,
    articleId: `${o.worker}-${i}`,
    sourceUrl: `https://race.example/${i}`,
    sourceFile: null,
    contentHash: sha256(document),
    document,
    title: `Race ${i}`,
    site: 'race.example',
    author: null,
    published: null,
    addedBy: o.worker,
    paragraphs: 1,
    quotes: 0,
  };
}
