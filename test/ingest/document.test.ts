/**
 * One parser and one builder for every source: an article stored as a document (a string, as a
 * library database keeps it) parses and builds exactly as the same file in a knowledge folder, and
 * a store that keeps only strings (a database's cacheGet/cachePut) serves analyses on the next build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { AnalysisStore } from '../../src/core/analysisStore';
import { runCommand } from '../../src/core/run';
import { parseArticleDocument } from '../../src/ingest/document';
import { loadArticleFile } from '../../src/ingest/folder';
import { KnowledgeFileError } from '../../src/ingest/problems';
import { buildKnowledgeBase, loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { KNOWLEDGE_DIR, SEED_ID } from '../fixtures';

const SEED_FILE = `${SEED_ID}.md`;
const seedText = readFileSync(join(KNOWLEDGE_DIR, SEED_FILE), 'utf8');
const rawText = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seed-raw.txt'), 'utf8');

/** A store that keeps strings only, in memory, and counts what it was asked. */
function stringStore(): AnalysisStore & { map: Map<string, string>; gets: number } {
  const map = new Map<string, string>();
  const store = {
    map,
    gets: 0,
    get: async (key: string) => {
      store.gets++;
      return map.get(key);
    },
    put: async (key: string, value: string) => {
      map.set(key, value);
    },
  };
  return store;
}

const answers = async (kb: KnowledgeBase) =>
  Promise.all(
    [
      ['search', { query: 'armistice' }],
      ['who-said', { phrase: 'end-of-war declaration' }],
      ['people', {}],
    ].map(([name, options]) => runCommand(commands, name as string, options as Record<string, string>, { kb, isAdmin: false })),
  );

describe('parseArticleDocument', () => {
  it('parses a document string exactly as the same file in the knowledge folder', () => {
    expect(parseArticleDocument(SEED_FILE, seedText)).toEqual(loadArticleFile(KNOWLEDGE_DIR, SEED_FILE));
  });

  it('reads raw pasted text (.txt) and front matter Markdown (.md) by the name', () => {
    const raw = parseArticleDocument('pasted.txt', rawText);
    expect(raw).toMatchObject({ id: 'pasted', file: 'pasted.txt' });
    expect(raw.paragraphs.length).toBeGreaterThan(5);
    expect(parseArticleDocument('x.md', seedText).id).toBe(SEED_ID);
  });

  it('refuses an unusable document with a sentence a server manager can act on', () => {
    const problem = (name: string, text: string) => {
      try {
        parseArticleDocument(name, text);
      } catch (err) {
        expect(err).toBeInstanceOf(KnowledgeFileError);
        return (err as KnowledgeFileError).problem;
      }
      throw new Error('parsed');
    };
    expect(problem('a.md', '')).toBe('the file is empty');
    expect(problem('a.md', ' \n\t\n')).toBe('the file is empty (only white space)');
    expect(problem('a.txt', 'Title line here\n\nbody\0with a NUL.')).toMatch(/binary file/);
    expect(problem('a.md', '---\ntitle: x\n---\n\nA paragraph.')).toMatch(/^field "publisher" is missing/);
    expect(problem('a.md', 'x'.repeat(3 * 1024 * 1024))).toMatch(/too large/);
  });
});

describe('buildKnowledgeBase', () => {
  it('builds from documents what the folder loader builds, and takes analyses from a string store the second time', async () => {
    const fromFolder = await loadKnowledgeBase(KNOWLEDGE_DIR);
    const store = stringStore();
    const articles = () => [parseArticleDocument(SEED_FILE, seedText)];
    const first = await buildKnowledgeBase(articles(), [], { store });
    expect(first.stats).toMatchObject({ analysesRun: 1, analysesFromCache: 0, indexFromCache: false });
    const second = await buildKnowledgeBase(articles(), [], { store });
    // No binary values in this store: the index is rebuilt, the analysis is not.
    expect(second.stats).toMatchObject({ analysesRun: 0, analysesFromCache: 1, indexFromCache: false });
    const expected = await answers(fromFolder);
    expect(await answers(first.kb)).toEqual(expected);
    expect(await answers(second.kb)).toEqual(expected);
  });

  it('recomputes an analysis the store holds in an unreadable form', async () => {
    const store = stringStore();
    await buildKnowledgeBase([parseArticleDocument(SEED_FILE, seedText)], [], { store });
    for (const key of store.map.keys()) store.map.set(key, '{"statements": [');
    const again = await buildKnowledgeBase([parseArticleDocument(SEED_FILE, seedText)], [], { store });
    expect(again.stats).toMatchObject({ analysesRun: 1, analysesFromCache: 0 });
    expect(await answers(again.kb)).toEqual(await answers(await loadKnowledgeBase(KNOWLEDGE_DIR)));
  });

  it('keys analyses by content and version: another version or body misses', async () => {
    const store = stringStore();
    await buildKnowledgeBase([parseArticleDocument(SEED_FILE, seedText)], [], { store, analysisVersion: 7 });
    const other = await buildKnowledgeBase([parseArticleDocument(SEED_FILE, seedText)], [], { store, analysisVersion: 8 });
    expect(other.stats.analysesRun).toBe(1);
    const edited = seedText.replace('armistice', 'ceasefire');
    expect(edited).not.toBe(seedText);
    const changed = await buildKnowledgeBase([parseArticleDocument(SEED_FILE, edited)], [], { store, analysisVersion: 8 });
    expect(changed.stats.analysesRun).toBe(1);
  });
});

describe('a quotation wrapped over two lines of one paragraph', () => {
  // Soft line breaks (Markdown, wrapped text, HTML source) once split the paragraph for the engine:
  // the quotation lost its closing mark and its first half was credited to the previous speaker.
  const wrapped = [
    '---',
    'title: Town talks',
    'publisher: Test Herald',
    'author: Ann Writer',
    'url: https://example.com/talks',
    'published: 2026-11-30',
    '---',
    '',
    'John Smith, the council leader, said on Monday that the budget was final. "We have no more money," Smith said.',
    '',
    '\u201CWe will go to the talks,  ',
    '\tand we will win them,\u201D Mary Jones, the mayor, said.',
    '',
  ].join('\n');

  it('is one paragraph of one line, read as one quotation of its own speaker', async () => {
    const article = parseArticleDocument('talks.md', wrapped);
    expect(article.paragraphs[1]!.text).toBe('\u201CWe will go to the talks, and we will win them,\u201D Mary Jones, the mayor, said.');
    const { kb } = await buildKnowledgeBase([article], []);
    const answer = await runCommand(commands, 'who-said', { phrase: 'we will go to the talks' }, { kb, isAdmin: false });
    expect(answer.excerpts[0]).toMatchObject({ kind: 'direct', speaker: { name: 'Mary Jones' }, paragraph: 2 });
    expect(answer.excerpts.some((e) => e.speaker?.name === 'John Smith' && e.text.includes('talks'))).toBe(false);
  });
});
