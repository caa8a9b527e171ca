/**
 * What the bot answers to an interaction, independent of transport: the rate limit, running the
 * command through the one command path (admin check and option validation in core/run.ts),
 * rendering, paging, autocomplete and the "Who said this?" menu. Input is an `InteractionInput`, output is Discord response JSON.
 * Nothing here throws: every failure becomes a short ephemeral message plus a log entry.
 */
import type { APIApplicationCommandOptionChoice, APIInteractionResponse } from 'discord.js';
import { AnswerSchema, type Answer } from '../core/answer';
import type { AnyCommand, CommandContext, CommandDefinition, CommandOption } from '../core/command';
import type { Caller, LibraryAccess } from '../core/library';
import type { QuizAccess } from '../core/quiz';
import type { CorrectionsAccess } from '../core/corrections';
import { ForbiddenError, UserInputError } from '../core/errors';
import { MAX_CHOICE_LENGTH, MAX_CHOICES } from '../core/limits';
import { checkCommand, handleOnSegments, unknownCommand } from '../core/run';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { clip, graphemePrefix } from '../core/clip';
import type { Logger } from '../log';
import { pageCount, renderAnswer, renderThread, type ThreadPlan } from './render';
import { decodePageId, decodeQuizId, decodeUndoId, encodePageId, type OptionMap } from './customId';
import { QuizBoard, type MessageEditor } from './quizBoard';
import { pressText, renderQuiz } from './quizRender';
import { decodeCorrectionId, type CorrectionPress } from './correctionComponents';
import { ADD_TO_LIBRARY_MENU, HIDE_OPTION, LIBRARY_ADD_COMMAND, THREAD_OPTION, WHO_SAID_COMMAND, WHO_SAID_MENU, WHO_SAID_OPTION } from './definitions';
import type { AttachmentInfo, InteractionInput } from './input';
import { attachmentReader, type FetchAttachment } from './attachments';
import { libraryTarget } from './libraryMenu';
import type { FileUpload } from './files';
import { escapeAndFit, truncate } from './markdown';
import { createRateLimiter } from './rateLimit';
import { autocompleteResponse, deferResponse, ephemeralText, pongResponse, replyResponse, safeMessage, updateResponse, type SafeMessage } from './respond';
import { MessageFlags } from 'discord.js';

/** What the shared logic needs from the process. */
export interface InteractionDeps {
  getKnowledgeBase: () => KnowledgeBase;
  commands: readonly AnyCommand[];
  logger: Logger;
  reload?: () => Promise<string>;
  rateLimitPerMinute: number;
  /**
   * The knowledge bases a server (null: a DM) answers from: the shared folder, then the server's
   * library. Absent: the shared folder (`getKnowledgeBase`) everywhere.
   */
  knowledgeFor?: (guildId: string | null) => Promise<readonly KnowledgeBase[]>;
  /** The per-server library (`/library …`, Add to library, Undo); absent: those say it is unavailable. */
  library?: LibraryAccess;
  /** Downloads a Discord attachment (`/library add file:`); absent: files cannot be added. */
  fetchAttachment?: FetchAttachment;
  /** "Who said it?" (`/quiz …` and its buttons); absent: those say it is unavailable. */
  quiz?: QuizAccess<KnowledgeBase>;
  /** Speaker corrections and feedback; absent: answers carry no "Wrong speaker?" or 👍/👎 buttons. */
  corrections?: CorrectionsAccess;
}

/** The commands the correction components run (`commands/correct.ts`, `commands/corrections.ts`). */
const CORRECT_COMMAND = 'correct';
const CORRECTIONS_COMMAND = 'corrections';

/** What the transport offers one interaction while it runs. */
export interface AnswerHooks {
  /** Shows a step of slow work (edits the deferred reply). */
  progress?: (text: string) => void;
}

/** How an interaction ended, for the log line and tests. */
export type Outcome = 'ok' | 'bad_input' | 'error' | 'rate_limited' | 'forbidden' | 'unknown' | 'expired' | 'unavailable';

