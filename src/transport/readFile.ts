/**
 * `/library add file:<path>` in the console and JSON mode: the file is a path on this machine
 * (relative to the working directory), read with the same size cap a Discord attachment has.
 */
import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { UserInputError } from '../core/errors';
import type { ReadFile } from '../core/library';

/** Largest file the console reads (the same cap as a page fetched from the web). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Reads a local file for `/library add file:` (a regular file, at most `maxBytes`). */
export function consoleFileReader(maxBytes = MAX_FILE_BYTES): ReadFile {
  return async (ref) => {
    const path = resolve(ref);
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UserInputError(code === 'ENOENT' ? `No file at ${ref.slice(0, 200)}.` : `Cannot read ${ref.slice(0, 200)} (${code ?? 'error'}).`);
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new UserInputError(`${ref.slice(0, 200)} is not a file.`);
      if (info.size > maxBytes) throw new UserInputError(`That file is too big (${Math.ceil(info.size / 1024)} KB; at most ${Math.floor(maxBytes / 1024)} KB).`);
      const bytes = await handle.readFile();
      return { name: basename(path), bytes };
    } finally {
      await handle.close();
    }
  };
}
