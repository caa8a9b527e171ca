/**
 * The SSRF guard: internal addresses are refused before any connection — IP literals in every
 * spelling the URL parser accepts, every address a name resolves to (stubbed DNS), and every
 * redirect hop. The recording connector proves no connection was attempted beyond 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFromUrl } from '../../src/ingest/web/importUrl';
import { checkAddress, parsePageUrl } from '../../src/ingest/web/address';
import { servePages, testOptions, type PageServer } from './webHelpers';

const BLOCKED = { code: 'blocked-address', message: expect.stringMatching(/private or internal network/) };

describe('IP literals', () => {
  const spellings = [
    'http://127.0.0.1/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://127.1/',
    'http://0177.0.0.1/',
    'http://127.000.000.001/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::1]/',
    'http://0/',
    'http://0.0.0.0/',
    'http://[::]/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://0xa9fea9fe/',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
    'http://[fc00::1]/',
    'http://224.0.0.1/',
    'http://[ff02::1]/',
    'http://255.255.255.255/',
    'http://100.64.0.1/',
    'http://100.100.100.200/',
    'https://[::ffff:169.254.169.254]/',
    'http://[64:ff9b::a00:1]/',
    'http://[2002:7f00:1::]/',
  ];
  it.each(spellings)('%s is refused before connecting', async (url) => {
    // No allow-list here: the default refuses even the test server's own address.
    const { options, rec, resolve } = testOptions({ allow: [] });
    await expect(importFromUrl(url, undefined, options)).rejects.toMatchObject(BLOCKED);
    expect(rec.calls).toEqual([]);
    expect(resolve.asked).toEqual([]);
  });

  it('a public literal passes the check (and would connect to exactly that address)', async () => {
    const { options, rec } = testOptions({ allow: [] });
    await expect(importFromUrl('http://93.184.216.34/', undefined, options)).rejects.toMatchObject({ code: 'network' });
    expect(rec.outside).toEqual([{ address: '93.184.216.34', port: 80, tls: false }]);
  });

  it('only http and https', () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/', 'javascript:alert(1)', 'gopher://x/', 'data:text/html,hi']) {
      expect(() => parsePageUrl(url)).toThrow(/Only http/);
    }
    expect(() => parsePageUrl('not a url')).toThrow(/not a valid web address/);
    expect(() => parsePageUrl('x'.repeat(5000))).toThrow(/not a web address/);
  });

  it('credentials in a link are never sent', () => {
    expect(parsePageUrl('https://user:pw@example.com/a#frag').href).toBe('https://example.com/a');
  });

  it('the allow-list is empty by default', () => {
    expect(() => checkAddress('127.0.0.1')).toThrow(/private or internal/);
    expect(() => checkAddress('127.0.0.1', ['127.0.0.1'])).not.toThrow();
    expect(() => checkAddress('127.0.0.2', ['127.0.0.1'])).toThrow(/private or internal/);
  });
});

describe('names resolved through a stubbed DNS', () => {
  it.each([
    ['metadata.test', ['169.254.169.254']],
    ['private.test', ['10.0.0.1']],
    ['v6.test', ['fd00:ec2::254']],
    ['mapped.test', ['::ffff:10.0.0.1']],
    ['mixed.test', ['93.184.216.34', '10.0.0.1']],
    ['localhost', ['127.0.0.1', '::1']],
  ])('%s → %j is refused before connecting', async (host, addresses) => {
    const { options, rec } = testOptions({ allow: [] }, { [host]: addresses });
    await expect(importFromUrl(`https://${host}/story`, undefined, options)).rejects.toMatchObject(BLOCKED);
    expect(rec.calls).toEqual([]);
  });

  it('a public name connects to the checked address itself, keeping the name for TLS', async () => {
    const { options, rec } = testOptions({ allow: [] }, { 'news.test': ['93.184.216.34'] });
    await expect(importFromUrl('https://news.test/story', undefined, options)).rejects.toMatchObject({ code: 'network' });
    expect(rec.outside).toEqual([{ address: '93.184.216.34', port: 443, tls: true, servername: 'news.test' }]);
  });

  it('a name that does not resolve gets its own message', async () => {
    const { options } = testOptions({ allow: [] });
    await expect(importFromUrl('https://nowhere.test/', undefined, options)).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/Could not find the site nowhere\.test/) });
  });
});

describe('redirects are checked hop by hop', () => {
  let srv: PageServer;
  beforeAll(async () => {
    const to = (location: string) => (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(302, { location }).end();
    srv = await servePages({
      '/to-metadata': to('http://169.254.169.254/latest/meta-data/iam/'),
      '/to-loopback': to('http://127.0.0.2/admin'),
      '/to-v6-loopback': to('http://[::1]:8080/'),
      '/to-private-name': to('http://intranet.test/'),
      '/to-hex': to('http://0x7f000002/'),
      '/to-file': to('file:///etc/passwd'),
    });
  });
  afterAll(() => srv.close());

  it.each(['/to-metadata', '/to-loopback', '/to-v6-loopback', '/to-private-name', '/to-hex'])('%s: refused before the second connection', async (path) => {
    const { options, rec } = testOptions({}, { 'intranet.test': ['10.0.0.1'] });
    await expect(importFromUrl(`${srv.base}${path}`, undefined, options)).rejects.toMatchObject(BLOCKED);
    // One connection: the first hop to the test server; none for the redirect's target.
    expect(rec.calls.map((c) => c.address)).toEqual(['127.0.0.1']);
  });

  it('a redirect to a non-http scheme is refused', async () => {
    const { options, rec } = testOptions();
    await expect(importFromUrl(`${srv.base}/to-file`, undefined, options)).rejects.toMatchObject({ code: 'bad-url', message: expect.stringMatching(/Only http/) });
    expect(rec.outside).toEqual([]);
  });
});
