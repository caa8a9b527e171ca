/**
 * Files that come with an answer (a chart PNG), for the console and JSON modes: written to the
 * output folder, and the answer then names the file's path instead of carrying its bytes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Answer } from '../core/answer';

/** Where files go when no folder is configured (`OUTPUT_DIR`). */
export const DEFAULT_OUTPUT_DIR = join(tmpdir(), 'quotebook');

/** Writes the answer's files to `dir` (created if missing) and returns the answer with their paths. */
export async function saveFiles(answer: Answer, dir: string = DEFAULT_OUTPUT_DIR): Promise<Answer> {
  if (!answer.files?.some((f) => f.data)) return answer;
  await mkdir(dir, { recursive: true });
  const files = [];
  for (const f of answer.files) {
    if (!f.data) {
      files.push(f);
      continue;
    }
    // Names are made by the commands, but are cleaned anyway: one plain file inside `dir`.
    const path = resolve(dir, f.name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(-100) || 'file');
    await writeFile(path, f.data);
    const { data: _data, ...rest } = f;
    files.push({ ...rest, path });
  }
  return { ...answer, files };
}
