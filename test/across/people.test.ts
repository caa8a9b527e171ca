/**
 * People across articles: one person whatever the article calls them, and `people.yaml`
 * corrections (merge, split, bad entries reported by file and number while the rest applies).
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { loadKnowledgeFolder } from '../../src/knowledge/folder';
import { parsePeopleOverrides } from '../../src/knowledge/peopleOverrides';
import { speakerKey } from '../../src/knowledge/people';
import { ask, markdownArticle } from '../helpers';

const ACROSS_DIR = join(import.meta.dirname, '..', 'fixtures', 'across');

/** The fixture articles plus `files`, in a temporary folder. */
function library(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'quotebook-people-'));
  cpSync(ACROSS_DIR, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('one person across the library', () => {
  it('a courtesy title or a lower-case role is not part of the name', () => {
    expect(speakerKey('Mr Sullivan')).toBe('sullivan');
    expect(speakerKey('Mr. Jake Sullivan')).toBe('jake sullivan');
    expect(speakerKey('national security adviser Jake Sullivan')).toBe('jake sullivan');
    expect(speakerKey('Jake Sullivan')).toBe('jake sullivan');
  });

  it('"Jake Sullivan" in two articles and "Mr Sullivan" in a third are one person, with every statement', async () => {
    const kb = await loadKnowledgeBase(ACROSS_DIR);
    const sullivans = kb.people.filter((p) => p.nameTokens.includes('sullivan'));
    expect(sullivans).toHaveLength(1);
    const [p] = sullivans;
    expect(p!.appearances.map((a) => a.articleId).sort()).toEqual(['herald-sullivan', 'yonhap-sullivan-wire']);
    // The Korea Times never gives the full name: its two statements are credited by the surname.
    expect(p!.credited.map((c) => c.articleId)).toEqual(['times-sullivan', 'times-sullivan']);
    const quotes = await ask('/quotes speaker:Mr Sullivan', kb);
    expect(new Set(quotes.excerpts.map((e) => e.article.id))).toEqual(new Set(['herald-sullivan', 'times-sullivan', 'yonhap-sullivan-wire']));
  });

  it('a surname shared by two people of the library credits nobody', async () => {
    const dir = library({
      'other.md': markdownArticle(
        { id: 'other-sullivan', title: 'Another Sullivan', publisher: 'Gazette', author: 'A. Writer', url: 'https://example.org/o', published: '2021-12-02' },
        ['"Our harbour needs a new breakwater before the winter storms arrive," said Mary Sullivan, the mayor of Eastport.'],
      ),
    });
    const kb = await loadKnowledgeBase(dir);
    expect(kb.people.filter((p) => p.nameTokens.includes('sullivan')).map((p) => [p.name, p.credited.length]).sort()).toEqual([
      ['Jake Sullivan', 0],
      ['Mary Sullivan', 0],
    ]);
  });
});

describe('people.yaml', () => {
  it('merges names the rules cannot join, with a display name and role', async () => {
    const dir = library({
      'people.yaml': 'people:\n  - name: Chung Eui-yong\n    aliases: [Moon Jae-in]\n    role: stand-in for the test\n',
    });
    const kb = await loadKnowledgeBase(dir);
    const chung = kb.people.find((p) => p.name === 'Chung Eui-yong')!;
    expect(chung.role).toBe('stand-in for the test');
    expect(new Set(chung.appearances.map((a) => a.articleId))).toEqual(new Set(['daily-chung', 'yonhap-sullivan-wire']));
    expect(kb.people.some((p) => p.name === 'Moon Jae-in')).toBe(false);
    expect((await ask('/quotes speaker:Moon', kb)).people?.[0]?.name).toBe('Chung Eui-yong');
  });

  it('splits a name that means someone else in some articles', async () => {
    const dir = library({
      'people.yaml': 'split:\n  - name: Jake Sullivan (wire)\n    from: Jake Sullivan\n    articles: [yonhap-sullivan-wire]\n',
    });
    const kb = await loadKnowledgeBase(dir);
    const wire = kb.people.find((p) => p.name === 'Jake Sullivan (wire)')!;
    const main = kb.people.find((p) => p.name === 'Jake Sullivan')!;
    expect(wire.appearances.map((a) => a.articleId)).toEqual(['yonhap-sullivan-wire']);
    expect(main.appearances.map((a) => a.articleId)).toEqual(['herald-sullivan']);
    // Two Sullivans now: "Mr Sullivan" is credited to neither.
    expect(main.credited).toEqual([]);
    // And the quotation they share is no longer one cluster: two people, a conflict.
    const answer = await ask('/who-said phrase:fundamentally aligned on the core strategy', kb);
    expect(answer.notice).toMatch(/Articles disagree on who said this/);
  });

  it('a bad entry is reported with the file name and its number; the other entries and articles still load', async () => {
    const dir = library({
      'people.yaml': 'people:\n  - name: ""\n  - name: Chung Eui-yong\n    aliases: [Moon Jae-in]\n  - nmae: typo\nsplit:\n  - name: X\n    from: Y\n    articles: []\nextra: 1\n',
    });
    const { kb } = await loadKnowledgeFolder(dir, { noCache: true });
    const problems = kb.problems.filter((p) => p.file === 'people.yaml').map((p) => p.problem);
    expect(problems).toEqual([
      'unknown section "extra" (expected "people" or "split")',
      expect.stringMatching(/^people entry 1: field "name" must not be empty/),
      expect.stringMatching(/^people entry 3: /),
      expect.stringMatching(/^split entry 1 \("X"\): field "articles" must list at least one article id/),
    ]);
    expect(kb.articles).toHaveLength(4);
    expect(kb.people.some((p) => p.name === 'Moon Jae-in')).toBe(false);
  });

  it('not YAML, or not a mapping: one problem, no corrections', () => {
    expect(parsePeopleOverrides('people: [').problems[0]?.problem).toMatch(/^not valid YAML/);
    expect(parsePeopleOverrides('- a\n- b').problems[0]?.problem).toMatch(/expected a mapping/);
    expect(parsePeopleOverrides('').problems).toEqual([]);
  });
});
