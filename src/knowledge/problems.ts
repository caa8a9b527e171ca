/** A knowledge file that could not be loaded, and why, in words a server manager can act on. */
export interface LoadProblem {
  file: string;
  problem: string;
}

export class KnowledgeFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'KnowledgeFileError';
  }
}