export interface InteractionResult {
  response: APIInteractionResponse;
  outcome: Outcome;
  /**
   * `thread:true` on a public answer of several pages in a server: the answer as a thread. The
   * transport posts `intro` instead of `response` and the pages in the thread; a transport that
   * cannot start threads (or a failure to) sends `response` as usual.
   */
  thread?: ThreadPlan;
  /**
   * Files to attach (a chart PNG): the transport defers if it has not, then edits the original
   * response with `response`'s message and these files (multipart).
   */
  files?: FileUpload[];
  /** Private messages to the caller after `response` (a quiz press that moved the quiz message on). */
  followUps?: SafeMessage[];
  /** Called with the responder once `response` is sent: a quiz keeps it to edit its message later. */
  keep?: (editor: MessageEditor) => void;
}

export interface InteractionCore {
  /** The deferral to send if the answer is slow; undefined when the interaction cannot be deferred. */
  deferralFor(input: InteractionInput): APIInteractionResponse | undefined;
  /** The full answer. Never rejects. */
  answer(input: InteractionInput, hooks?: AnswerHooks): Promise<InteractionResult>;
  /** Whether to defer at once (slow work with progress) instead of after the usual delay. */
  defersAtOnce(input: InteractionInput): boolean;
  /** A short label for logs: command name, menu or "button". */
  label(input: InteractionInput): string;
}


const QUIZ_ANSWER_COMMAND = 'quiz answer';

function fail(outcome: Outcome, message: string): InteractionResult {
  return { outcome, response: ephemeralText(message) };
}

/**
 * The interaction's option values as the command path takes them: the values Discord sent, minus
 * the Discord-only `hide` and `thread` options `definitions.ts` adds to answering commands. No
 * checks here: `checkCommand` (core/run.ts) validates them like every other transport's.
 */
function commandOptions(definition: CommandDefinition, raw: OptionMap): OptionMap {
  const options: OptionMap = {};
  for (const [name, value] of Object.entries(raw)) {
    const discordOnly = (name === HIDE_OPTION || name === THREAD_OPTION) && !definition.options.some((o) => o.name === name);
    if (!discordOnly) options[name] = value;
  }
  return options;
}

/** The answer's files that carry bytes, as uploads (the chart of `/chart`). */
function uploadsOf(answer: Answer): FileUpload[] {
  return (answer.files ?? []).flatMap((f) => (f.data ? [{ name: f.name, data: f.data, contentType: f.contentType, description: f.description }] : []));
}

