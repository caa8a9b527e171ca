/**
 * The storage contract: one suite every `LibraryStore` must pass, run by `sqlite.test.ts` and
 * `postgres.test.ts` against real databases. Tests share one database per file and keep apart by
 * using fresh guild ids, so the suite also proves that servers never see each other's rows.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleIdTakenError, DEFAULT_LIBRARY_LIMITS, LibraryFullError, type LibraryStore, type NewLibraryArticle } from '../../src/storage/libraryStore';

export interface StoreHarness {
  /** A new connection to this suite's database, migrated. */
  open(): Promise<LibraryStore>;
  /** Removes the database (after every connection closed). */
  cleanup(): Promise<void>;
}

let counter = 0;
/** A guild id no other test uses. */
export function freshGuild(): string {
  return `9${Date.now()}${String(counter++).padStart(4, '0')}`.slice(0, 19);
}

/** A complete new article; `n` varies id, URL, text and hash. */
export function sampleArticle(guildId: string, n: number, over: Partial<NewLibraryArticle> = {}): NewLibraryArticle {
  const body = `Paragraph ${n}: “We will see,” the minister said.\n\nMore text ${n}.`;
  return {
    guildId,
    articleId: `article-${n}`,
    sourceUrl: `https://news.example/story/${n}`,
    sourceFile: null,
    contentHash: createHash('sha256').update(body).digest('hex'),
    document: `---\ntitle: "Story ${n}"\n---\n\n${body}\n`,
    title: `Story ${n}`,
    site: 'News Example',
    author: 'A. Writer',
    published: '2024-05-01',
    addedBy: '123456789012345678',
    paragraphs: 2,
    quotes: 1,
    ...over,
  };
}

