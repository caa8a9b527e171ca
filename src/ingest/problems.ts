/**
 * How ingestion reports an unusable knowledge file: `KnowledgeFileError` carries a sentence a
 * server manager can act on; `toProblem` turns any thrown error into a `LoadProblem` (core).
 */
import type { LoadProblem } from '../core/loadProblem';

export type { LoadProblem } from '../core/loadProblem';

export class KnowledgeFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'KnowledgeFileError';
  }
}

/** A thrown error as a problem of `file`; only a `KnowledgeFileError` keeps its own wording. */
export function toProblem(file: string, err: unknown): LoadProblem {
  if (err instanceof KnowledgeFileError) return { file: err.file, problem: err.problem };
  return { file, problem: `unexpected error: ${err instanceof Error ? err.message : String(err)}` };
}
