import { describe, expect, it } from 'vitest';
import type { Answer, Excerpt } from '../../src/core/answer';
import { JOINED_MAX } from '../../src/answer/askFollow';
import { renderAnswer } from '../../src/discord/render';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { ask, markdownArticle, tempKnowledge } from '../helpers';

/**
 * `/ask` widens an excerpt to the next sentence when the question asks for a type of answer (a
 * date, a number, a person, a cause …), the matched sentence holds none, and the next one — which
 * continues it — does (src/answer/askFollow.ts). Invented paragraphs, each a small case.
 */
const LONG_LEAD =
  'The mudflats east of Carrow, a wide grey plain of silt and eelgrass that the tide uncovers at every ebb, ' +
  'draw wading birds from as far away as the Arctic, and the wardens who count them each morning walk out ' +
  'along the old causeway with telescopes, notebooks and flasks of tea, whatever the weather, from the first ' +
  'frost of October to the last geese of March.';
const LONG_FOLLOW =
  'They counted about 40,000 knot on a single morning last winter, more than in any year since the count ' +
  'began, along with dunlin, grey plover, bar-tailed godwit and a lone spoonbill that stayed for a week, ' +
  'and the figures are sent each month to the national survey, which has used them to argue for a ban on ' +
  'bait digging across the whole of the estuary.';

const PARAGRAPHS = [
  // 1: the reason in the sentence after the one holding the question's words.
  'The marshes south of Dunmore are unusually rich in nesting birds. The richness is mainly due to the shallow lagoons that flood every spring.',
  // 2: the number in the sentence after, which points back ("They").
  'Volunteers from the sailing club rebuilt the old timber pier at Harlow over the winter. They numbered about forty, most of them pensioners.',
  // 3: the number in a quote after the narration: never joined to it.
  'Crowds of visitors filled the new public library in Stenby on its opening day. “More than 2,000 visitors came through the doors,” said the head librarian, Anna Brek.',
  // 4: the sentence holding the question's words holds a year already.
  'In 1871 the engineer Mira Hollen moved to Dunmore to build the lighthouse on Kell Point. She finished the tower in 1875, two years late.',
  // 5: too long to show the two sentences whole on a Discord card.
  `${LONG_LEAD} ${LONG_FOLLOW}`,
  // 6: the sentence opens with a name the question lacks (a lone first word, which the person
  // evidence does not read): it may be the answer, so it is not widened.
  'Nordvik rebuilt the ferry terminal at Harlow in a single season. It was paid for by a loan from the shipowner Elsa Marr.',
  // 7: the answer's sentence ranks first; the one before, widened, would repeat it.
  'The old mill at Fenby was restored by the county heritage trust. The restoration of the old mill at Fenby took eleven years.',
  // 8: "Which …" asks for a name only loosely; the answer here is no name at all.
  'At the Fenby bakery the plain white loaf sold worst last year. Its buyers preferred the rye bread baked by Jonas Peel.',
];

let kb: Promise<KnowledgeBase> | undefined;
const coastKb = () =>
  (kb ??= loadKnowledgeBase(tempKnowledge({ 'coast.md': markdownArticle({ id: 'coast', title: 'Notes from the coast' }, PARAGRAPHS) })));

const top = async (question: string): Promise<Excerpt> => {
  const a = await ask(`/ask question:"${question}"`, await coastKb());
  return a.excerpts[0]!;
};

describe('/ask shows the next sentence when it holds the answer the matched one lacks', () => {
  it('joins the sentence giving the reason to the one holding the question’s words', async () => {
    const e = await top('Why are the marshes south of Dunmore so rich in nesting birds?');
    expect(e.paragraph).toBe(1);
    expect(e.text).toBe(PARAGRAPHS[0]);
    expect(e.source).toMatch(/reporter/);
  });

  it('joins a "They …" sentence holding the number asked for', async () => {
    const e = await top('How many volunteers from the sailing club rebuilt the pier at Harlow?');
    expect(e.paragraph).toBe(2);
    expect(e.text).toContain('about forty');
    expect(e.text.startsWith('Volunteers from the sailing club')).toBe(true);
  });

  it('never joins a quote to narration, even when the quote holds the number', async () => {
    const a = await ask('/ask question:"How many visitors filled the new public library in Stenby on its opening day?"', await coastKb());
    const narration = a.excerpts.find((e) => e.paragraph === 3 && e.kind === 'narration');
    expect(narration?.text).toBe('Crowds of visitors filled the new public library in Stenby on its opening day.');
  });

  it('leaves a sentence that already holds a year alone', async () => {
    const e = await top('When did the engineer Mira Hollen move to Dunmore to build the lighthouse?');
    expect(e.paragraph).toBe(4);
    expect(e.text).toBe('In 1871 the engineer Mira Hollen moved to Dunmore to build the lighthouse on Kell Point.');
  });

  it('does not join two sentences too long to show whole', async () => {
    const e = await top('How many wading birds do the wardens of the mudflats east of Carrow count each morning?');
    expect(e.paragraph).toBe(5);
    expect(e.text).toBe(LONG_LEAD);
  });

  it('leaves a sentence opening with a name the question does not hold alone for a "who" question', async () => {
    const e = await top('Who rebuilt the ferry terminal at Harlow?');
    expect(e.paragraph).toBe(6);
    expect(e.text).toBe('Nordvik rebuilt the ferry terminal at Harlow in a single season.');
  });

  it('shows a runner-up as its own sentence when widening it would repeat the top excerpt', async () => {
    const a = await ask('/ask question:"How long did the restoration of the old mill at Fenby take?"', await coastKb());
    expect(a.excerpts[0]!.text).toBe('The restoration of the old mill at Fenby took eleven years.');
    expect(a.excerpts[1]!.text).toBe('The old mill at Fenby was restored by the county heritage trust.');
  });

  it('does not widen for a bare "which" question, whose answer is often no name', async () => {
    const e = await top('Which loaf sold worst at the Fenby bakery last year?');
    expect(e.paragraph).toBe(8);
    expect(e.text).toBe('At the Fenby bakery the plain white loaf sold worst last year.');
  });

  it('shows three joined excerpts of the longest allowed length whole on one Discord card', () => {
    const text = `${'A'.repeat(JOINED_MAX - 40)} Then it happened in 1875, they said.`.slice(0, JOINED_MAX);
    const excerpt = (paragraph: number): Excerpt => ({
      text,
      kind: 'narration',
      speaker: null,
      source: 'the reporter (Jane Writer, a reporter with a long name for the footer)',
      match: 'fuzzy',
      article: { id: 'coast', title: 'Notes from the coast, a title of a fair length for a card', url: 'https://example.org/coast' },
      paragraph,
      score: 1.5,
      highlights: [[0, 10], [text.length - 30, text.length - 20]],
    });
    const answer: Answer = { command: 'ask', excerpts: [excerpt(1), excerpt(2), excerpt(3)], notice: 'The story may not answer this directly; these are the closest passages.' };
    const embeds = renderAnswer(answer).embeds ?? [];
    expect(embeds).toHaveLength(3);
    // Every excerpt's words are on the card, none cut short ("…").
    for (const e of embeds) expect(e.description?.replace(/\*\*|\\/g, '')).toContain(text.slice(-20));
  });
});
