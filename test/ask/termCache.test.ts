/**
 * `/ask` keeps each question word's reading (askTerms.ts `cachedTerm`: its forms, their index term
 * ids and document frequencies) per knowledge base. The ids are the base's own index's, so a
 * reading made in one base must never serve another: these fail if the cache is keyed by the word
 * alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedTerm } from '../../src/answer/askTerms';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { KNOWLEDGE_DIR, ask, tempKnowledge } from '../helpers';

const twoArticles = () =>
  loadKnowledgeBase(
    tempKnowledge({
      'us-skorea-end-of-war.md': readFileSync(join(KNOWLEDGE_DIR, 'us-skorea-end-of-war.md')),
      'parties.yaml': readFileSync(join(KNOWLEDGE_DIR, 'parties.yaml')),
      'second-article.md': readFileSync(join(import.meta.dirname, '..', 'fixtures', 'second-article.md')),
    }),
  );

/** Questions on the second article with their answering paragraph (test/ask/second-article.test.ts). */
const QUESTIONS: Array<[string, number]> = [
  ["Who is Ethiopia's chief negotiator?", 6],
  ['When will Ethiopia start the fifth filling of the reservoir?', 7],
  ['Who did Sudan ask to mediate?', 8],
  ['How much electricity will the dam generate?', 11],
  ['When did Ethiopia start building the dam?', 4],
];

/** Every form of a word as read in `kb` carries `kb`'s own term id and document frequency. */
function expectOwnIds(kb: KnowledgeBase, norm: string) {
  const { docs } = kb.index.stats;
  const t = cachedTerm(kb, norm, undefined, (df) => Math.log(1 + (docs - df + 0.5) / (df + 0.5)));
  for (const f of t.forms) {
    expect(f.id, `${norm} → ${f.term}`).toBe(kb.index.termId(f.term) ?? -1);
    expect(f.df, `${norm} → ${f.term}`).toBe(kb.index.documentFrequency(f.term));
  }
  return t;
}

describe("/ask's question-word cache", () => {
  it("gives each base its own index's term ids, whichever base asked first", async () => {
    const seed = await loadKnowledgeBase(KNOWLEDGE_DIR);
    const two = await twoArticles();
    // The seed asks first: its vocabulary is the smaller one, so a shared word's id differs.
    for (const [q] of QUESTIONS) await ask(`/ask question:"${q}"`, seed);
    let differing = 0;
    for (const word of ['start', 'building', 'talks', 'war', 'said', 'negotiator', 'electricity']) {
      const a = expectOwnIds(seed, word);
      const b = expectOwnIds(two, word);
      if (a.forms.some((f, i) => f.id !== b.forms[i]?.id)) differing++;
    }
    expect(differing).toBeGreaterThan(0);
  });

  it('answers from the right paragraphs after another base read the same words', async () => {
    const seed = await loadKnowledgeBase(KNOWLEDGE_DIR);
    const two = await twoArticles();
    for (const [q] of QUESTIONS) await ask(`/ask question:"${q}"`, seed);
    for (const [q, paragraph] of QUESTIONS) {
      const a = await ask(`/ask question:"${q}"`, two);
      expect(a.excerpts[0]?.paragraph, q).toBe(paragraph);
      // The same question again (the cache is warm now) gives the same answer.
      expect(await ask(`/ask question:"${q}"`, two)).toEqual(a);
    }
  });
});
