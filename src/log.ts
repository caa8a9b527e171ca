/**
 * One structured logger for the whole process (pino: fast JSON lines, levels, redaction).
 * Logs go to stderr so that stdout stays clean for JSON mode and the console prompt.
 */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: undefined,
      // Secrets must never reach a log line, whatever object someone passes in.
      redact: {
        paths: ['token', '*.token', 'config.token', 'headers.authorization', 'privateKey', '*.privateKey'],
        censor: '[redacted]',
      },
    },
    pino.destination({ dest: 2, sync: true }),
  );
}

/** Default process logger. Tests may pass their own (e.g. level "silent"). */
export const log: Logger = createLogger();
