/**
 * A separate process that writes to a library store, for the crash and concurrency tests
 * (`crash.test.ts`): the parent SIGKILLs it mid-add, or runs two at once against one database.
 *
 *   node --import tsx test/storage/storeWorker.ts <mode> <json options>
 *
 * mode `adds`: adds articles 0..count-1 with large documents; prints `begin <i>` before each add
 *   and `added <i>` after it commits, forever-looping until killed or done.
 * mode `race`: prints `ready`, waits for a line on stdin, then adds articles 0..count-1 whose URLs
 *   another worker adds too (in reverse order with `reverse`, so two workers meet in the middle
 *   whatever their start-up lag); prints one JSON line per result `{ "i": n, "added": bool }`.
 */
import { createInterface } from 'node:readline';
import { openLibraryStore } from '../../src/storage/open';
import { crashArticle, raceArticle, type WorkerOptions } from './workerArticles';

const [mode, raw] = process.argv.slice(2);
const options = JSON.parse(raw ?? '{}') as WorkerOptions;
const store = await openLibraryStore({ databaseUrl: options.databaseUrl }, { schema: options.schema });
const out = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'adds') {
  for (let i = 0; i < options.count; i++) {
    out(`begin ${i}`);
    await store.add(crashArticle(options, i));
    out(`added ${i}`);
  }
} else if (mode === 'race') {
  out('ready');
  await new Promise<void>((resolve) => {
    const rl = createInterface({ input: process.stdin });
    rl.once('line', () => {
      rl.close();
      resolve();
    });
  });
  for (let k = 0; k < options.count; k++) {
    const i = options.reverse ? options.count - 1 - k : k;
    const r = await store.add(raceArticle(options, i));
    out(JSON.stringify({ i, added: r.added }));
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
await store.close();
