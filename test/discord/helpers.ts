/** Shared test helpers: a log-capturing pino logger. */
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../../src/log';

/** A pino logger whose JSON lines land in `lines` (parsed). */
export function captureLogger(): { logger: Logger; lines: Array<Record<string, unknown>>; raw: string[] } {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: pino({ level: 'debug', base: undefined }, stream), lines, raw };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
