/**
 * An error caused by what the user typed. Transports show its message (short, safe to show, no
 * internals) as an ephemeral reply; every other error is logged and replaced by a generic message.
 */
export class UserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserInputError';
  }
}

/**
 * The command is not one of the bot's (a typo, or in Discord a command registered by an older
 * deploy). A `UserInputError`, so transports that do not care show it like any other.
 */
export class UnknownCommandError extends UserInputError {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownCommandError';
  }
}

/** An admin-only command asked for by somebody who is not a server manager. */
export class ForbiddenError extends UserInputError {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** What `storeCall` needs of a logger (pino's `error` fits). */
export interface ErrorLog {
  error(details: object, message: string): void;
}

/**
 * Runs a database call for a member's request. A `UserInputError` passes through; any other
 * failure is logged (`failed`, with the error and `what` it was doing) and becomes
 * `UserInputError(userMessage)`, because a database outage is something a member can read and
 * retry, never a crash or a generic "something went wrong".
 */
export async function storeCall<T>(call: () => Promise<T>, userMessage: string, log: { logger: ErrorLog | undefined; failed: string; what?: string }): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof UserInputError) throw err;
    log.logger?.error(log.what === undefined ? { err } : { err, what: log.what }, log.failed);
    throw new UserInputError(userMessage);
  }
}
