/**
 * Loading the knowledge directory for a running bot: every file that could not be used is
 * logged as one warning line naming the file and the problem, and the bot starts with the rest.
 */
import type { Logger } from '../log';
import { loadKnowledgeBase, type KnowledgeBase } from './knowledgeBase';
import type { LoadProblem } from '../core/loadProblem';

/** One `knowledge file skipped: <problem>` warning per problem, with the file name as `file`. */
export function reportKnowledgeProblems(problems: readonly LoadProblem[], log: Logger): void {
  for (const p of problems) log.warn({ file: p.file }, `knowledge file skipped: ${p.problem}`);
}

/** Loads `dir` and reports what was skipped. */
export async function loadKnowledgeAndReport(dir: string, log: Logger): Promise<KnowledgeBase> {
  const kb = await loadKnowledgeBase(dir);
  reportKnowledgeProblems(kb.problems, log);
  return kb;
}
