import { describe, expect, it } from 'vitest';
import { askAnswer } from '../../src/answer/ask';
import { questionAcronyms } from '../../src/answer/askAcronyms';
import { acronymIndex } from '../../src/knowledge/acronyms';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { acronymDefinitions } from '../../src/text/acronyms';
import { words } from '../../src/text/words';
import { markdownArticle, tempKnowledge } from '../helpers';

/** Issue #15: an acronym and the long form the article defines it by are the same thing to `/ask`. */
describe('acronym definitions in a text', () => {
  const defs = (text: string) => acronymDefinitions(text).map((d) => `${d.acronym}=${d.long.join(' ')}`);
  it('reads the long form before "(ABC)", connectives inside, capitalised or lower case', () => {
    expect(defs('The American Football Conference (AFC) champion won.')).toEqual(['afc=american football conference']);
    expect(defs('a unit under the Office of Alien Property (OAP) held it')).toEqual(['oap=office of alien property']);
    expect(defs('the Intergovernmental Panel on Climate Change (IPCC) said')).toEqual(['ipcc=intergovernmental panel on climate change']);
    expect(defs("Kenya's gross domestic product (GDP) grew")).toEqual(['gdp=gross domestic product']);
    expect(defs("the Children's Memorial Health Institute (CMHI) opened")).toEqual(['cmhi=children memorial health institute']);
    expect(defs('the Department of Defense (DoD) said')).toEqual(['dod=department of defense']);
    expect(defs('the Organization of Arab Petroleum Exporting Countries (OAPEC, consisting of the Arab members)')).toEqual(['oapec=organization of arab petroleum exporting countries']);
  });
  it('reads "ABC (Long Form)" too, and each pair once', () => {
    expect(defs('NFL (National Football League) teams. NFL (National Football League) again.')).toEqual(['nfl=national football league']);
  });
  it('is nothing where the initials do not spell it, or the words are not one name', () => {
    expect(defs('the Royal Society (UK) said')).toEqual([]);
    expect(defs('she told the Associated Press (Reuters) on Monday')).toEqual([]);
    expect(defs('the Mary Doe (McDonald) case')).toEqual([]);
    expect(defs('a Football league (FL) game')).toEqual([]);
    expect(defs('the team (NFL) won')).toEqual([]);
    expect(defs('(NFL)')).toEqual([]);
    expect(defs('')).toEqual([]);
    expect(defs('@everyone <@123> **(AB)** ((((((( ' + '('.repeat(10_000))).toEqual([]);
    expect(defs('(AB '.repeat(5000) + 'AB (' + 'A'.repeat(200) + ')')).toEqual([]);
  });
});

const PARAGRAPHS = [
  'Members of the Northern Rail Workers Union (NRWU) walked out on Monday, the Harbour Transit Authority (HTA) said.',
  'NRWU leader Ada Kell said the strike would last three days.',
  'The leader of the dock workers, Tom Reed, said his members would not join the strike.',
  'The Harbour Transit Authority raised fares in March.',
  'Bus fares were raised in 2019 across the region, as in most northern cities.',
  'HTA fares were the highest in the country in 2021, a survey found.',
];

describe('/ask with an acronym the article defines', () => {
  let kb: Promise<KnowledgeBase> | undefined;
  const strike = () => (kb ??= loadKnowledgeBase(tempKnowledge({ 'strike.md': markdownArticle({ id: 'strike', title: 'Rail strike begins' }, PARAGRAPHS) })));

  it('gathers the definitions once per knowledge base', async () => {
    const index = (await strike()).derived(acronymIndex);
    expect([...index.longForms.keys()].sort()).toEqual(['hta', 'nrwu']);
  });
  it('finds the acronym for a question that writes the long form', async () => {
    const a = askAnswer(await strike(), 'Who is the leader of the Northern Rail Workers Union?');
    expect(a.excerpts[0]?.text).toContain('Ada Kell');
  });
  it('finds the long form for a question that writes the acronym', async () => {
    const a = askAnswer(await strike(), 'When did the HTA raise fares?');
    expect(a.excerpts[0]?.text).toContain('March');
  });
  it('answers what an acronym stands for with the sentence that spells it out', async () => {
    const a = askAnswer(await strike(), 'What does NRWU stand for?');
    expect(a.excerpts[0]?.text).toContain('Northern Rail Workers Union');
  });
  it('leaves a lower-case word alone ("hta" is no acronym as written) and reads hostile questions', async () => {
    const k = await strike();
    const link = (q: string) => {
      const ws = words(q);
      const terms = ws.map((w) => ({ norm: w.norm, start: w.start, end: w.end }));
      return questionAcronyms(k.derived(acronymIndex), q, ws, terms);
    };
    expect(link('when did the hta raise fares')).toBeUndefined();
    expect(link('When did the HTA raise fares?')?.longFor.map((x) => x.long.join(' '))).toEqual(['harbour transit authority']);
    expect(link('northern rail workers union')?.acronymFor.get('nrwu')).toEqual([0, 1, 2, 3]);
    for (const q of ['', '@everyone <@1> (NRWU) **HTA**', 'Ｎ'.repeat(5000), 'NRWU '.repeat(2000)]) expect(() => askAnswer(k, q)).not.toThrow();
  });
});
