/**
 * Fetches one page like a careful crawler: redirects followed by hand (each hop re-checked and
 * re-pinned, at most `maxRedirects`), a connect timeout, an idle timeout between chunks and a total
 * deadline (so a slow drip cannot hold a worker), and a cap on the body counted after
 * decompression while it streams (a lying Content-Length or a gzip bomb stops at the cap).
 */
import http from 'node:http';
import zlib from 'node:zlib';
import type { Duplex, Readable } from 'node:stream';
import { parsePageUrl, checkAddress, type AllowList } from './address';
import { pinTarget, systemConnector, systemResolver, type Connector, type Resolver } from './connect';
import { statusError } from './messages';
import { ImportError } from '../importTypes';

export interface FetchLimits {
  /** Body bytes after decompression. */
  maxBytes: number;
  maxRedirects: number;
  connectTimeoutMs: number;
  /** Longest pause between two chunks of the response. */
  idleTimeoutMs: number;
  /** The whole fetch, redirects included. */
  totalTimeoutMs: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  connectTimeoutMs: 5_000,
  idleTimeoutMs: 10_000,
  totalTimeoutMs: 20_000,
};

export interface FetchOptions {
  limits?: Partial<FetchLimits>;
  resolve?: Resolver;
  connect?: Connector;
  /** Non-public addresses let through (tests and benches on 127.0.0.1 only). */
  allow?: AllowList;
}

export interface FetchedPage {
  /** The URL after redirects. */
  url: URL;
  status: number;
  /** Lower-cased media type without parameters, '' when the server sent none. */
  mediaType: string;
  /** The charset parameter of Content-Type, if any. */
  charset: string | null;
  body: Buffer;
}

const USER_AGENT = 'QuotebookBot/0.1 (+a reading-group Discord bot; fetches pages members add)';

/** Fetches `rawUrl`, following redirects, within `options.limits`. */
export async function fetchPage(rawUrl: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const resolve = options.resolve ?? systemResolver;
  const connect = options.connect ?? systemConnector;
  const allow = options.allow ?? [];
  const deadline = Date.now() + limits.totalTimeoutMs;
  let url = parsePageUrl(rawUrl);
  const seen = new Set<string>();
  for (let hop = 0; ; hop++) {
    seen.add(url.href);
    const target = await withDeadline(pinTarget(url, resolve, allow), deadline);
    const res = await request(url, target, connect, allow, limits, deadline);
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      res.stream.destroy();
      const location = res.headers.location;
      if (!location) throw new ImportError('http-status', `The site answered with a redirect (${res.status}) to nowhere.`);
      if (hop >= limits.maxRedirects) throw tooManyRedirects();
      const next = parsePageUrl(location, url);
      if (seen.has(next.href)) throw tooManyRedirects();
      url = next;
      continue;
    }
    if (res.status < 200 || res.status >= 300) {
      res.stream.destroy();
      throw statusError(res.status);
    }
    const { mediaType, charset } = contentType(res.headers['content-type']);
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      res.stream.destroy();
      throw tooBig(limits.maxBytes);
    }
    const body = await readBody(res.stream, res.headers['content-encoding'], limits, deadline);
    return { url, status: res.status, mediaType, charset, body };
  }
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  stream: http.IncomingMessage;
}

function request(
  url: URL,
  target: Awaited<ReturnType<typeof pinTarget>>,
  connect: Connector,
  allow: AllowList,
  limits: FetchLimits,
  deadline: number,
): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    let socket: Duplex | undefined;
    const fail = (err: unknown): void => {
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      req?.destroy();
      reject(err instanceof ImportError ? err : networkError(err));
    };
    const connectTimer = setTimeout(() => fail(tooSlow('The site did not accept a connection in time.')), Math.min(limits.connectTimeoutMs, Math.max(0, deadline - Date.now())));
    const totalTimer = setTimeout(() => fail(tooSlow()), Math.max(0, deadline - Date.now()));
    let req: http.ClientRequest | undefined;
    try {
      req = http.request({
      method: 'GET',
      path: url.pathname + url.search,
      headers: {
        host: url.host,
        'user-agent': USER_AGENT,
        accept: 'text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
        'accept-language': 'en;q=1, *;q=0.5',
      },
      createConnection: () => {
        socket = connect(target);
        const onConnected = (): void => {
          clearTimeout(connectTimer);
          // The address actually connected to, checked once more (defence in depth: the pinned
          // address was checked before connecting).
          const remote = (socket as { remoteAddress?: string }).remoteAddress;
          try {
            if (remote) checkAddress(remote, allow);
          } catch (err) {
            fail(err);
          }
        };
        socket.once(target.tls ? 'secureConnect' : 'connect', onConnected);
        return socket as unknown as import('node:net').Socket;
      },
    });
    } catch (err) {
      fail(err);
      return;
    }
    req.on('error', fail);
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, stream: res });
    });
    req.end();
  });
}

