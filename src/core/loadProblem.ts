/**
 * A knowledge file (or stored document) that could not be used, and why, in words a server
 * manager can act on. Core names it because every stage reports them: reading and parsing
 * (`ingest/`), party settings (`parties/`), the knowledge base and the commands that list them.
 */
export interface LoadProblem {
  file: string;
  problem: string;
}