/** Registers the contract suite for one store. */
export function describeStore(name: string, harness: () => StoreHarness): void {
  describe(`LibraryStore contract: ${name}`, () => {
    const h = harness();
    const open: LibraryStore[] = [];
    async function connect(): Promise<LibraryStore> {
      const s = await h.open();
      open.push(s);
      return s;
    }
    afterAll(async () => {
      for (const s of open) await s.close();
      await h.cleanup();
    });

    it('migrates idempotently, also from two connections at once', async () => {
      const [a, b] = await Promise.all([connect(), connect()]);
      await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
      const g = freshGuild();
      expect((await a.add(sampleArticle(g, 1))).added).toBe(true);
      expect(await b.list(g)).toHaveLength(1);
    });

    it('stores every field exactly, hostile text and a large document included', async () => {
      const s = await connect();
      const g = freshGuild();
      const hostile = '@everyone <@123456789012345678> **bold** `code` 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 é\u0301 👩‍👩‍👧 \'quote" \\ ; DROP TABLE library_articles; --';
      const big = `${hostile}\n\n${'A long paragraph with “quotes” and unicode ✓. '.repeat(20_000)}`;
      const a = sampleArticle(g, 1, {
        title: hostile,
        author: null,
        site: null,
        published: null,
        sourceFile: 'notes.md',
        sourceUrl: null,
        document: big,
        addedAt: '2025-01-02T03:04:05.678Z',
        paragraphs: 123_456,
        quotes: 0,
      });
      const r = await s.add(a);
      expect(r).toEqual({ added: true, article: a });
      expect(await s.get(g, a.articleId)).toEqual(a);
      const again = await connect();
      expect(await again.list(g)).toEqual([a]);
    });

    it('fills in addedAt with the current time when absent', async () => {
      const s = await connect();
      const g = freshGuild();
      const before = Date.now();
      const r = await s.add(sampleArticle(g, 1));
      if (!r.added) throw new Error('not added');
      const at = Date.parse(r.article.addedAt);
      expect(r.article.addedAt).toBe(new Date(at).toISOString());
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect((await s.get(g, 'article-1'))?.addedAt).toBe(r.article.addedAt);
    });

    it('lists a server oldest first and never another server’s articles', async () => {
      const s = await connect();
      const [g1, g2] = [freshGuild(), freshGuild()];
      for (const n of [3, 1, 2]) await s.add(sampleArticle(g1, n));
      await s.add(sampleArticle(g2, 9));
      expect((await s.list(g1)).map((a) => a.articleId)).toEqual(['article-3', 'article-1', 'article-2']);
      expect((await s.list(g2)).map((a) => a.articleId)).toEqual(['article-9']);
      expect(await s.get(g2, 'article-1')).toBeUndefined();
      expect(await s.list(freshGuild())).toEqual([]);
    });

    it('refuses a duplicate URL or text with the existing article; other servers may hold the same', async () => {
      const s = await connect();
      const g = freshGuild();
      const first = sampleArticle(g, 1);
      await s.add(first);
      const sameUrl = sampleArticle(g, 2, { sourceUrl: first.sourceUrl });
      expect(await s.add(sameUrl)).toEqual({ added: false, existing: { ...first, addedAt: expect.any(String) } });
      const sameText = sampleArticle(g, 3, { contentHash: first.contentHash });
      const r = await s.add(sameText);
      expect(r.added).toBe(false);
      expect(!r.added && r.existing.articleId).toBe('article-1');
      // The URL match wins over a text match with another article.
      await s.add(sampleArticle(g, 4));
      const both = sampleArticle(g, 5, { sourceUrl: sampleArticle(g, 4).sourceUrl, contentHash: first.contentHash });
      const r2 = await s.add(both);
      expect(!r2.added && r2.existing.articleId).toBe('article-4');
      expect((await s.list(g)).map((a) => a.articleId)).toEqual(['article-1', 'article-4']);
      const other = freshGuild();
      expect((await s.add({ ...first, guildId: other })).added).toBe(true);
    });

    it('keeps files without a URL apart, and refuses an article id a different article holds', async () => {
      const s = await connect();
      const g = freshGuild();
      expect((await s.add(sampleArticle(g, 1, { sourceUrl: null, sourceFile: 'a.txt' }))).added).toBe(true);
      expect((await s.add(sampleArticle(g, 2, { sourceUrl: null, sourceFile: 'a.txt' }))).added).toBe(true);
      const clash = sampleArticle(g, 3, { articleId: 'article-1' });
      await expect(s.add(clash)).rejects.toBeInstanceOf(ArticleIdTakenError);
      expect(await s.list(g)).toHaveLength(2);
    });

    it('removes an article at once; the URL can then be added again', async () => {
      const s = await connect();
      const other = await connect();
      const g = freshGuild();
      await s.add(sampleArticle(g, 1));
      await s.add(sampleArticle(g, 2));
      expect(await s.remove(g, 'article-1')).toBe(true);
      expect(await s.remove(g, 'article-1')).toBe(false);
      expect(await s.remove(freshGuild(), 'article-2')).toBe(false);
      expect(await other.get(g, 'article-1')).toBeUndefined();
      expect((await other.list(g)).map((a) => a.articleId)).toEqual(['article-2']);
      expect((await other.add(sampleArticle(g, 1))).added).toBe(true);
    });

    it('gives default settings until saved, then the saved ones, per server', async () => {
      const s = await connect();
      const [g1, g2] = [freshGuild(), freshGuild()];
      expect(await s.settings(g1)).toEqual({ guildId: g1, managerRoleId: null, ...DEFAULT_LIBRARY_LIMITS });
      const mine = { guildId: g1, managerRoleId: '223456789012345678', maxArticles: 5, maxArticleBytes: 1000, addsPerHour: 3, addsPerUserPerHour: 1 };
      await s.saveSettings(mine);
      expect(await (await connect()).settings(g1)).toEqual(mine);
      await s.saveSettings({ ...mine, managerRoleId: null, maxArticles: 0 });
      expect(await s.settings(g1)).toEqual({ ...mine, managerRoleId: null, maxArticles: 0 });
      expect((await s.settings(g2)).maxArticles).toBe(DEFAULT_LIBRARY_LIMITS.maxArticles);
      await expect(s.saveSettings({ ...mine, addsPerHour: -1 })).rejects.toBeInstanceOf(RangeError);
      await expect(s.saveSettings({ ...mine, maxArticles: 1.5 })).rejects.toBeInstanceOf(RangeError);
    });

    it('counts adds per server and per member since a time (inclusive)', async () => {
      const s = await connect();
      const [g, other] = [freshGuild(), freshGuild()];
      const t0 = new Date('2026-01-01T10:00:00.000Z');
      const at = (min: number) => new Date(t0.getTime() + min * 60_000);
      await s.recordAdd(g, 'u1', at(0));
      await s.recordAdd(g, 'u1', at(30));
      await s.recordAdd(g, 'u2', at(45));
      await s.recordAdd(other, 'u1', at(50));
      expect(await s.countAdds(g, null, at(0))).toBe(3);
      expect(await s.countAdds(g, null, at(1))).toBe(2);
      expect(await s.countAdds(g, 'u1', at(30))).toBe(1);
      expect(await s.countAdds(g, 'u2', at(0))).toBe(1);
      expect(await s.countAdds(g, 'u3', at(0))).toBe(0);
      expect(await s.countAdds(g, null, at(46))).toBe(0);
    });

    it('keeps the analysis cache by key, shared between connections, overwriting', async () => {
      const [a, b] = [await connect(), await connect()];
      const key = `sha256:${randomUUID()}:v7`;
      expect(await a.cacheGet(key)).toBeUndefined();
      await a.cachePut(key, '{"x":1}');
      expect(await b.cacheGet(key)).toBe('{"x":1}');
      await b.cachePut(key, 'é'.repeat(100_000));
      expect(await a.cacheGet(key)).toBe('é'.repeat(100_000));
    });

    it('stores one article when two connections add the same URL at once', async () => {
      const conns = await Promise.all([connect(), connect(), connect()]);
      const g = freshGuild();
      for (let round = 0; round < 10; round++) {
        const results = await Promise.all(
          conns.map((c, i) => c.add(sampleArticle(g, 100 * round + i, { sourceUrl: `https://same.example/${round}` }))),
        );
        expect(results.filter((r) => r.added)).toHaveLength(1);
        const winner = results.find((r) => r.added)!;
        for (const r of results) if (!r.added) expect(r.existing).toEqual(winner.added && winner.article);
      }
      expect(await conns[0]!.list(g)).toHaveLength(10);
    });

    it('quotas are checked with the write: concurrent adds at the article limit, concurrent attempts at the hourly limits', async () => {
      const conns = await Promise.all([connect(), connect(), connect()]);
      const g = freshGuild();
      await conns[0]!.add(sampleArticle(g, 1));
      for (let round = 0; round < 5; round++) {
        // Three connections add three different articles at once to a library one short of its limit.
        const limit = 2 + round;
        const results = await Promise.allSettled(conns.map((c, i) => c.add(sampleArticle(g, 10 * (round + 1) + i), { maxArticles: limit })));
        expect(results.filter((r) => r.status === 'fulfilled' && r.value.added)).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(LibraryFullError);
        expect(await conns[0]!.articleIds(g)).toHaveLength(limit);
      }
      // A duplicate is still reported as one, full or not.
      const dup = await conns[1]!.add(sampleArticle(g, 1), { maxArticles: 1 });
      expect(dup.added).toBe(false);

      const t = new Date('2026-01-01T10:00:00.000Z');
      const since = new Date(t.getTime() - 3600_000);
      const h = freshGuild();
      const server = await Promise.all(conns.flatMap((c, i) => [c.tryRecordAdd(h, `u${i}`, t, { since, perServer: 4, perUser: 10 }), c.tryRecordAdd(h, `v${i}`, t, { since, perServer: 4, perUser: 10 })]));
      expect(server.filter((r) => r === 'ok')).toHaveLength(4);
      expect(server.filter((r) => r === 'server')).toHaveLength(2);
      expect(await conns[0]!.countAdds(h, null, since)).toBe(4);
      const k = freshGuild();
      const user = await Promise.all(conns.flatMap((c) => [c.tryRecordAdd(k, 'same', t, { since, perServer: 100, perUser: 2 }), c.tryRecordAdd(k, 'same', t, { since, perServer: 100, perUser: 2 })]));
      expect(user.filter((r) => r === 'ok')).toHaveLength(2);
      expect(user.filter((r) => r === 'user')).toHaveLength(4);
      // Attempts before the window do not count.
      expect(await conns[0]!.tryRecordAdd(k, 'same', new Date(t.getTime() + 7200_000), { since: new Date(t.getTime() + 3600_000), perServer: 100, perUser: 2 })).toBe('ok');
    });

    it('lists article ids in library order and keeps one built-library value per server, replaced', async () => {
      const [a, b] = [await connect(), await connect()];
      const [g, other] = [freshGuild(), freshGuild()];
      for (const n of [3, 1, 2]) await a.add(sampleArticle(g, n));
      expect(await b.articleIds(g)).toEqual(['article-3', 'article-1', 'article-2']);
      expect(await b.articleIds(other)).toEqual([]);
      expect(await a.serverCacheGet(g)).toBeUndefined();
      const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
      await a.serverCachePut(g, 'key-1', bytes);
      await a.serverCachePut(other, 'key-x', new Uint8Array([1]));
      const got = await b.serverCacheGet(g);
      expect(got?.key).toBe('key-1');
      expect(Buffer.from(got!.value).equals(Buffer.from(bytes))).toBe(true);
      await b.serverCachePut(g, 'key-2', new Uint8Array([0, 255]));
      expect(await a.serverCacheGet(g)).toEqual({ key: 'key-2', value: Buffer.from([0, 255]) });
      expect((await a.serverCacheGet(other))?.key).toBe('key-x');
    });

    it('rejects what it could not store identically: NUL characters, fractional counts', async () => {
      const s = await connect();
      const g = freshGuild();
      await expect(s.add(sampleArticle(g, 1, { document: 'a\u0000b' }))).rejects.toBeInstanceOf(RangeError);
      await expect(s.add(sampleArticle(g, 2, { quotes: 0.5 }))).rejects.toBeInstanceOf(RangeError);
      expect(await s.list(g)).toEqual([]);
    });
  });
}
