/**
 * Hot reload: queries during a rebuild are answered from the old knowledge base, the new one is
 * swapped in atomically, and a broken file reports a problem without taking the others down.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { runCommand } from '../../src/core/run';
import { loadKnowledgeFolder } from '../../src/knowledge/folder';
import { KnowledgeReloader, type KnowledgeHolder } from '../../src/knowledge/reload';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { markdownArticle, tempKnowledge } from '../fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const article = (id: string, quote: string, speaker = 'Maria Lopez') =>
  markdownArticle({ id, title: `Story ${id}` }, [`“${quote},” said ${speaker}, a council member.`, 'Other business followed.']);

async function start(files: Record<string, string>) {
  const dir = tempKnowledge(files);
  const cacheDir = mkdtempSync(join(tmpdir(), 'quotebook-cache-'));
  dirs.push(dir, cacheDir);
  const { kb } = await loadKnowledgeFolder(dir, { cacheDir });
  const holder: KnowledgeHolder = { current: kb };
  const reloader = new KnowledgeReloader(dir, holder, { cacheDir, debounceMs: 50 });
  // What a transport does per request: read the holder, then answer.
  const ask = (phrase: string) => runCommand(commands, 'who-said', { phrase }, { kb: holder.current, isAdmin: false, reload: () => reloader.reload() });
  return { dir, cacheDir, holder, reloader, ask };
}

const found = async (p: Promise<{ excerpts: Array<{ match?: string; article: { id: string } }> }>) =>
  (await p).excerpts.filter((e) => e.match !== 'related').map((e) => e.article.id);

describe('hot reload', () => {
  it('answers from the old knowledge base during the rebuild and from the new one after', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`a${i}.md`] = article(`a${i}`, `Item ${i} on the agenda is the library roof number ${i}`);
    const { dir, holder, reloader, ask } = await start(files);
    writeFileSync(join(dir, 'a0.md'), article('a0', 'The ferry timetable changes in March'));
    const old = holder.current;
    const pending = reloader.reload();
    // Queries in flight while the rebuild runs (it yields to the event loop).
    const during: string[][] = [];
    let swappedEarly = false;
    for (let i = 0; i < 5; i++) {
      if (holder.current === old) during.push(await found(ask('ferry timetable changes in March')));
      else swappedEarly = true;
      await new Promise((r) => setImmediate(r));
    }
    expect(during.length).toBeGreaterThan(0);
    void swappedEarly;
    for (const d of during) expect(d).toEqual([]);
    const message = await pending;
    expect(message).toMatch(/Reloaded 40 articles/);
    expect(holder.current).not.toBe(old);
    expect(await found(ask('ferry timetable changes in March'))).toEqual(['a0']);
    expect(await found(ask('library roof number 7'))).toEqual(['a7']);
    // The old knowledge base object is untouched: answers already computed from it stay consistent.
    expect(old.article('a0')!.paragraphs[0]!.text).toContain('library roof');
  });

  it('finishes the prepare step on the new base before swapping it in, and keeps the old base when it fails', async () => {
    const { dir, cacheDir, holder } = await start({ 'a.md': article('a', 'Parking fees rise in June') });
    const old = holder.current;
    let prepared: KnowledgeBase | undefined;
    let servedDuring: KnowledgeBase | undefined;
    const preparing = new KnowledgeReloader(dir, holder, {
      cacheDir,
      prepare: async (next) => {
        await new Promise((r) => setImmediate(r));
        servedDuring = holder.current;
        prepared = next;
      },
    });
    writeFileSync(join(dir, 'b.md'), article('b', 'Snow ploughs are ready'));
    expect(await preparing.reload()).toMatch(/Reloaded 2 articles/);
    expect(servedDuring).toBe(old);
    expect(holder.current).toBe(prepared);
    const failing = new KnowledgeReloader(dir, holder, { cacheDir, prepare: () => Promise.reject(new Error('out of memory')) });
    const before = holder.current;
    expect(await failing.reload()).toMatch(/Reload failed; still serving the previous 2 articles: out of memory/);
    expect(holder.current).toBe(before);
  });

  it('keeps the other articles when a new file is broken, and reports the file', async () => {
    const { dir, holder, reloader, ask } = await start({ 'a.md': article('a', 'Parking fees rise in June'), 'b.md': article('b', 'Snow ploughs are ready') });
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\n\nBody');
    writeFileSync(join(dir, 'c.md'), article('c', 'The night market returns'));
    const message = await reloader.reload();
    expect(message).toMatch(/broken\.md/);
    expect(holder.current.articles.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(holder.current.problems.map((p) => p.file)).toContain('broken.md');
    expect(await found(ask('Parking fees rise in June'))).toEqual(['a']);
    expect(await found(ask('night market returns'))).toEqual(['c']);
  });

  it('keeps serving the old knowledge base when the knowledge folder has vanished', async () => {
    const { dir, holder, reloader, ask } = await start({ 'a.md': article('a', 'Parking fees rise in June') });
    const old = holder.current;
    rmSync(dir, { recursive: true, force: true });
    const message = await reloader.reload();
    expect(message).toBe('Reload failed; still serving the previous 1 articles: cannot read the knowledge directory (ENOENT)');
    expect(holder.current).toBe(old);
    expect(reloader.generation).toBe(0);
    expect(await found(ask('Parking fees rise in June'))).toEqual(['a']);
  });

  it('keeps serving the old knowledge base when the knowledge folder cannot be read', async () => {
    const { dir, holder, reloader } = await start({ 'a.md': article('a', 'Parking fees rise in June') });
    const old = holder.current;
    // A file where the folder was: listing it fails (ENOTDIR), whoever runs the test (root too).
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'not a folder');
    const message = await reloader.reload();
    expect(message).toBe('Reload failed; still serving the previous 1 articles: cannot read the knowledge directory (ENOTDIR)');
    expect(holder.current).toBe(old);
  });

  it('reloads an emptied (but readable) knowledge folder to no articles', async () => {
    const { dir, holder, reloader } = await start({ 'a.md': article('a', 'Parking fees rise in June') });
    rmSync(join(dir, 'a.md'));
    const message = await reloader.reload();
    expect(message).toMatch(/^Reloaded 0 articles \(0 paragraphs, -1;/);
    expect(holder.current.articles).toEqual([]);
  });

  it('/reload is for admins and swaps the knowledge base', async () => {
    const { dir, holder, reloader } = await start({ 'a.md': article('a', 'Parking fees rise in June') });
    writeFileSync(join(dir, 'b.md'), article('b', 'Snow ploughs are ready'));
    const ctx = { kb: holder.current, isAdmin: false, reload: () => reloader.reload() };
    await expect(runCommand(commands, 'reload', {}, ctx)).rejects.toThrow(/server managers/);
    const answer = await runCommand(commands, 'reload', {}, { ...ctx, isAdmin: true });
    expect(answer.notice).toMatch(/Reloaded 2 articles/);
    expect(holder.current.articles).toHaveLength(2);
  });

  it('reloads by itself when the folder changes (debounced watch)', async () => {
    const { dir, holder, reloader } = await start({ 'a.md': article('a', 'Parking fees rise in June') });
    const stop = reloader.watch();
    try {
      writeFileSync(join(dir, 'b.md'), article('b', 'Snow ploughs are ready'));
      const deadline = Date.now() + 10_000;
      while (holder.current.articles.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await reloader.idle();
      expect(holder.current.articles.map((a) => a.id)).toEqual(['a', 'b']);
    } finally {
      stop();
    }
  });
});
