/**
 * Runs a command by name with raw option values: the one path every transport takes, so option
 * checks and error handling are the same in the console, JSON mode and Discord.
 */
import type { Answer } from './answer';
import type { AnyCommand, CommandContext } from './command';
import { UserInputError } from './errors';
import { validateOptions, type RawOptions } from './options';
import { mergeAnswers, segmentsFor } from './segments';

export async function runCommand(
  commands: readonly AnyCommand[],
  name: string,
  raw: RawOptions,
  ctx: CommandContext,
): Promise<Answer> {
  const command = commands.find((c) => c.definition.name === name);
  if (!command) {
    const names = commands.filter((c) => !c.definition.adminOnly).map((c) => `/${c.definition.name}`);
    throw new UserInputError(`Unknown command. Try one of: ${names.join(', ')}.`);
  }
  if (command.definition.adminOnly && !ctx.isAdmin) {
    throw new UserInputError(`/${command.definition.name} is for server managers only.`);
  }
  const options = validateOptions(command.definition, raw);
  return await handleOnSegments(command, options, ctx);
}

/**
 * Runs a handler with checked options. An answering command runs once per knowledge base of the
 * caller (shared folder, server library) and the answers are merged; others run once.
 */
export async function handleOnSegments(command: AnyCommand, options: Parameters<AnyCommand['handle']>[0], ctx: CommandContext): Promise<Answer> {
  const segments = ctx.segments;
  if (!command.definition.answers || !segments || segments.length < 2) return await command.handle(options, ctx);
  const answers: Answer[] = [];
  for (const kb of segmentsFor(segments, options.article)) answers.push(await command.handle(options, { ...ctx, kb }));
  return mergeAnswers(answers);
}
