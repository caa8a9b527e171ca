/**
 * HTTP interactions mode: Discord POSTs each interaction to `/interactions`. The signature is
 * checked over the raw bytes before anything is parsed; the answer is the HTTP response body,
 * or a deferral followed by an edit of `@original` through REST when the answer is slow. Shares
 * all interaction logic with the gateway.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST } from 'discord.js';
import type { HttpConfig } from '../config';
import { coreFor, type TransportDeps } from './transportCore';
import { dispatchInteraction } from './dispatch';
import { parseInteraction } from './input';
import { createReplayGuard } from './replay';
import { webhookResponder } from './restResponder';
import { createVerifier } from './verify';

/** Interactions are a few KiB; anything far bigger is not from Discord. */
export const MAX_BODY_BYTES = 256 * 1024;
const REQUEST_TIMEOUT_MS = 10_000;
/** On close, requests already being read or answered get this long to finish. */
const CLOSE_GRACE_MS = 5_000;

/** What HTTP mode needs. */
export interface HttpDeps extends TransportDeps {
  config: Pick<HttpConfig, 'publicKey' | 'rateLimitPerMinute'> & { discordApi?: string };
  port: number;
  host: string;
  /** Whole-request deadline (headers and body); default 10 s. */
  requestTimeoutMs?: number;
}

/** A running endpoint. */
export interface HttpHandle {
  port: number;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}
/** The client went away (aborted, reset, timed out) before its body was read: nothing to answer. */
class ClientGone extends Error {
  constructor(readonly code: string | undefined) {
    super('client went away');
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', (err: NodeJS.ErrnoException) => reject(new ClientGone(err.code)));
  });
}

function send(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'content-length': Buffer.byteLength(text),
    ...extraHeaders,
  });
  res.end(text);
}

/** Starts the endpoint; resolves once it listens (port 0 → a free port, reported back). */
export async function runHttp(deps: HttpDeps): Promise<HttpHandle> {
  const { logger } = deps;
  const verifySignature = createVerifier(deps.config.publicKey);
  const api = deps.restApi ?? deps.config.discordApi;
  const rest = new REST(api ? { api } : {});
  const core = coreFor(deps);
  const replays = createReplayGuard();

  async function interactions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        // Stop reading and close the connection once the reply is out.
        send(res, 413, 'payload too large', { connection: 'close' });
        res.on('finish', () => req.destroy());
        logger.info({ reason: 'too_large' }, 'rejected interaction request');
        return;
      }
      if (err instanceof ClientGone) {
        // A slow or vanished client is not a bug: no stack trace, and nobody left to answer.
        logger.debug({ reason: err.code ?? 'aborted' }, 'http client went away');
        return;
      }
      throw err;
    }
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const failure = verifySignature(header('x-signature-ed25519'), header('x-signature-timestamp'), body);
    if (failure) {
      logger.info({ reason: failure }, 'rejected interaction request');
      send(res, 401, 'invalid request signature');
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(body.toString('utf8'));
    } catch {
      logger.info({ reason: 'not_json' }, 'rejected interaction request');
      send(res, 400, 'bad request');
      return;
    }
    // Signed does not mean well-formed: the shape is checked before anything reads it.
    const parsed = parseInteraction(raw);
    if (!parsed.ok) {
      logger.info({ reason: 'invalid', problem: parsed.problem }, 'rejected interaction request');
      send(res, 400, 'bad request');
      return;
    }
    const input = parsed.input;
    if (input.kind !== 'ping' && !replays.firstTime(input.id)) {
      logger.info({ reason: 'replay' }, 'rejected interaction request');
      send(res, 400, 'bad request');
      return;
    }
    const later = input.kind === 'ping' ? undefined : webhookResponder(rest, input);
    await dispatchInteraction(
      input,
      core,
      {
        async callback(response) {
          send(res, 200, response);
        },
        editOriginal: (m, files) => later!.editOriginal(m, files),
        deleteOriginal: () => later!.deleteOriginal(),
        followUp: (m, files) => later!.followUp(m, files),
      },
      { logger, ...(deps.deferAfterMs ? { deferAfterMs: deps.deferAfterMs } : {}) },
    );
  }

  const requestTimeout = deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // Node checks these deadlines every `connectionsCheckingInterval` (30 s by default), which let a
  // slow client hold a connection for up to 40 s; check often enough to enforce them.
  const timeouts = { requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestTimeout / 4))) };
  const server = createServer(timeouts, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route =
      path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')
        ? Promise.resolve(send(res, 200, { ok: true }))
        : path === '/interactions'
          ? req.method === 'POST'
            ? interactions(req, res)
            : Promise.resolve(send(res, 405, 'method not allowed', { allow: 'POST' }))
          : Promise.resolve(send(res, 404, 'not found'));
    route.catch((err: unknown) => {
      // A real bug: logged once with its details; the client gets no stack trace.
      logger.error({ err }, 'http request failed');
      send(res, 500, 'internal error');
    });
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    logger.debug({ reason: err.code }, 'http client error');
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\n\r\n`);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => logger.error({ err }, 'http server error'));
  const port = (server.address() as AddressInfo).port;
  logger.info({ host: deps.host, port }, 'http interactions endpoint listening');

  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        // Stop accepting; let requests in flight finish (bounded), then cut whatever is left.
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        // A keep-alive connection whose answer just went out is idle: close it right away.
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        server.close(() => {
          clearTimeout(force);
          clearInterval(idle);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
