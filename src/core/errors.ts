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
