import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../src/core/article';
import { loadArticles } from '../../src/ingest/folder';
import { markdownArticle, tempKnowledge } from '../fixtures';

const good = markdownArticle({ id: 'good-one' }, ['The mayor opened the bridge on Friday, officials said.']);

describe('a malformed knowledge file', () => {
  it('is reported with its name and the field, and the other articles still load', async () => {
    const dir = tempKnowledge({
      'good.md': good,
      'no-title.md': markdownArticle({ title: '' }, ['Some text here for the body paragraph.']),
      'bad-date.md': markdownArticle({ published: 'last Tuesday' }, ['Some text here for the body paragraph.']),
      'bad-yaml.md': '---\ntitle: [unclosed\n---\n\nBody text.\n',
      'empty.md': '',
      'binary.txt': randomBytes(512),
      'latin1.txt': Buffer.from([0x48, 0x65, 0x61, 0x64, 0x6c, 0x69, 0x6e, 0x65, 0x0a, 0xe9, 0xe8, 0xff, 0x0a]),
    });
    const { articles, problems } = await loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(['good-one']);
    const byFile = Object.fromEntries(problems.map((p) => [p.file, p.problem]));
    expect(byFile['no-title.md']).toMatch(/field "title"/);
    expect(byFile['bad-date.md']).toMatch(/field "published"/);
    expect(byFile['bad-yaml.md']).toMatch(/not valid YAML/);
    expect(byFile['empty.md']).toMatch(/empty/);
    expect(byFile['binary.txt']).toMatch(/binary|UTF-8/);
    expect(byFile['latin1.txt']).toMatch(/UTF-8/);
  });

  it('names a missing required field', async () => {
    const noUrl = good.replace(/^url: .*\n/m, '');
    const { problems } = await loadArticles(tempKnowledge({ 'x.md': noUrl }));
    expect(problems).toEqual([{ file: 'x.md', problem: 'field "url" is missing' }]);
  });

  it('skips a second article with the same id and says which file had it first', async () => {
    const { articles, problems } = await loadArticles(tempKnowledge({ 'a.md': good, 'b.md': good }));
    expect(articles).toHaveLength(1);
    expect(problems[0]!.file).toBe('b.md');
    expect(problems[0]!.problem).toMatch(/duplicate article id "good-one".*a\.md/);
  });
});

describe('the article model', () => {
  it('numbers paragraphs from 1 and keeps verbatim offsets into the body', async () => {
    const { articles } = await loadArticles(
      tempKnowledge({ 'a.md': markdownArticle({}, ['First paragraph here.', 'Second one, Dr. J. Smith said. It ended.']) }),
    );
    const a = articles[0]!;
    expect(a.paragraphs.map((p) => p.number)).toEqual([1, 2]);
    for (const p of a.paragraphs) expect(a.body.slice(p.bodyStart, p.bodyStart + p.text.length)).toBe(p.text);
    expect(sentencesOf(a.paragraphs[1]!).map((s) => s.text)).toEqual(['Second one, Dr. J. Smith said.', 'It ended.']);
  });
});
