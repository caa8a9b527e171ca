/** Shared test helpers: the real knowledge base over the shipped articles, built once per file. */
import { expect } from 'vitest';
import { commands } from '../commands/index';
import type { Answer } from '../src/core/answer';
import type { CommandContext } from '../src/core/command';
import { runCommand } from '../src/core/run';
import { parseCommandLine } from '../src/cli/parseLine';
import { KnowledgeBase, loadKnowledgeBase } from '../src/knowledge/knowledgeBase';

import { KNOWLEDGE_DIR } from './fixtures';

export { KNOWLEDGE_DIR, SEED_ID, markdownArticle, tempKnowledge } from './fixtures';

let shared: { file: string | undefined; kb: Promise<KnowledgeBase> } | undefined;
/**
 * The knowledge base over the shipped `knowledge/` folder, built once per test file. Files share a
 * worker process (vitest.config.ts, `isolate: false`), so a base kept across files would carry one
 * file's warmed caches (`kb.derived`) into the next; each file gets its own, as in a process of its own.
 */
export function seedKb(): Promise<KnowledgeBase> {
  const file = expect.getState().testPath;
  if (!shared || shared.file !== file) shared = { file, kb: loadKnowledgeBase(KNOWLEDGE_DIR) };
  return shared.kb;
}

/** Runs a command line exactly as the console does. */
export async function ask(line: string, kb?: KnowledgeBase, isAdmin = false): Promise<Answer> {
  const ctx: CommandContext = { kb: kb ?? (await seedKb()), isAdmin };
  const { name, options } = parseCommandLine(line, commands);
  return runCommand(commands, name, options, ctx);
}

