/** Shared test helpers: the real knowledge base over the shipped articles, built once per file. */
import { commands } from '../commands/index';
import type { Answer } from '../src/core/answer';
import type { CommandContext } from '../src/core/command';
import { runCommand } from '../src/core/run';
import { parseCommandLine } from '../src/cli/parseLine';
import { KnowledgeBase, loadKnowledgeBase } from '../src/knowledge/knowledgeBase';

import { KNOWLEDGE_DIR } from './fixtures';

export { KNOWLEDGE_DIR, SEED_ID, markdownArticle, tempKnowledge } from './fixtures';

let shared: Promise<KnowledgeBase> | undefined;
/** The knowledge base over the shipped `knowledge/` folder. */
export function seedKb(): Promise<KnowledgeBase> {
  shared ??= loadKnowledgeBase(KNOWLEDGE_DIR);
  return shared;
}

/** Runs a command line exactly as the console does. */
export async function ask(line: string, kb?: KnowledgeBase, isAdmin = false): Promise<Answer> {
  const ctx: CommandContext = { kb: kb ?? (await seedKb()), isAdmin };
  const { name, options } = parseCommandLine(line, commands);
  return runCommand(commands, name, options, ctx);
}

