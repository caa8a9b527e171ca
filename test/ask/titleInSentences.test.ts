import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { ask, markdownArticle, tempKnowledge } from '../helpers';

/**
 * An encyclopedic article is about its title: its sentences say "her" and "she" and seldom repeat
 * the name. The title counts as said (in part) in every sentence of its article, so the sentence
 * with the question's other words wins over one that only repeats the name.
 */
describe('/ask counts an article’s title as said in each of its sentences', () => {
  it('answers a question about the subject’s father from the sentence that never names her, in a library where fathers are common', async () => {
    const kb = await loadKnowledgeBase(
      tempKnowledge({
        'varga.md': markdownArticle({ id: 'varga', title: 'Ilse Varga' }, [
          'Ilse Varga (1871–1950) was a Hungarian chemist who worked on dyes in Pécs and Vienna.',
          'The mill on the Danube passed to a cousin when the father died in 1893.',
          'Ilse Varga died in Vienna in 1950, after a long illness.',
          '“Colour is only chemistry you can see,” Varga told the academy when she was elected to it in 1921.',
        ]),
        // Fathers are common in this library; Ilse Varga is named in one article only.
        'guilds.md': markdownArticle({ id: 'guilds', title: 'The millers of Pest' }, [
          'A miller’s son learned the trade from his father from the age of ten.',
          'When a father died, the guild paid for the funeral and kept the mill running.',
          'Fathers and sons sat together at the guild’s yearly dinner.',
          'A father could lose his seat in the guild for selling short weight.',
          'Many a father died young from the dust of the mill.',
          'The guild’s books list every father and son by name.',
        ]),
      }),
    );
    const a = await ask('/ask question:"When did Ilse Varga\'s father die?"', kb);
    expect(a.excerpts[0]!.text).toContain('1893');
  });
});