/** Builds the shared interaction logic for one process. */
export function createInteractionCore(deps: InteractionDeps): InteractionCore {
  const limiter = createRateLimiter(deps.rateLimitPerMinute);
  // Rounds closed by their timer are revealed on the message that shows the quiz.
  const board = new QuizBoard(deps.logger);
  deps.quiz?.subscribe((closed) => void board.closed(closed));
  const find = (name: string) => deps.commands.find((c) => c.definition.name === name);
  const findDefinition = (name: string) => find(name)?.definition;

  function label(input: InteractionInput): string {
    switch (input.kind) {
      case 'command':
      case 'autocomplete':
      case 'message-menu':
        return input.command;
      case 'button':
        return 'button';
      default:
        return input.kind;
    }
  }

  function isHidden(input: InteractionInput): boolean {
    if (input.kind === 'message-menu') return true;
    // Answering the quiz by command is private, like pressing its buttons.
    if (input.kind === 'command' && input.command === QUIZ_ANSWER_COMMAND) return true;
    return input.kind === 'command' && input.options[HIDE_OPTION] === true && !findDefinition(input.command)?.options.some((o) => o.name === HIDE_OPTION);
  }

  /** Who is asking, for the library. */
  function callerOf(input: Exclude<InteractionInput, { kind: 'ping' }>): Caller {
    return { guildId: input.guildId ?? null, userId: input.userId, canManageServer: input.isAdmin, roleIds: input.roleIds ?? [] };
  }

  /** The bases this interaction answers from (its server's view). */
  async function segmentsOf(input: Exclude<InteractionInput, { kind: 'ping' }>): Promise<readonly KnowledgeBase[]> {
    return deps.knowledgeFor ? await deps.knowledgeFor(input.guildId ?? null) : [deps.getKnowledgeBase()];
  }

  /** Runs a command and renders `page`; shared by slash commands, buttons and the menus. */
  async function run(
    command: AnyCommand,
    rawOptions: OptionMap,
    page: number,
    input: Exclude<InteractionInput, { kind: 'ping' }>,
    hooks: AnswerHooks = {},
    attachments: Record<string, AttachmentInfo> = {},
  ): Promise<{ ok: true; message: ReturnType<typeof renderAnswer>; answer: Answer; title: string; articles: KnowledgeBase['articles'] } | { ok: false; result: InteractionResult }> {
    const isAdmin = input.isAdmin;
    const { definition } = command;
    let answer: Answer;
    let options: OptionMap;
    let segments: readonly KnowledgeBase[] = [deps.getKnowledgeBase()];
    try {
      // The one admin check and option validation (core/run.ts), with the messages every transport shows.
      options = checkCommand(command, commandOptions(definition, rawOptions), isAdmin);
      segments = await segmentsOf(input);
      const overrides = deps.corrections ? await deps.corrections.overrides(input.guildId ?? null) : undefined;
      const ctx: CommandContext = {
        kb: segments[0]!,
        isAdmin,
        segments,
        caller: callerOf(input),
        ...(deps.reload ? { reload: deps.reload } : {}),
        ...(deps.library ? { library: deps.library } : {}),
        ...(deps.quiz ? { quiz: deps.quiz } : {}),
        ...(deps.fetchAttachment ? { readFile: attachmentReader(attachments, deps.fetchAttachment) } : {}),
        ...(hooks.progress ? { progress: hooks.progress } : {}),
        ...(deps.corrections ? { corrections: deps.corrections } : {}),
        ...(overrides ? { overrides } : {}),
      };
      const produced = await handleOnSegments(command, options, ctx);
      const parsed = AnswerSchema.safeParse(produced);
      if (!parsed.success) throw new Error(`/${definition.name} returned an invalid Answer: ${parsed.error.message}`);
      answer = parsed.data;
    } catch (err) {
      // A problem with what the user typed: tell them (escaped, it may quote their input), no error log.
      if (err instanceof UserInputError) return { ok: false, result: fail(err instanceof ForbiddenError ? 'forbidden' : 'bad_input', escapeAndFit(err.message, 1900)) };
      deps.logger.error({ err, command: definition.name }, 'command handler failed');
      return { ok: false, result: fail('error', `Sorry, \`/${definition.name}\` failed. The error has been logged.`) };
    }
    const articles = segments.length === 1 ? segments[0]!.articles : segments.flatMap((s) => s.articles);
    const message = answer.quiz ? renderQuiz(answer.quiz, answer.notice) : renderAnswer(answer, {
      articles,
      page,
      // The cleaned values: a button re-runs the same query, and never carries invisible or broken characters.
      pageId: (p) => encodePageId(definition, options, p),
      // Corrections and feedback belong to a server's members.
      ...(deps.corrections && input.guildId && definition.answers ? { feedback: { command: definition.name } } : {}),
    });
    const title = [`/${definition.name}`, ...Object.values(options).map(String)].join(' ');
    return { ok: true, message, answer, title, articles };
  }

  function limited(userId: string): InteractionResult | undefined {
    const waitMs = limiter.take(userId);
    if (waitMs === 0) return undefined;
    return fail('rate_limited', `You're going a bit fast. Try again in ${Math.ceil(waitMs / 1000)} s.`);
  }

  /** Choices from every base of the caller's view, interleaved by rank, each value once. */
  async function suggestions(input: Extract<InteractionInput, { kind: 'autocomplete' }>, source: NonNullable<Extract<CommandOption, { type: 'string' }>['autocomplete']>, prefix: string) {
    if (source === 'library') return deps.library ? await deps.library.suggest(input.guildId ?? null, prefix) : [];
    const lists = (await segmentsOf(input)).map((kb) => kb.suggest(source, prefix));
    const seen = new Set<string>();
    const out: Array<{ name: string; value: string }> = [];
    for (let i = 0; lists.some((l) => i < l.length); i++) {
      for (const list of lists) {
        const c = list[i];
        if (c && !seen.has(c.value)) {
          seen.add(c.value);
          out.push(c);
        }
      }
    }
    return out;
  }

  async function autocomplete(input: Extract<InteractionInput, { kind: 'autocomplete' }>): Promise<InteractionResult> {
    const option = findDefinition(input.command)?.options.find((o) => o.name === input.focused.name);
    if (!option || option.type !== 'string' || !option.autocomplete) return { outcome: 'unknown', response: autocompleteResponse([]) };
    const choices: APIApplicationCommandOptionChoice[] = [];
    for (const c of await suggestions(input, option.autocomplete, graphemePrefix(input.focused.value, option.maxLength))) {
      // A value is what the handler receives; cutting it would change the query, so skip it instead.
      if (!c.value || c.value.length > MAX_CHOICE_LENGTH || c.value.length > option.maxLength) continue;
      choices.push({ name: truncate(c.name || c.value, MAX_CHOICE_LENGTH), value: c.value });
      if (choices.length === MAX_CHOICES) break;
    }
    return { outcome: 'ok', response: autocompleteResponse(choices) };
  }

  /** The Undo button of an add card: removes the article (the adder or a library manager only). */
  async function undo(input: Extract<InteractionInput, { kind: 'button' }>, articleId: string): Promise<InteractionResult> {
    if (!deps.library) return fail('unavailable', 'The library is not available right now.');
    try {
      const removed = await deps.library.remove(callerOf(input), articleId, 'undo');
      return { outcome: 'ok', response: updateResponse({ content: escapeAndFit(`Undone: “${removed.title}” is no longer in this server's library.`, 1900), embeds: [], components: [] }) };
    } catch (err) {
      if (err instanceof UserInputError) return fail('bad_input', escapeAndFit(err.message, 1900));
      throw err;
    }
  }

  /** A quiz answer button: record the answer; when it closes the round, move the quiz message on. */
  async function quizPress(input: Extract<InteractionInput, { kind: 'button' }>, decoded: { roundId: string; choice: number } | 'forged'): Promise<InteractionResult> {
    if (!deps.quiz) return fail('unavailable', 'The quiz is not available right now.');
    if (decoded === 'forged') return fail('unknown', 'This quiz button is not one of ours. Start a quiz with /quiz play.');
    try {
      const { outcome, closed } = await deps.quiz.answer(callerOf(input), decoded.roundId, decoded.choice);
      const choices = outcome.status === 'late' ? outcome.reveal.choices : outcome.round.choices;
      const right = closed?.reveal.answer ?? (outcome.status === 'late' ? outcome.reveal.answer : undefined);
      const own = pressText({ status: outcome.status, ...(outcome.status === 'recorded' ? { choice: outcome.choice } : {}) }, choices, right);
      if (closed) {
        // This press closed the round: the quiz message shows the reveal and the next round, and
        // the presser alone reads how they did.
        const quiz = { reveal: closed.reveal, ...(closed.next ? { round: closed.next } : {}), ...(closed.final ? { scores: closed.final } : {}) };
        return {
          outcome: 'ok',
          response: updateResponse(renderQuiz(quiz)),
          followUps: [safeMessage({ content: own, flags: MessageFlags.Ephemeral })],
          ...(closed.next ? { keep: (editor: MessageEditor) => board.keep(closed.reveal.quizId, editor) } : {}),
        };
      }
      return { outcome: outcome.status === 'recorded' ? 'ok' : 'bad_input', response: ephemeralText(own) };
    } catch (err) {
      if (err instanceof UserInputError) return fail('bad_input', escapeAndFit(err.message, 1900));
      throw err;
    }
  }

  /** A correction component: "Wrong speaker?", the speaker menu, Accept/Reject, 👍/👎. */
  async function correctionPress(input: Extract<InteractionInput, { kind: 'button' }>, press: CorrectionPress): Promise<InteractionResult> {
    if (!deps.corrections) return fail('unavailable', 'Corrections are not available right now.');
    if (press.kind === 'feedback') {
      try {
        await deps.corrections.feedback(callerOf(input), input.messageId ?? `button:${input.customId}`, press.command, press.up);
      } catch (err) {
        if (err instanceof UserInputError) return fail('bad_input', escapeAndFit(err.message, 1900));
        throw err;
      }
      return fail('ok', press.up ? 'Thanks! Glad it helped.' : 'Thanks for telling us. If a speaker is wrong, press “Wrong speaker?” on that card.');
    }
    const command = find(press.kind === 'decide' ? CORRECTIONS_COMMAND : CORRECT_COMMAND);
    if (!command) return fail('unavailable', 'Corrections are not available right now.');
    if (press.kind === 'decide') {
      const ran = await run(command, { [press.accept ? 'accept' : 'reject']: press.id }, 0, input);
      return ran.ok ? { outcome: 'ok', response: updateResponse(ran.message) } : ran.result;
    }
    if (press.kind === 'wrong-speaker') {
      const ran = await run(command, { article: press.article, target: press.target }, 0, input);
      return ran.ok ? { outcome: 'ok', response: replyResponse(ran.message, true) } : ran.result;
    }
    const speaker = input.values?.[0];
    if (!speaker) return fail('bad_input', 'Pick who said it from the menu.');
    const ran = await run(command, { article: press.article, target: press.target, speaker }, 0, input);
    return ran.ok ? { outcome: 'ok', response: updateResponse({ ...ran.message, components: [] }) } : ran.result;
  }

  /** "Add to library" on a message: its first link, or its first attachment, through `/library add`. */
  async function addFromMessage(input: Extract<InteractionInput, { kind: 'message-menu' }>, hooks: AnswerHooks): Promise<InteractionResult> {
    const command = find(LIBRARY_ADD_COMMAND);
    if (!command || !deps.library) return fail('unavailable', 'The library is not available right now.');
    const target = libraryTarget(input.targetText, input.targetAttachments ?? []);
    if (!target) return fail('bad_input', 'That message has no link or attached file to add.');
    const ran = await run(command, target.options, 0, input, hooks, target.attachments);
    return ran.ok ? { outcome: 'ok', response: replyResponse(ran.message, false) } : ran.result;
  }

  async function answer(input: InteractionInput, hooks: AnswerHooks = {}): Promise<InteractionResult> {
    try {
      switch (input.kind) {
        case 'ping':
          return { outcome: 'ok', response: pongResponse() };
        case 'autocomplete':
          // Autocomplete fires per keystroke and is cheap, so it is not rate limited.
          return await autocomplete(input);
        case 'command': {
          const command = find(input.command);
          // A command an older deploy registered: the one "unknown command" message.
          if (!command) return fail('unknown', escapeAndFit(unknownCommand(deps.commands, input.command).message, 1900));
          const limit = limited(input.userId);
          if (limit) return limit;
          const ran = await run(command, input.options, 0, input, hooks, input.attachments);
          if (!ran.ok) return ran.result;
          const result: InteractionResult = { outcome: 'ok', response: replyResponse(ran.message, isHidden(input)) };
          const round = ran.answer.quiz?.round;
          if (round && !ran.answer.quiz?.reveal) {
            // A new quiz: its message is this reply, edited when a round closes on time.
            result.keep = (editor) => board.keep(round.quizId, editor);
            // thread:true: a short line in the channel, the quiz in a thread on it.
            if (input.options[THREAD_OPTION] === true && input.guildId) {
              result.thread = {
                name: 'Who said it?',
                intro: safeMessage({ content: `**Who said it?** A quiz of ${round.of} round${round.of === 1 ? '' : 's'} is on in the thread below.` }),
                messages: [ran.message],
              };
            }
          }
          const files = uploadsOf(ran.answer);
          if (files.length) result.files = files;
          // A thread is public and lives in a server channel; a one-page answer stays where it is.
          if (input.options[THREAD_OPTION] === true && !isHidden(input) && input.guildId && pageCount(ran.answer) > 1) {
            result.thread = renderThread(ran.answer, ran.title, { articles: ran.articles });
          }
          return result;
        }
        case 'message-menu': {
          if (input.command === ADD_TO_LIBRARY_MENU) {
            const limit = limited(input.userId);
            return limit ?? (await addFromMessage(input, hooks));
          }
          if (input.command !== WHO_SAID_MENU) return fail('unknown', 'This menu command is not available.');
          const command = find(WHO_SAID_COMMAND);
          const phraseOption = command?.definition.options.find((o) => o.name === WHO_SAID_OPTION);
          if (!command || phraseOption?.type !== 'string') {
            return fail('unavailable', '"Who said this?" is not available yet.');
          }
          const limit = limited(input.userId);
          if (limit) return limit;
          const text = input.targetText.replace(/\s+/g, ' ').trim();
          if (!text) return fail('bad_input', 'That message has no text to look up.');
          // Keep whole words within the option's limit; no ellipsis, it would become part of the phrase.
          const phrase = clip(text, phraseOption.maxLength, { atWord: true, ellipsis: '' });
          const ran = await run(command, { [WHO_SAID_OPTION]: phrase }, 0, input);
          return ran.ok ? { outcome: 'ok', response: replyResponse(ran.message, true) } : ran.result;
        }
        case 'button': {
          const quizAnswer = decodeQuizId(input.customId);
          if (quizAnswer) {
            const limit = limited(input.userId);
            return limit ?? (await quizPress(input, quizAnswer));
          }
          const press = decodeCorrectionId(input.customId);
          if (press) {
            const limit = limited(input.userId);
            return limit ?? (await correctionPress(input, press));
          }
          const undoArticle = decodeUndoId(input.customId);
          if (undoArticle) {
            const limit = limited(input.userId);
            return limit ?? (await undo(input, undoArticle));
          }
          const decoded = decodePageId(input.customId, findDefinition);
          if (decoded.kind === 'expired') return fail('expired', 'These results have expired. Run the command again.');
          const command = decoded.kind === 'page' ? find(decoded.request.command) : undefined;
          if (decoded.kind !== 'page' || !command) return fail('unknown', 'This button no longer works. Run the command again.');
          const limit = limited(input.userId);
          if (limit) return limit;
          const ran = await run(command, decoded.request.options, decoded.request.page, input);
          return ran.ok ? { outcome: 'ok', response: updateResponse(ran.message) } : ran.result;
        }
        case 'unsupported':
          return fail('unknown', 'This kind of interaction is not supported.');
      }
    } catch (err) {
      deps.logger.error({ err, interaction: label(input) }, 'interaction failed');
      return fail('error', 'Sorry, something went wrong. The error has been logged.');
    }
  }

  function defersAtOnce(input: InteractionInput): boolean {
    if (input.kind === 'message-menu') return input.command === ADD_TO_LIBRARY_MENU;
    return input.kind === 'command' && findDefinition(input.command)?.slow === true;
  }

  function deferralFor(input: InteractionInput): APIInteractionResponse | undefined {
    if (input.kind === 'message-menu' && input.command === ADD_TO_LIBRARY_MENU) return deferResponse('reply', false);
    if (input.kind === 'command' || input.kind === 'message-menu') return deferResponse('reply', isHidden(input));
    if (input.kind === 'button') {
      // "Wrong speaker?" and 👍/👎 answer the presser alone, in a new message; others edit theirs.
      const press = decodeCorrectionId(input.customId);
      if (press?.kind === 'wrong-speaker' || press?.kind === 'feedback') return deferResponse('reply', true);
      return deferResponse('update', false);
    }
    return undefined;
  }

  return { answer, deferralFor, defersAtOnce, label };
}
