import { describe, expect, it } from 'vitest';
import { analyseQuestion, expectedAnswer, questionType } from '../../src/answer/question';
import { keyOf, specificity, synonymKeys } from '../../src/answer/questionTerms';
import { senseCount, synonyms } from '../../src/answer/wordnet';
import { PartyRegistry } from '../../src/parties/registry';
import { ParagraphIndex } from '../../src/search/paragraphIndex';

const registry = new PartyRegistry();

describe('/ask word matching from maintained resources', () => {
  it('gives inflections and derivations one key (Porter2 stemmer)', () => {
    expect(keyOf('invented')).toBe(keyOf('invention'));
    expect(keyOf('signing')).toBe(keyOf('signed'));
    expect(keyOf('cities')).toBe(keyOf('city'));
    expect(keyOf('invented')).not.toBe(keyOf('inventory'));
  });

  it("gives irregular forms their base form's key (WordNet exception lists)", () => {
    expect(keyOf('went')).toBe(keyOf('go'));
    expect(keyOf('said')).toBe(keyOf('says'));
    expect(keyOf('children')).toBe(keyOf('child'));
    expect(keyOf('fought')).toBe(keyOf('fighting'));
  });

  it('finds synonyms in WordNet, and none for a word it does not list', () => {
    expect(synonyms('disagree')).toContain('differ');
    expect(synonyms('lift')).toContain('raise');
    expect(synonyms('successor')).toContain('replacement');
    expect(synonyms('zzyzxq')).toEqual([]);
    expect(synonyms('')).toEqual([]);
  });

  it('makes synonyms symmetric: a word whose most frequent sense is one of the first senses of the question word', () => {
    // "view"'s first verb sense is "see, consider, reckon, view, regard", a rarer sense of "see".
    expect(synonyms('view')).toContain('see');
    expect(synonyms('see')).toContain('view');
    // …but not through a rare sense of a common word ("go" → "die" is its tenth sense or so).
    expect(synonyms('go')).not.toContain('die');
  });

  it("looks synonyms up by the question word's base form", () => {
    expect(synonymKeys('disagreed')).toContain(keyOf('differ'));
    expect(synonymKeys('disagreeing')).toContain(keyOf('differ'));
    expect(synonymKeys('disagrees')).toContain(keyOf('dissent'));
  });

  it('weighs a word with many senses less than a specific one', () => {
    expect(senseCount('make')).toBeGreaterThan(40);
    expect(senseCount('helicopter')).toBe(1);
    expect(specificity('make')).toBeLessThan(specificity('helicopter'));
    expect(specificity('Brandt'.toLowerCase())).toBe(1);
  });
});

