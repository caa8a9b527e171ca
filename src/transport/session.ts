/**
 * One command line in, one Answer (or a user-facing error) out. Shared by the console and JSON
 * modes so they behave identically.
 */
import type { Answer } from '../core/answer';
import type { AnyCommand, CommandContext } from '../core/command';
import { UserInputError } from '../core/errors';
import { runCommand } from '../core/run';
import { parseCommandLine } from '../cli/parseLine';
import type { Logger } from '../log';
import { saveFiles } from './files';

export type LineResult = { answer: Answer } | { error: string };

export async function answerLine(
  line: string,
  commands: readonly AnyCommand[],
  ctx: CommandContext,
  logger?: Logger,
  outputDir?: string,
): Promise<LineResult> {
  try {
    // A bare 1–4 answers the quiz round on screen (turn by turn in the console and JSON mode).
    const pick = /^\s*([1-4])\s*$/.exec(line);
    const { name, options } = pick ? { name: 'quiz answer', options: { choice: pick[1]! } } : parseCommandLine(line, commands);
    // A chart's PNG is written to a file; the answer names its path.
    return { answer: await saveFiles(await runCommand(commands, name, options, ctx), outputDir) };
  } catch (err) {
    if (err instanceof UserInputError) return { error: err.message };
    logger?.error({ err }, 'command failed');
    return { error: 'Something went wrong answering that; it has been logged.' };
  }
}
