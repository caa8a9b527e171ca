/**
 * The knowledge cache is keyed by content and by `ANALYSIS_VERSION`, not by the source files that
 * produce it: a different version rebuilds everything once, and a change in what parsing, analysis
 * or indexing produce must come with a new version (the fingerprint below catches a forgotten bump).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION } from '../../src/knowledge/analysisVersion';
import { cacheCodeVersion, loadKnowledgeBaseCached } from '../../src/knowledge/cache';
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
    const load = (analysisVersion: number) => loadKnowledgeBaseCached(dir, { cacheDir, analysisVersion });
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
 * pasted raw text, a second article), read back from the cache files with every version-bearing key
 * left out — so the fingerprint depends on the output only.
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
    const cacheDir = scratch('quotebook-cache-');
    const { kb } = await loadKnowledgeBaseCached(dir, { cacheDir });
    expect(kb.problems).toEqual([]);
    for (const name of readdirSync(cacheDir).sort()) {
      const bytes = readFileSync(join(cacheDir, name));
      if (name.endsWith('.ndjson')) {
        for (const line of bytes.toString('utf8').split('\n').slice(1)) {
          if (!line) continue;
          const entry = JSON.parse(line) as { t: string; analysis?: string; key?: string };
          delete entry.analysis; // both are hashes that include the version
          delete entry.key;
          h.update(JSON.stringify(entry)).update('\n');
        }
      } else {
        const headerLength = bytes.readUInt32LE(0);
        const { key: _versioned, ...header } = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as { key: string };
        h.update(JSON.stringify(header)).update(bytes.subarray(4 + headerLength));
      }
    }
  }
  return h.digest('hex').slice(0, 16);
}

describe('ANALYSIS_VERSION is bumped when the analysed output changes', () => {
  it('the fixtures parse, analyse and index to the output recorded for this version', async () => {
    const recorded = { version: 3, fingerprint: 'b6f8cf77a1b5acbf' };
    const now = { version: ANALYSIS_VERSION, fingerprint: await outputFingerprint() };
    expect(
      now,
      'What parsing, analysis or indexing produce for the fixtures changed. If that is intended, bump ' +
        'ANALYSIS_VERSION in src/knowledge/analysisVersion.ts (so every cache is rebuilt once) and record ' +
        'the new version and fingerprint in this test.',
    ).toEqual(recorded);
  });
});