describe('reading what a question asks for', () => {
  it('takes the first question word: "Where was he when …" asks for a place', () => {
    expect(questionType('Where was Sullivan when he talked to reporters?')).toBe('where');
    expect(questionType('When did the talks collapse, and where?')).toBe('when');
  });

  it('reads a "when" after a leading what/which as a clause of time, not the question', () => {
    expect(questionType('What did the mayor do when the bridge closed?')).toBe('what');
    expect(questionType('Which river flooded the town when the dam broke?')).toBe('what');
    expect(expectedAnswer('What did the mayor do when the bridge closed?', { type: questionType('What did the mayor do when the bridge closed?') })).toBe('none');
    // Still a date: the question asks when, or asks "what year".
    expect(questionType('What year did the bridge close, and when did it reopen?')).toBe('when');
    expect(questionType('How and when did the bridge close?')).toBe('when');
    expect(questionType('What happened, and when?')).toBe('when');
    expect(questionType('When did the bridge close?')).toBe('when');
  });

  it('reads "When …, who/what …" by the question after the clause of time', () => {
    expect(questionType('When the coach left, who replaced him?')).toBe('who');
    expect(questionType('When violence is used, what is the protest called?')).toBe('what');
    expect(questionType('When the bridge closed, where did the ferries go?')).toBe('where');
    expect(questionType('When the bridge closed, did the ferries run?')).toBe('when');
  });

  it('expects no named thing for "what type/kind of NOUN": it asks for a kind', () => {
    const e = (t: string) => expectedAnswer(t, { type: questionType(t) });
    expect(e('What type of person can not be elected?')).toBe('none');
    expect(e('What kind of state was the republic?')).toBe('none');
    expect(e('Which person was elected?')).toBe('person');
    expect(e('What city hosted the final?')).toBe('place');
  });

  it('expects a date, a place, a number, a person or a reason from the question words and the noun after what/which', () => {
    const e = (t: string) => expectedAnswer(t, { type: questionType(t) });
    expect(e('What year did the war end?')).toBe('date');
    expect(e('In which city was the treaty signed?')).toBe('place');
    expect(e('What percentage of voters agreed?')).toBe('number');
    expect(e('How many helicopters were delivered?')).toBe('number');
    expect(e('Who replaced the minister?')).toBe('person');
    expect(e('Which president signed it?')).toBe('person');
    expect(e('Why did fares rise?')).toBe('reason');
    expect(e('What is the capital of Kenya?')).toBe('place');
    expect(e('What did the report say?')).toBe('none');
  });

  it('does not search for the adjective of "how old", "how big"', () => {
    const terms = analyseQuestion('How old is Brandt?', registry).terms.map((t) => t.norm);
    expect(terms).toEqual(['brandt']);
    expect(analyseQuestion('How big is the budget?', registry).terms.map((t) => t.norm)).toEqual(['budget']);
  });

  it('keeps a word that is also some person\'s surname as a word to find ("went to Harvard" is not John Harvard)', () => {
    const people = [{ name: 'John Harvard', aliases: ['Harvard'], appearances: [{ articleId: 'a', speakerId: 's1' }] }];
    const q = analyseQuestion('Who is the Costa Rican President that went to Harvard?', registry, people);
    expect(q.terms.map((t) => t.norm)).toContain('harvard');
    const full = analyseQuestion('What did John Harvard say?', registry, people);
    expect(full.persons.map((p) => p.name)).toEqual(['John Harvard']);
    expect(full.terms.map((t) => t.norm)).not.toContain('harvard');
  });
});

describe('ParagraphIndex.rankGroups (the first stage of /ask)', () => {
  const index = new ParagraphIndex();
  index.add([
    { id: 0, text: 'The minister resigned on Monday.' },
    { id: 1, text: 'A new minister was named, replacing the old one.' },
    { id: 2, text: 'A new minister was named, replacing the old one.' },
    { id: 3, text: 'A new minister was named, replacing the old one.' },
    { id: 4, text: 'Fares rose by twelve percent.' },
  ]);

  it('ranks paragraphs holding more of the groups first, and scores a group by its best form', () => {
    const ranked = index.rankGroups([[{ term: 'minister', weight: 1 }], [{ term: 'replaced', weight: 1 }, { term: 'replacing', weight: 1 }]], 10);
    expect(ranked[0]!.id).toBe(1);
    expect(ranked[0]!.groups).toBe(2);
    expect(ranked.map((r) => r.id)).toContain(0);
    expect(ranked.map((r) => r.id)).not.toContain(4);
  });

  it('keeps at most two copies of one paragraph text', () => {
    const ids = index.rankGroups([[{ term: 'replacing', weight: 1 }]], 10).map((r) => r.id);
    expect(ids).toEqual([1, 2]);
  });

  it('gives less to a form with a lower weight', () => {
    const full = index.rankGroups([[{ term: 'fares', weight: 1 }]], 1)[0]!.score;
    const syn = index.rankGroups([[{ term: 'fares', weight: 0.6 }]], 1)[0]!.score;
    expect(syn).toBeCloseTo(full * 0.6, 6);
  });
});
