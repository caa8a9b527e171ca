/**
 * What a command module in `commands/` exports. Every transport (console, JSON, Discord gateway,
 * HTTP interactions) reads these definitions; adding a command means adding one module and
 * listing it in `commands/index.ts`.
 */
import type { Answer } from './answer';
import type { Article } from './article';
import type { AutocompleteSource } from './autocomplete';
import type { Caller, LibraryAccess, ReadFile } from './library';
import type { CorrectionsAccess, SpeakerOverrides } from './corrections';
import type { LoadProblem } from './loadProblem';
import type { QuizAccess } from './quiz';

export type { AutocompleteSource } from './autocomplete';

interface OptionBase {
  name: string;
  description: string;
  required?: boolean;
}

export interface StringOption extends OptionBase {
  type: 'string';
  /** Longest value accepted (Discord enforces it client-side; we enforce it everywhere). */
  maxLength: number;
  minLength?: number;
  autocomplete?: AutocompleteSource;
}

export interface IntegerOption extends OptionBase {
  type: 'integer';
  min?: number;
  max?: number;
}

export interface BooleanOption extends OptionBase {
  type: 'boolean';
}

/**
 * A file the caller hands over: a Discord attachment, or a path in the console. The handler
 * receives a reference (text) and reads the bytes through `CommandContext.readFile`, so option
 * checks, paging ids and the command line stay text-only.
 */
export interface AttachmentOption extends OptionBase {
  type: 'attachment';
}

export type CommandOption = StringOption | IntegerOption | BooleanOption | AttachmentOption;

export interface CommandDefinition {
  /** Lower-case, 1–32 characters, as Discord requires. */
  name: string;
  /** 1–100 characters. */
  description: string;
  options: readonly CommandOption[];
  /** Only server managers may run it (e.g. `/reload`). */
  adminOnly?: boolean;
  /** Whether answers are worth a `hide` option (ephemeral reply); true for every answering command. */
  answers?: boolean;
  /**
   * A subcommand: `name` is then "<group> <sub>" (e.g. "library add"), Discord registers one
   * `/library` command with a subcommand per module, and the console reads `/library add …`.
   * `group` describes the parent command (the first module of a group gives its description).
   */
  group?: { name: string; description: string };
  /** The work is slow (fetching a page): defer at once and show progress (`CommandContext.progress`). */
  slow?: boolean;
}

type OptionValue<O extends CommandOption> = O extends StringOption | AttachmentOption
  ? string
  : O extends IntegerOption
    ? number
    : boolean;

/** Option values a handler receives, derived from the definition: required ones are present. */
export type OptionValues<D extends CommandDefinition> = {
  [O in D['options'][number] as O['name']]: O extends { required: true }
    ? OptionValue<O>
    : OptionValue<O> | undefined;
};

/**
 * The knowledge base as commands and transports receive it. Core imports no other stage, so it
 * names only this interface; the knowledge base completes it where it is defined
 * (`knowledge/knowledgeBase.ts`: `interface CommandKnowledge extends KnowledgeBase`, TypeScript's
 * declaration merging), so a handler gets the whole read API with its types while the folders'
 * import rules stay one-way.
 */
export interface CommandKnowledge {
  readonly articles: readonly Article[];
  /** Files or documents that could not be used, and why (`/articles`, the console's banner). */
  readonly problems: readonly LoadProblem[];
}

/** What a handler may use besides its options. Passed in, never imported, so tests can vary it. */
export interface CommandContext {
  kb: CommandKnowledge;
  /** Whether the caller may see admin-only details (server managers, console). */
  isAdmin: boolean;
  /** Asks for a rebuild of the knowledge base (`/reload`); absent where not supported. */
  reload?: () => Promise<string>;
  /**
   * Every knowledge base this caller answers from: the shared folder first, then the server's own
   * library when it has one. Absent: `[kb]`. `runCommand` runs an answering command on each and
   * merges the answers (`core/segments.ts`).
   */
  segments?: readonly CommandKnowledge[];
  /** Who is asking and where (server, DM, console); absent in tests that do not care. */
  caller?: Caller;
  /** The per-server library (`/library …`); absent where there is no database. */
  library?: LibraryAccess;
  /** Reads an attachment option's file; absent where files cannot be given. */
  readFile?: ReadFile;
  /** Reports a step of slow work (Discord edits the deferred reply); absent where nobody watches. */
  progress?: (text: string) => void;
  /** This server's accepted speaker corrections (`core/corrections.ts`); absent where there are none. */
  overrides?: SpeakerOverrides;
  /** "Who said it?" (`/quiz …`, `core/quiz.ts`); absent where there is no database. */
  quiz?: QuizAccess<CommandKnowledge>;
  /** Proposing and reviewing corrections (`/correct`, `/corrections`); absent where there is no database. */
  corrections?: CorrectionsAccess;
}

export interface Command<D extends CommandDefinition = CommandDefinition> {
  definition: D;
  handle(options: OptionValues<D>, ctx: CommandContext): Answer | Promise<Answer>;
}

/** Identity helper that keeps the literal definition type so option types are inferred. */
export function defineCommand<const D extends CommandDefinition>(command: Command<D>): Command<D> {
  return command;
}

/** The runtime-erased form transports use. */
export type AnyCommand = {
  definition: CommandDefinition;
  handle(options: Record<string, string | number | boolean | undefined>, ctx: CommandContext): Answer | Promise<Answer>;
};
