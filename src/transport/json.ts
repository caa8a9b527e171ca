/**
 * JSON mode for scripts: one command → one JSON line. With no command argument, reads command
 * lines from stdin and prints one JSON line per line, in order; a bad line prints
 * `{"error": "..."}` and the batch goes on.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AnyCommand, CommandContext } from '../core/command';
import type { Logger } from '../log';
import { answerLine, type LineResult } from './session';

function toJson(result: LineResult): string {
  return JSON.stringify('answer' in result ? result.answer : { error: result.error });
}

export async function runJsonOnce(
  line: string,
  commands: readonly AnyCommand[],
  ctx: CommandContext,
  out: Writable,
  logger?: Logger,
  outputDir?: string,
): Promise<boolean> {
  const result = await answerLine(line, commands, ctx, logger, outputDir);
  out.write(toJson(result) + '\n');
  return 'answer' in result;
}

export async function runJsonBatch(
  input: Readable,
  commands: readonly AnyCommand[],
  ctx: CommandContext,
  out: Writable,
  logger?: Logger,
  outputDir?: string,
): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    out.write(toJson(await answerLine(line, commands, ctx, logger, outputDir)) + '\n');
  }
}
