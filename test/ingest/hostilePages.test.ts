/**
 * Hostile and broken pages served on 127.0.0.1 (allow-listed for the test only): each ends in one
 * `ImportError` with its own code and a message a member can act on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { importFromUrl } from '../../src/ingest/web/importUrl';
import { servePages, testOptions, type PageServer } from './webHelpers';

const PARAGRAPH = 'The minister said on Tuesday that the new rules would take effect next spring, after a long consultation with the regions.';
const articleHtml = (body = `<p>${PARAGRAPH}</p>`.repeat(6)) =>
  `<!doctype html><html><head><title>Rules change</title></head><body><article><h1>Rules change</h1>${body}</article></body></html>`;

/** Streams `total` bytes of filler while the client listens; stops when it hangs up. */
function stream(res: ServerResponse, total: number, headers: Record<string, string | number>): { sent: () => number } {
  let sent = 0;
  res.writeHead(200, headers);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
  return { sent: () => sent };
}

let bigSent = 0;
let srv: PageServer;
beforeAll(async () => {
  const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
  const russian = '<p>Министр заявил во вторник, что новые правила вступят в силу следующей весной, после долгих консультаций с регионами.</p>';
  srv = await servePages({
    '/ok': (_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml()),
    '/huge': (_q, r) => {
      const s = stream(r, 50 * 1024 * 1024, { 'content-type': 'text/html' });
      r.on('close', () => (bigSent = s.sent()));
    },
    '/huge-declared': (_q, r) => r.writeHead(200, { 'content-type': 'text/html', 'content-length': 50 * 1024 * 1024 }).end(),
    '/bomb': (_q, r) => r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': bomb.length }).end(bomb),
    '/loop-a': (_q, r) => r.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_q, r) => r.writeHead(301, { location: '/loop-a' }).end(),
    '/chain': (q, r) => {
      const n = Number(new URL(q.url!, 'http://x').searchParams.get('n') ?? 0);
      r.writeHead(302, { location: `/chain?n=${n + 1}` }).end();
    },
    '/five': (q, r) => {
      const n = Number(new URL(q.url!, 'http://x').searchParams.get('n') ?? 0);
      if (n < 5) r.writeHead(302, { location: `/five?n=${n + 1}` }).end();
      else r.writeHead(200, { 'content-type': 'text/html' }).end(articleHtml());
    },
    '/drip': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => (r.destroyed ? clearInterval(t) : r.write('<p>a</p>')), 50);
    },
    '/stall': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      r.write('<html>');
    },
    '/no-answer': () => undefined,
    '/binary': (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(binary),
    '/empty': (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(),
    '/blank': (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><script>render()</script></head><body><div id="app"></div></body></html>'),
    '/menu': (_q, r) =>
      r.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><h1>Welcome</h1><p>Log in to read.</p></body></html>'),
    '/cp1251': (_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' }).end(encode1251(articleHtml(russian.repeat(4)))),
    '/cp1251-meta': (_q, r) =>
      r.writeHead(200, { 'content-type': 'text/html' }).end(encode1251(articleHtml(russian.repeat(4)).replace('<head>', '<head><meta charset="windows-1251">'))),
    '/latin1-undeclared': (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from(articleHtml(`<p>${PARAGRAPH} Café, naïve, façade.</p>`.repeat(4)), 'latin1')),
    '/404': (_q, r) => r.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'),
    '/403': (_q, r) => r.writeHead(403, { 'content-type': 'text/html' }).end('<h1>Forbidden</h1>'),
    '/402': (_q, r) => r.writeHead(402).end(),
    '/500': (_q, r) => r.writeHead(503).end(),
    '/pdf': (_q, r) => r.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'),
    '/image': (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50])),
    '/weird-encoding': (_q, r) => r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'zstd-ish' }).end('x'),
    '/bad-gzip': (_q, r) => r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end('not gzip at all'),
  });
});
afterAll(() => srv.close());

/** windows-1251 bytes for Cyrillic text (TextEncoder only writes UTF-8). */
function encode1251(s: string): Buffer {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (c === 0x401) out.push(0xa8);
    else if (c === 0x451) out.push(0xb8);
    else out.push(0x3f);
  }
  return Buffer.from(out);
}

const run = (path: string, limits = {}) => {
  const { options } = testOptions({ limits });
  return importFromUrl(`${srv.base}${path}`, undefined, options);
};