/** Reads the body through its decoder, counting decompressed bytes against the cap as they arrive. */
function readBody(raw: http.IncomingMessage, encoding: string | undefined, limits: FetchLimits, deadline: number): Promise<Buffer> {
  const coding = (encoding ?? 'identity').trim().toLowerCase();
  let stream: Readable = raw;
  if (coding === 'gzip' || coding === 'x-gzip') stream = raw.pipe(zlib.createGunzip());
  else if (coding === 'deflate') stream = raw.pipe(zlib.createInflate());
  else if (coding === 'br') stream = raw.pipe(zlib.createBrotliDecompress());
  else if (coding !== 'identity' && coding !== '') {
    raw.destroy();
    return Promise.reject(new ImportError('unsupported-type', `The site sent the page in an encoding Quotebook cannot read (${coding.slice(0, 20)}).`));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: unknown, value?: Buffer): void => {
      if (done) return;
      done = true;
      clearTimeout(idle);
      clearTimeout(total);
      raw.destroy();
      if (stream !== raw) stream.destroy();
      if (err) reject(err instanceof ImportError ? err : readError(err));
      else resolve(value!);
    };
    let idle = setTimeout(() => finish(tooSlow()), limits.idleTimeoutMs);
    const total = setTimeout(() => finish(tooSlow()), Math.max(0, deadline - Date.now()));
    // The idle clock runs on the wire, not on the decoder: a drip of compressed bytes counts.
    raw.on('data', () => {
      clearTimeout(idle);
      idle = setTimeout(() => finish(tooSlow()), limits.idleTimeoutMs);
    });
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) return finish(tooBig(limits.maxBytes));
      chunks.push(chunk);
    });
    stream.on('end', () => finish(null, Buffer.concat(chunks)));
    stream.on('error', (err) => finish(err));
    raw.on('error', (err) => finish(err));
    raw.on('aborted', () => finish(new ImportError('network', 'The site closed the connection before the page was complete.')));
  });
}

function contentType(header: string | undefined): { mediaType: string; charset: string | null } {
  if (!header) return { mediaType: '', charset: null };
  const [type, ...params] = header.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) charset = m[1]!.toLowerCase();
  }
  return { mediaType: type!.trim().toLowerCase(), charset };
}

function withDeadline<T>(p: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tooSlow()), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function tooManyRedirects(): ImportError {
  return new ImportError('too-many-redirects', 'The page redirects too many times (or in a loop), so Quotebook gave up.');
}

function tooBig(max: number): ImportError {
  return new ImportError('too-big', `The page is larger than ${Math.round(max / 1024 / 1024)} MB, too big to add.`);
}

function tooSlow(message = 'The site was too slow to send the page, so Quotebook gave up.'): ImportError {
  return new ImportError('timeout', message);
}

function networkError(err: unknown): ImportError {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'ECONNREFUSED') return new ImportError('network', 'The site refused the connection.');
  if (code.startsWith('ERR_TLS') || code.includes('CERT')) return new ImportError('network', 'The site’s secure connection (certificate) could not be verified.');
  return new ImportError('network', 'Could not reach the site.');
}

function readError(err: unknown): ImportError {
  const code = (err as { code?: string }).code ?? '';
  if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI')) return new ImportError('unsupported-type', 'The site sent a damaged compressed page.');
  return new ImportError('network', 'The connection broke while the page was loading.');
}
