/**
 * Runs a command by name with raw option values: the one path every transport takes, so the
 * command lookup, the admin check, option checks and their messages are the same in the console,
 * JSON mode and Discord. A transport only turns its input into raw values and renders the result.
 */
import type { Answer } from './answer';
import type { AnyCommand, CommandContext, CommandKnowledge } from './command';
import type { SpeakerOverrides } from './corrections';
import { clip } from './clip';
import { ForbiddenError, UnknownCommandError } from './errors';
import { cleanText, validateOptions, type CleanOptions, type RawOptions } from './options';
import { mergeAnswers, segmentsFor } from './segments';

/** The one "no such command" error, listing the commands everybody may use. */
export function unknownCommand(commands: readonly AnyCommand[], name: string): UnknownCommandError {
  const names = commands.filter((c) => !c.definition.adminOnly).map((c) => `/${c.definition.name}`);
  return new UnknownCommandError(`Unknown command “/${clip(cleanText(name), 32)}”. Try one of: ${names.join(', ')}.`);
}

/** The command called `name`; throws `unknownCommand` when there is none. */
export function findCommand(commands: readonly AnyCommand[], name: string): AnyCommand {
  const command = commands.find((c) => c.definition.name === name);
  if (!command) throw unknownCommand(commands, name);
  return command;
}

/**
 * The admin check and option validation of one command: the checked, cleaned options, or a
 * `ForbiddenError` / `UserInputError` with the message every transport shows.
 */
export function checkCommand(command: AnyCommand, raw: RawOptions, isAdmin: boolean): CleanOptions {
  // Discord's default_member_permissions can be relaxed per server; admin commands stay admin-only here.
  if (command.definition.adminOnly && !isAdmin) throw new ForbiddenError(`/${command.definition.name} is for server managers only.`);
  return validateOptions(command.definition, raw);
}

/** Finds, checks and runs a command; user mistakes come back as `UserInputError`s. */
export async function runCommand(
  commands: readonly AnyCommand[],
  name: string,
  raw: RawOptions,
  ctx: CommandContext,
): Promise<Answer> {
  const command = findCommand(commands, name);
  const options = checkCommand(command, raw, ctx.isAdmin);
  return await handleOnSegments(command, options, ctx);
}

/**
 * Runs a handler with checked options. An answering command runs once per knowledge base of the
 * caller (shared folder, server library) and the answers are merged; others run once.
 */
export async function handleOnSegments(command: AnyCommand, options: Parameters<AnyCommand['handle']>[0], ctx: CommandContext): Promise<Answer> {
  const segments = ctx.segments;
  const overrides = ctx.overrides;
  if (!command.definition.answers || !segments || segments.length < 2) {
    return await command.handle(options, overrides ? { ...ctx, kb: corrected(ctx.kb, overrides) } : ctx);
  }
  const answers: Answer[] = [];
  for (const kb of segmentsFor(segments, options.article)) answers.push(await command.handle(options, { ...ctx, kb: corrected(kb, overrides) }));
  return mergeAnswers(answers);
}

/**
 * The base as the caller's server sees it, with its accepted speaker corrections: a knowledge base
 * offers `corrected(overrides)` (`knowledge/knowledgeBase.ts`), a view answers apply them through.
 */
function corrected(kb: CommandKnowledge, overrides: SpeakerOverrides | undefined): CommandKnowledge {
  const view = (kb as { corrected?: (o: SpeakerOverrides) => CommandKnowledge }).corrected;
  return overrides && typeof view === 'function' ? view.call(kb, overrides) : kb;
}
