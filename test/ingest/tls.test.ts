/**
 * HTTPS through the pinned connection: the request goes to the checked address with the host
 * name kept for SNI, the certificate check and the Host header; an untrusted certificate is
 * refused. The server is on 127.0.0.1 with a self-signed certificate for `news.test`
 * (test/fixtures/tls/, test-only), reached through a DNS stub.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer, type Server } from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { importFromUrl } from '../../src/ingest/web/importUrl';
import type { ConnectTarget } from '../../src/ingest/web/connect';
import { testOptions } from './webHelpers';

const dir = join(import.meta.dirname, '../fixtures/tls');
const cert = readFileSync(join(dir, 'news.test.cert.pem'), 'utf8');
const key = readFileSync(join(dir, 'news.test.key.pem'), 'utf8');
const PARA = 'The harbour authority said on Friday that the new quay would open to ferries in the spring, two years late.';
let server: Server;
let port = 0;
const seen: Array<{ host?: string; servername?: string }> = [];

beforeAll(async () => {
  server = createServer({ cert, key }, (req, res) => {
    seen.push({ host: req.headers.host, servername: (req.socket as tls.TLSSocket).servername || undefined });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><head><title>Quay opens</title></head><body><article>${`<p>${PARA}</p>`.repeat(4)}</article></body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

it('a certificate the system does not trust is refused', async () => {
  const { options, rec } = testOptions({}, { 'news.test': ['127.0.0.1'] });
  await expect(importFromUrl(`https://news.test:${port}/a`, undefined, options)).rejects.toMatchObject({
    code: 'network',
    message: 'The site’s secure connection (certificate) could not be verified.',
  });
  expect(rec.calls).toEqual([{ address: '127.0.0.1', port, tls: true, servername: 'news.test' }]);
});

it('with the certificate trusted, the page is read over the pinned address with SNI and Host kept', async () => {
  const targets: ConnectTarget[] = [];
  const { options } = testOptions(
    {
      connect: (t) => {
        targets.push(t);
        // Only 127.0.0.1, and the CA of the test certificate; everything else as the real connector.
        if (t.address !== '127.0.0.1') throw new Error('test connector: no traffic beyond 127.0.0.1');
        return tls.connect({ host: t.address, port: t.port, servername: t.servername, ca: cert, ALPNProtocols: ['http/1.1'] });
      },
    },
    { 'news.test': ['127.0.0.1'] },
  );
  seen.length = 0;
  const doc = await importFromUrl(`https://news.test:${port}/a`, undefined, options);
  expect(doc.paragraphs).toEqual([PARA, PARA, PARA, PARA]);
  expect(doc.canonicalUrl).toBe(`https://news.test:${port}/a`);
  expect(targets).toEqual([{ address: '127.0.0.1', port, tls: true, servername: 'news.test' }]);
  expect(seen).toEqual([{ host: `news.test:${port}`, servername: 'news.test' }]);
});
