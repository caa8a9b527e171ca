/** The store's analysis cache as an AnalysisStore: shared between connections, a miss when the database is unavailable. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { analysisStoreOf } from '../../src/storage/analysisCache';
import { LibraryUnavailableError } from '../../src/storage/libraryStore';
import { openLibraryStore } from '../../src/storage/open';

describe('analysisStoreOf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quotebook-acache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through the database, visible to another connection', async () => {
    const url = `sqlite:${join(dir, 'a.sqlite')}`;
    const [a, b] = [await openLibraryStore({ databaseUrl: url }), await openLibraryStore({ databaseUrl: url })];
    await analysisStoreOf(a).put('k1', 'v1');
    expect(await analysisStoreOf(b).get('k1')).toBe('v1');
    expect(await analysisStoreOf(b).get('k2')).toBeUndefined();
    await a.close();
    await b.close();
  });

  it('drops a write the locked database refuses, and reads go on', async () => {
    const path = join(dir, 'locked.sqlite');
    const store = await openLibraryStore({ databaseUrl: `sqlite:${path}` }, { busyTimeoutMs: 20 });
    const cache = analysisStoreOf(store);
    await cache.put('before', 'x');
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    await expect(store.cachePut('k', 'v')).rejects.toBeInstanceOf(LibraryUnavailableError);
    await expect(cache.put('k', 'v')).resolves.toBeUndefined();
    expect(await cache.get('before')).toBe('x');
    other.exec('ROLLBACK');
    other.close();
    expect(await cache.get('k')).toBeUndefined();
    await store.close();
  });

  it('reads an unavailable database as a miss, but lets other errors through', async () => {
    const down = analysisStoreOf({
      cacheGet: () => Promise.reject(new LibraryUnavailableError('down')),
      cachePut: () => Promise.reject(new LibraryUnavailableError('down')),
    });
    expect(await down.get('k')).toBeUndefined();
    await expect(down.put('k', 'v')).resolves.toBeUndefined();
    const broken = analysisStoreOf({ cacheGet: () => Promise.reject(new TypeError('bug')), cachePut: () => Promise.reject(new TypeError('bug')) });
    await expect(broken.get('k')).rejects.toBeInstanceOf(TypeError);
    await expect(broken.put('k', 'v')).rejects.toBeInstanceOf(TypeError);
  });
});
