/** Shared test helpers: a log-capturing pino logger, a signed POST to the interactions endpoint. */
import { sign, type KeyObject } from 'node:crypto';
import { request } from 'node:http';
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

/**
 * POSTs `body` to `/interactions` on 127.0.0.1:`port`, signed with `privateKey` as Discord signs
 * (Ed25519 over timestamp + body), unless `headers` replaces the signed ones.
 */
export function postSignedInteraction(
  port: number,
  privateKey: KeyObject,
  body: string,
  headers?: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/interactions',
        method: 'POST',
        headers: headers ?? { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
