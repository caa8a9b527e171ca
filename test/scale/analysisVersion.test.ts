/**
 * The knowledge cache is keyed by content and by `ANALYSIS_VERSION`, not by the source files that
 * produce it: a different version rebuilds everything once, and a change in what parsing, analysis
 * or indexing produce must come with a new version (the fingerprint below catches a forgotten bump).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION } from '../../src/knowledge/analysisVersion';
import { cacheCodeVersion } from '../../src/knowledge/diskStore';
import { loadKnowledgeFolder } from '../../src/knowledge/folder';
import { serialArticle } from '../../src/ingest/articleJson';
import { encodeIndexSnapshot } from '../../src/search/indexFile';
import { KNOWLEDGE_DIR, markdownArticle, tempKnowledge } from '../fixtures';

const dirs: string[] = [];
function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixture = (dir: string, name: string) => readFileSync(join(dir, name));

describe('knowledge cache keyed by ANALYSIS_VERSION', () => {
  it('a different analysis version re-parses, re-analyses and re-indexes every article, once', async () => {
    const dir = tempKnowledge({
      'alpha.md': markdownArticle({ id: 'alpha' }, ['“The river park opens in spring,” said Maria Lopez, the mayor.']),
      'beta.md': markdownArticle({ id: 'beta' }, ['“Bridges need money first,” said Tom Okafor, a city engineer.']),
    });
    dirs.push(dir);
    const cacheDir = scratch('quotebook-cache-');
    const load = (analysisVersion: number) => loadKnowledgeFolder(dir, { cacheDir, analysisVersion });
    const fromScratch = { articlesParsed: 2, articlesFromCache: 0, analysesRun: 2, analysesFromCache: 0, indexFromCache: false };
    const fromCache = { articlesParsed: 0, articlesFromCache: 2, analysesRun: 0, analysesFromCache: 2, indexFromCache: true };

    expect((await load(7)).stats).toMatchObject(fromScratch);
    expect((await load(7)).stats).toMatchObject(fromCache);
    const bumped = await load(8);
    expect(bumped.stats).toMatchObject(fromScratch);
    expect(bumped.kb.articles.map((a) => a.id)).toEqual(['alpha', 'beta']);
    expect((await load(8)).stats).toMatchObject(fromCache);
    // Going back is a change too: the cache holds one version at a time.
    expect((await load(7)).stats).toMatchObject(fromScratch);
  });

  it('the default version is ANALYSIS_VERSION, and the key names it rather than hashing source files', async () => {
    expect(cacheCodeVersion()).toBe(cacheCodeVersion(ANALYSIS_VERSION));
    expect(cacheCodeVersion(ANALYSIS_VERSION + 1)).not.toBe(cacheCodeVersion());
    expect(cacheCodeVersion()).toMatch(new RegExp(`\\.a${ANALYSIS_VERSION}$`));
  });
});

/**
 * What parsing, analysis and indexing produce for the fixtures (the shipped seed, the same story as
 * pasted raw text, a second article): each parsed article, each distinct analysis and the index,
 * serialised as the cache keeps them but without any version-bearing key — so the fingerprint
 * depends on the output only (and, written in the layout of the cache before issue #11, it kept its
 * value across the move of the cache behind the store).
 */
async function outputFingerprint(): Promise<string> {
  const h = createHash('sha256');
  const corpora: Record<string, Buffer>[] = [
    { 'us-skorea-end-of-war.md': fixture(KNOWLEDGE_DIR, 'us-skorea-end-of-war.md'), 'parties.yaml': fixture(KNOWLEDGE_DIR, 'parties.yaml'), 'second-article.md': fixture(FIXTURES, 'second-article.md') },
    { 'seed-raw.txt': fixture(FIXTURES, 'seed-raw.txt') },
  ];
  for (const files of corpora) {
    const dir = tempKnowledge(files);
    dirs.push(dir);
    const { kb } = await loadKnowledgeFolder(dir, { noCache: true });
    expect(kb.problems).toEqual([]);
    const bytes = Buffer.from(encodeIndexSnapshot(kb.index.snapshot()));
    const headerLength = bytes.readUInt32LE(0);
    h.update(bytes.subarray(4, 4 + headerLength)).update(bytes.subarray(4 + headerLength));
    for (const a of kb.articles) {
      const hash = createHash('sha256').update(files[a.file]!).digest('hex').slice(0, 32);
      h.update(JSON.stringify({ t: 'a', name: a.file, hash, article: serialArticle(a) })).update('\n');
    }
    const seen = new Set<unknown>();
    for (const a of kb.articles) {
      const { statements, speakers } = kb.analysis(a.id);
      if (seen.has(statements)) continue;
      seen.add(statements);
      h.update(JSON.stringify({ t: 's', statements, speakers })).update('\n');
    }
  }
  return h.digest('hex').slice(0, 16);
}

describe('ANALYSIS_VERSION is bumped when the analysed output changes', () => {
  it('the fixtures parse, analyse and index to the output recorded for this version', async () => {
    const recorded = { version: 60, fingerprint: '0af091db530703ac' };
    const now = { version: ANALYSIS_VERSION, fingerprint: await outputFingerprint() };
    expect(
      now,
      'What parsing, analysis or indexing produce for the fixtures changed. If that is intended, bump ' +
        'ANALYSIS_VERSION in src/knowledge/analysisVersion.ts (so every cache is rebuilt once) and record ' +
        'the new version and fingerprint in this test.',
    ).toEqual(recorded);
  });
});
