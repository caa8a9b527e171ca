/**
 * When the database cannot be used, every store call rejects with `LibraryUnavailableError` (the
 * library layer turns it into "The library is unavailable right now; nothing was added."), what
 * was already read stays usable, and the store recovers once the database is back.
 *
 * PostgreSQL going away is played by a TCP proxy on 127.0.0.1 that is shut (connections cut, port
 * refused) and reopened, so the real server other test files use keeps running.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { LibraryUnavailableError } from '../../src/storage/libraryStore';
import { openLibraryStore } from '../../src/storage/open';
import { PostgresLibraryStore } from '../../src/storage/postgresStore';
import { freshGuild, sampleArticle } from './libraryStore.contract';

describe('SQLite unavailable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quotebook-unavail-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a path that cannot be a database file: opening rejects as unavailable', async () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    await expect(openLibraryStore({ databaseUrl: `sqlite:${join(dir, 'a-file', 'library.sqlite')}` })).rejects.toBeInstanceOf(LibraryUnavailableError);
    writeFileSync(join(dir, 'not-a-db.sqlite'), 'this is not an SQLite database, just text long enough to have a header '.repeat(20));
    await expect(openLibraryStore({ databaseUrl: `sqlite:${join(dir, 'not-a-db.sqlite')}` })).rejects.toBeInstanceOf(LibraryUnavailableError);
  });

  it('another process holding the write lock past the busy timeout: adds reject, reads go on, then adds work again', async () => {
    const path = join(dir, 'locked.sqlite');
    const store = await openLibraryStore({ databaseUrl: `sqlite:${path}` }, { busyTimeoutMs: 50 });
    const g = freshGuild();
    await store.add(sampleArticle(g, 1));
    const loaded = await store.list(g);

    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const err = await store.add(sampleArticle(g, 2)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(LibraryUnavailableError);
      expect((err as Error).message).toMatch(/SQLITE_BUSY/);
      await expect(store.recordAdd(g, 'u', new Date())).rejects.toBeInstanceOf(LibraryUnavailableError);
      // WAL: readers do not wait for the writer.
      expect(await store.list(g)).toEqual(loaded);
      expect(await store.get(g, 'article-1')).toEqual(loaded[0]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await store.add(sampleArticle(g, 2))).added).toBe(true);
    expect(await store.list(g)).toHaveLength(2);
    await store.close();
  });
});

describe('PostgreSQL unavailable', () => {
  it('nothing listening on the port: opening rejects as unavailable', async () => {
    // Port 1 on loopback: refused at once, nothing leaves the machine.
    await expect(openLibraryStore({ databaseUrl: 'postgres://quotebook:quotebook@127.0.0.1:1/quotebook' })).rejects.toBeInstanceOf(LibraryUnavailableError);
  });

  const url = process.env.TEST_DATABASE_URL;
  it.skipIf(!url)('server gone mid-run: adds reject, loaded data stays, the same store recovers when it is back', async () => {
    const target = new URL(url!);
    const proxy = await startProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(url!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const schema = `qb_unavail_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const store = await openLibraryStore({ databaseUrl: viaProxy.toString() }, { schema });
    const direct = new PostgresLibraryStore({ url: url!, schema });
    try {
      const g = freshGuild();
      await store.add(sampleArticle(g, 1));
      const loaded = await store.list(g);
      const snapshot = structuredClone(loaded);

      await proxy.stop();
      await expect(store.add(sampleArticle(g, 2))).rejects.toBeInstanceOf(LibraryUnavailableError);
      await expect(store.list(g)).rejects.toBeInstanceOf(LibraryUnavailableError);
      expect(loaded).toEqual(snapshot);
      // Other processes reaching the server are unaffected, and nothing half-added shows.
      expect((await direct.list(g)).map((a) => a.articleId)).toEqual(['article-1']);

      await proxy.start();
      expect((await store.add(sampleArticle(g, 2))).added).toBe(true);
      expect((await direct.list(g)).map((a) => a.articleId)).toEqual(['article-1', 'article-2']);
    } finally {
      await store.close();
      await direct.dropSchema();
      await direct.close();
      await proxy.stop();
    }
  });
});

/** A TCP proxy on 127.0.0.1 that can be shut (cutting every connection) and reopened on its port. */
async function startProxy(host: string, port: number): Promise<{ port: number; stop(): Promise<void>; start(): Promise<void> }> {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let listenPort = 0;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(port, host);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('close', () => sockets.delete(sock));
          sock.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      s.once('error', reject);
      s.listen(listenPort, '127.0.0.1', () => {
        listenPort = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const sock of sockets) sock.destroy();
      if (!server) return resolve();
      const s = server;
      server = undefined;
      s.close(() => resolve());
    });
  await start();
  return { port: listenPort, start, stop };
}
