import { describe, expect, it } from 'vitest';
import { askAnswer } from '../../src/answer/ask';
import { titleSubject } from '../../src/answer/askTitleSubject';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { markdownArticle, tempKnowledge } from '../helpers';

/** Issue #15: "the race" of an article whose defining sentence calls its title a race stands for the title. */
const FILES = {
  'cup.md': markdownArticle({ id: 'cup', title: 'Harbour Cup 2031' }, [
    'The Harbour Cup 2031 was a rowing race held on the river Lind between eight crews.',
    'The race was decided on 4 May, when the Lind crew won by two lengths.',
    'A youth regatta on the harbour was decided on 11 June.',
  ]),
  'kenya.md': markdownArticle({ id: 'kenya', title: 'Kenya' }, ['Kenya (/ˈkɛnjə/; locally ( listen)), officially the Republic of Kenya, is a country in Africa.']),
  'tesla.md': markdownArticle({ id: 'tesla', title: 'Nikola Tesla' }, ['Nikola Tesla (10 July 1856 – 7 January 1943) was a Serbian American inventor, electrical engineer and physicist.']),
  'strike.md': markdownArticle({ id: 'strike', title: 'Rail strike begins' }, ['Rail workers walked out on Monday, the union said.']),
  'plague.md': markdownArticle({ id: 'plague', title: 'Black Death' }, ['The Black Death was one of the most devastating pandemics in human history.']),
  'lind.md': markdownArticle({ id: 'lind', title: 'Mara Lind' }, [
    'Mara Lind is a Swedish rowing coach from the town of Lindby.',
    '“We are ready for the season,” Mara Lind said in March.',
    'Last week the coach confirmed a plan to retire in June.',
    'Two other coaches of the club will retire in October, the club said.',
  ]),
  'vague.md': markdownArticle({ id: 'vague', title: 'Lind Valley' }, ['Lind Valley is a Beautiful Place.']),
};

describe('the category an article gives its title', () => {
  let kb: Promise<KnowledgeBase> | undefined;
  const load = () => (kb ??= loadKnowledgeBase(tempKnowledge(FILES)));
  const category = async (id: string) => {
    const article = (await load()).article(id)!;
    return titleSubject(article)?.category ?? null;
  };

  it('is the head noun of "TITLE is/was a …", past parentheses and appositives', async () => {
    expect(await category('cup')).toBe('race');
    expect(await category('kenya')).toBe('country');
    expect(await category('tesla')).toBe('inventor');
  });
  it('is none for a headline, a too general noun or a capitalised word', async () => {
    expect(await category('strike')).toBeNull();
    expect(await category('plague')).toBeNull();
    expect(await category('vague')).toBeNull();
  });
  it('lets "the race" stand for the title in /ask', async () => {
    const a = askAnswer(await load(), 'When was the Harbour Cup 2031 decided?');
    expect(a.excerpts[0]?.text).toContain('4 May');
  });
  it('lets "the coach" stand for the person the title names', async () => {
    const a = askAnswer(await load(), 'When will Mara Lind retire?');
    expect(a.excerpts[0]?.text).toContain('June');
  });
});
