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
