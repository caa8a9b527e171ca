/**
 * Test configuration for fetching: a page server on 127.0.0.1, the allow-list that lets only that
 * address through (never a default), a DNS stub and a connector that records every connection and
 * opens real sockets only to 127.0.0.1 — so a broken guard fails a test without a packet leaving
 * the machine.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { systemConnector, type ConnectTarget, type Connector, type Resolver } from '../../src/ingest/web/connect';
import type { FetchOptions } from '../../src/ingest/web/fetchPage';

/** The only address tests may fetch from. */
export const TEST_ALLOW = ['127.0.0.1'];

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface PageServer {
  base: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Serves `routes` (path → handler) on 127.0.0.1; unknown paths answer 404. */
export async function servePages(routes: Record<string, Handler>): Promise<PageServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const h = routes[path];
    if (h) h(req, res);
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A connector that records every target and connects for real only to 127.0.0.1. */
export function recordingConnector(): { connect: Connector; calls: ConnectTarget[]; outside: ConnectTarget[] } {
  const calls: ConnectTarget[] = [];
  const outside: ConnectTarget[] = [];
  const connect: Connector = (t) => {
    calls.push(t);
    if (t.address === '127.0.0.1') return systemConnector(t);
    outside.push(t);
    // Never connect anywhere else: a socket that fails at once.
    const fake = new PassThrough();
    process.nextTick(() => fake.destroy(Object.assign(new Error('test connector: no traffic beyond 127.0.0.1'), { code: 'ECONNREFUSED' })));
    return fake;
  };
  return { connect, calls, outside };
}

/** A DNS stub: host → addresses; unknown names fail as NXDOMAIN would. */
export function stubResolver(table: Record<string, string[]>): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const fn = (async (host: string) => {
    asked.push(host);
    const found = table[host];
    if (!found) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found;
  }) as Resolver & { asked: string[] };
  fn.asked = asked;
  return fn;
}

/** Fetch options for tests: 127.0.0.1 allow-listed, stubbed DNS, recording connector, short timeouts. */
export function testOptions(over: Partial<FetchOptions> = {}, table: Record<string, string[]> = {}) {
  const rec = recordingConnector();
  const resolve = stubResolver(table);
  const options: FetchOptions = {
    allow: TEST_ALLOW,
    resolve,
    connect: rec.connect,
    ...over,
    limits: { connectTimeoutMs: 2_000, idleTimeoutMs: 2_000, totalTimeoutMs: 5_000, ...over.limits },
  };
  return { options, rec, resolve };
}