describe('hostile pages', () => {
  it('a normal page is added', async () => {
    const doc = await run('/ok');
    expect(doc.paragraphs).toEqual(Array(6).fill(PARAGRAPH));
    expect(doc.canonicalUrl).toBe(`${srv.base}/ok`);
  });

  it('a 50 MB body stops at the 5 MB cap', async () => {
    await expect(run('/huge')).rejects.toMatchObject({ code: 'too-big', message: 'The page is larger than 5 MB, too big to add.' });
    await new Promise((r) => setTimeout(r, 50));
    expect(bigSent).toBeLessThan(20 * 1024 * 1024);
  });

  it('a declared 50 MB body is refused from its header', async () => {
    await expect(run('/huge-declared')).rejects.toMatchObject({ code: 'too-big' });
  });

  it('a gzip bomb stops at the cap counted after decompression', async () => {
    await expect(run('/bomb')).rejects.toMatchObject({ code: 'too-big', message: 'The page is larger than 5 MB, too big to add.' });
  });

  it('a redirect loop and an endless chain stop', async () => {
    const msg = 'The page redirects too many times (or in a loop), so Quotebook gave up.';
    await expect(run('/loop-a')).rejects.toMatchObject({ code: 'too-many-redirects', message: msg });
    await expect(run('/chain')).rejects.toMatchObject({ code: 'too-many-redirects', message: msg });
  });

  it('five redirects are followed', async () => {
    const doc = await run('/five');
    expect(doc.canonicalUrl).toBe(`${srv.base}/five?n=5`);
  });

  it('a slow drip hits the total deadline', async () => {
    await expect(run('/drip', { totalTimeoutMs: 400, idleTimeoutMs: 5_000 })).rejects.toMatchObject({
      code: 'timeout',
      message: 'The site was too slow to send the page, so Quotebook gave up.',
    });
  });

  it('a stalled body hits the idle timeout', async () => {
    await expect(run('/stall', { idleTimeoutMs: 200, totalTimeoutMs: 10_000 })).rejects.toMatchObject({ code: 'timeout' });
  });

  it('a server that never answers hits the deadline', async () => {
    await expect(run('/no-answer', { totalTimeoutMs: 300 })).rejects.toMatchObject({ code: 'timeout' });
  });

  it('text/html that is binary is refused', async () => {
    await expect(run('/binary')).rejects.toMatchObject({ code: 'unsupported-type', message: 'That is not a text or web page (the content is binary).' });
  });

  it('an empty body and a script-only page are "empty"', async () => {
    const msg = 'The page came back empty: it may be behind a paywall or need JavaScript to show its text.';
    await expect(run('/empty')).rejects.toMatchObject({ code: 'empty', message: msg });
    await expect(run('/blank')).rejects.toMatchObject({ code: 'empty', message: msg });
  });

  it('a page with too little text is not an article', async () => {
    await expect(run('/menu')).rejects.toMatchObject({ code: 'not-an-article', message: expect.stringMatching(/does not look like an article/) });
  });

  it('non-UTF-8 pages decode correctly (header, <meta charset>, undeclared Latin-1)', async () => {
    for (const path of ['/cp1251', '/cp1251-meta']) {
      const doc = await run(path);
      expect(doc.paragraphs[0]).toBe('Министр заявил во вторник, что новые правила вступят в силу следующей весной, после долгих консультаций с регионами.');
    }
    const latin = await run('/latin1-undeclared');
    expect(latin.paragraphs[0]).toBe(`${PARAGRAPH} Café, naïve, façade.`);
  });

  it.each([
    ['/404', 'That page does not exist (the site answered 404 Not Found).'],
    ['/403', 'The site refused access to that page (403); it may need a login or a subscription, or block automated readers.'],
    ['/402', 'That page is behind a paywall (402 Payment Required).'],
    ['/500', 'The site had an error (503); try again later.'],
  ])('%s has its own message', async (path, message) => {
    await expect(run(path)).rejects.toMatchObject({ code: 'http-status', message });
  });

  it.each([
    ['/pdf', /PDF links cannot be added/],
    ['/image', /not a web page \(it is image\/png\)/],
    ['/weird-encoding', /an encoding Quotebook cannot read/],
    ['/bad-gzip', /damaged compressed page/],
  ])('%s is an unsupported type', async (path, message) => {
    await expect(run(path)).rejects.toMatchObject({ code: 'unsupported-type', message: expect.stringMatching(message) });
  });

  it('the test server still answers after all of that', async () => {
    expect((await run('/ok')).paragraphs).toHaveLength(6);
  });
});
