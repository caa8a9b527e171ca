/**
 * The knowledge cache: unchanged files come from the cache, an edited, added or removed article
 * invalidates exactly its own entry, and an edited article is never answered from the stale entry.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { runCommand } from '../../src/core/run';
import { loadKnowledgeFolder } from '../../src/knowledge/folder';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { markdownArticle, tempKnowledge } from '../fixtures';

const dirs: string[] = [];
function setup(files: Record<string, string>) {
  const dir = tempKnowledge(files);
  const cacheDir = mkdtempSync(join(tmpdir(), 'quotebook-cache-'));
  dirs.push(dir, cacheDir);
  return { dir, cacheDir };
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const alpha = (quote: string) =>
  markdownArticle({ id: 'alpha', title: 'Alpha story' }, [`“${quote},” said Maria Lopez, the mayor of Springfield.`, 'The council meets again next week.']);
const beta = markdownArticle({ id: 'beta', title: 'Beta story' }, ['“Bridges need money before they need ribbons,” said Tom Okafor, a city engineer.']);

async function whoSaid(kb: KnowledgeBase, phrase: string) {
  return runCommand(commands, 'who-said', { phrase }, { kb, isAdmin: false });
}

describe('knowledge cache', () => {
  it('serves unchanged articles from the cache and gives the same answers', async () => {
    const { dir, cacheDir } = setup({ 'alpha.md': alpha('The river park opens in spring'), 'beta.md': beta });
    const first = await loadKnowledgeFolder(dir, { cacheDir });
    expect(first.stats).toMatchObject({ articlesParsed: 2, analysesRun: 2, indexFromCache: false });
    expect(readdirSync(cacheDir).sort()).toHaveLength(2);
    const second = await loadKnowledgeFolder(dir, { cacheDir });
    expect(second.stats).toMatchObject({ articlesFromCache: 2, articlesParsed: 0, analysesRun: 0, analysesFromCache: 2, indexFromCache: true });
    for (const phrase of ['river park opens', 'bridges need money', 'council meets']) {
      expect(await whoSaid(second.kb, phrase)).toEqual(await whoSaid(first.kb, phrase));
    }
  });

  it('re-reads only an edited article, and never answers from its stale entry', async () => {
    const { dir, cacheDir } = setup({ 'alpha.md': alpha('The river park opens in spring'), 'beta.md': beta });
    await loadKnowledgeFolder(dir, { cacheDir });
    writeFileSync(join(dir, 'alpha.md'), alpha('The harbour bridge closes in winter'));
    const { kb, stats } = await loadKnowledgeFolder(dir, { cacheDir });
    expect(stats).toMatchObject({ articlesParsed: 1, articlesFromCache: 1, analysesRun: 1, analysesFromCache: 1, indexFromCache: false });
    const old = await whoSaid(kb, 'The river park opens in spring');
    expect(old.excerpts.every((e) => e.match === 'related')).toBe(true);
    const fresh = await whoSaid(kb, 'harbour bridge closes in winter');
    expect(fresh.excerpts[0]).toMatchObject({ match: 'exact', article: { id: 'alpha' } });
    expect(fresh.excerpts[0]!.speaker?.name).toBe('Maria Lopez');
  });

  it('handles an added and a removed article', async () => {
    const { dir, cacheDir } = setup({ 'alpha.md': alpha('The river park opens in spring') });
    await loadKnowledgeFolder(dir, { cacheDir });
    writeFileSync(join(dir, 'beta.md'), beta);
    const added = await loadKnowledgeFolder(dir, { cacheDir });
    expect(added.stats).toMatchObject({ articlesParsed: 1, articlesFromCache: 1 });
    expect(added.kb.articles.map((a) => a.id)).toEqual(['alpha', 'beta']);
    rmSync(join(dir, 'alpha.md'));
    const removed = await loadKnowledgeFolder(dir, { cacheDir });
    expect(removed.kb.articles.map((a) => a.id)).toEqual(['beta']);
    expect(removed.stats).toMatchObject({ articlesParsed: 0, articlesFromCache: 1, indexFromCache: false });
    const gone = await whoSaid(removed.kb, 'The river park opens in spring');
    expect(gone.excerpts.some((e) => e.article.id === 'alpha')).toBe(false);
  });

  it('ignores a cache written by other code and survives a corrupt cache file', async () => {
    const { dir, cacheDir } = setup({ 'alpha.md': alpha('The river park opens in spring') });
    await loadKnowledgeFolder(dir, { cacheDir });
    for (const f of readdirSync(cacheDir)) writeFileSync(join(cacheDir, f), '{"t":"h","code":"someone-else"}\n{garbage');
    const { kb, stats } = await loadKnowledgeFolder(dir, { cacheDir });
    expect(stats).toMatchObject({ articlesParsed: 1, analysesRun: 1, indexFromCache: false });
    expect((await whoSaid(kb, 'river park opens')).excerpts[0]).toMatchObject({ match: 'exact' });
  });

  it('shares one analysis between identical bodies', async () => {
    const { dir, cacheDir } = setup({ 'a1.md': alpha('The river park opens in spring'), 'a2.md': alpha('The river park opens in spring').replace('id: "alpha"', 'id: "alpha-copy"') });
    const { kb, stats } = await loadKnowledgeFolder(dir, { cacheDir });
    expect(kb.articles).toHaveLength(2);
    expect(stats.analysesRun).toBe(1);
  });

  it('--no-cache neither reads nor writes the cache', async () => {
    const { dir, cacheDir } = setup({ 'alpha.md': alpha('The river park opens in spring') });
    const first = await loadKnowledgeFolder(dir, { cacheDir, noCache: true });
    expect(readdirSync(cacheDir)).toEqual([]);
    await loadKnowledgeFolder(dir, { cacheDir });
    const again = await loadKnowledgeFolder(dir, { cacheDir, noCache: true });
    expect(again.stats).toMatchObject({ articlesParsed: 1, articlesFromCache: 0, analysesRun: 1, indexFromCache: false });
    expect(await whoSaid(again.kb, 'river park opens')).toEqual(await whoSaid(first.kb, 'river park opens'));
  });
});
