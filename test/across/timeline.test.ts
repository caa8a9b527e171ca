/**
 * `/timeline`: a person's (or a party's people's) statements in publication order, one line each,
 * narrowed by topic, paged in Discord with the existing Prev/Next buttons.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { decodePageId } from '../../src/discord/customId';
import { LIST_ITEMS_PER_PAGE, pageCount, renderAnswer } from '../../src/discord/render';
import { renderText } from '../../src/render/text';
import { UserInputError } from '../../src/core/errors';
import { AnswerSchema } from '../../src/core/answer';
import { timelineAnswer } from '../../src/answer/timeline';
import { ask, markdownArticle, tempKnowledge } from '../helpers';

const ACROSS_DIR = join(import.meta.dirname, '..', 'fixtures', 'across');
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledgeBase(ACROSS_DIR);
});

describe('/timeline speaker:', () => {
  it('every statement of the person, earliest publication first, whatever the file order', async () => {
    const answer = AnswerSchema.parse(await ask('/timeline speaker:Sullivan', kb));
    const t = answer.timeline!;
    expect(t.map((e) => e.date)).toEqual(['2021-11-28', '2021-11-28', '2021-11-28', '2021-11-28', '2021-11-29', '2021-11-29', '2021-11-30', '2021-11-30']);
    // Within an article, reading order.
    expect(t.filter((e) => e.article.id === 'herald-sullivan').map((e) => e.paragraph)).toEqual([1, 2, 3, 3]);
    expect(t.map((e) => e.kind)).toContain('indirect');
    expect(t[1]).toMatchObject({ kind: 'direct', source: 'Jake Sullivan, National security adviser', publisher: 'The Korea Herald' });
    expect(t[1]!.text).toContain('We are fundamentally aligned on the core strategy');
    expect(answer.notice).toBe('8 statements by Jake Sullivan, earliest first.');
    // One line each in the console: date, article, kind, source, words.
    const lines = renderText(answer).split('\n').filter((l) => /^\d{4}-/.test(l));
    expect(lines).toHaveLength(8);
    expect(lines[4]).toMatch(/^2021-11-29 · Washington says allies are in step on peace declaration \[times-sullivan\] ¶2 · quote — Mr Sullivan: "We are/);
  });

  it('topic: keeps the statements that hold its words (any form of them)', async () => {
    const t = (await ask('/timeline speaker:Jake Sullivan topic:declarations', kb)).timeline!;
    expect(t.length).toBe(5);
    for (const e of t) expect(e.text.toLowerCase()).toContain('declaration');
    const none = await ask('/timeline speaker:Jake Sullivan topic:zebra', kb);
    expect(none.timeline).toEqual([]);
    expect(none.notice).toBe('No statements by Jake Sullivan about “zebra” in the loaded articles.');
  });

  it('party: the statements of the people linked to it', async () => {
    const answer = await ask('/timeline party:south korea', kb);
    expect(answer.timeline!.map((e) => e.source)).toEqual(['Moon Jae-in, South Korean president']);
  });

  it('asks for exactly one of speaker and party; unknown names answer plainly', async () => {
    expect(() => timelineAnswer(kb, {})).toThrow(UserInputError);
    expect(() => timelineAnswer(kb, { speaker: 'Sullivan', party: 'us' })).toThrow(/one of them/);
    expect((await ask('/timeline speaker:Nobody Atall', kb)).notice).toMatch(/^Nobody called “Nobody Atall”/);
    await expect(ask('/timeline party:atlantis', kb)).rejects.toThrow(UserInputError);
  });
});

describe('paging', () => {
  it('a long timeline is paged ten lines at a time; the Next button asks for the next page of the same timeline', async () => {
    // 23 dated articles, one statement each by the same person, written in reverse date order.
    const files: Record<string, string> = {};
    for (let i = 0; i < 23; i++) {
      const day = String(23 - i).padStart(2, '0');
      files[`a${String(i).padStart(2, '0')}.md`] = markdownArticle(
        { id: `day-${day}`, title: `Briefing ${day}`, publisher: 'Wire', author: 'A. Reporter', url: `https://example.org/${day}`, published: `2022-03-${day}` },
        [`"Talks on item number ${day} will continue next week in Geneva," said Maria Lopez, the chief negotiator.`],
      );
    }
    const big = await loadKnowledgeBase(tempKnowledge(files));
    const answer = await ask('/timeline speaker:Lopez', big);
    expect(answer.timeline!.map((e) => e.date)).toEqual(Array.from({ length: 23 }, (_, i) => `2022-03-${String(i + 1).padStart(2, '0')}`));
    expect(pageCount(answer)).toBe(3);
    const definition = commands.find((c) => c.definition.name === 'timeline')!.definition;
    const pageId = (p: number) => `p:timeline:${p}:Lopez`;
    const second = renderAnswer(answer, { page: 1, pageId });
    const fields = second.embeds![0]!.fields!;
    expect(fields).toHaveLength(LIST_ITEMS_PER_PAGE);
    expect(fields[0]!.name).toMatch(/^2022-03-11 · Briefing 11 ¶1$/);
    expect(second.content).toContain('page 2/3');
    const next = JSON.stringify(second.components).match(/"custom_id":"(p:timeline:2:[^"]*)"/)![1]!;
    const decoded = decodePageId(next, (n) => (n === 'timeline' ? definition : undefined));
    expect(decoded).toEqual({ kind: 'page', request: { command: 'timeline', page: 2, options: { speaker: 'Lopez' } } });
    const third = renderAnswer(answer, { page: 2, pageId });
    expect(third.embeds![0]!.fields!.map((f) => f.name.slice(0, 10))).toEqual(['2022-03-21', '2022-03-22', '2022-03-23']);
  });
});
