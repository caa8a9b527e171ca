import { describe, expect, it } from 'vitest';
import { readKnowledgeFolder } from '../../src/ingest/folder';
import { buildKnowledgeBase, loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { buildStanceIndex } from '../../src/parties/stanceIndex';
import { KNOWLEDGE_DIR } from '../helpers';

describe('parts derived from a knowledge base', () => {
  it('are built once per base on first use, and afresh for a new base (a reload)', async () => {
    const first = await loadKnowledgeBase(KNOWLEDGE_DIR);
    const second = await loadKnowledgeBase(KNOWLEDGE_DIR);
    let builds = 0;
    const build = (kb: KnowledgeBase) => ({ articles: kb.articles.length, n: ++builds });
    const a = first.derived(build);
    expect(first.derived(build)).toBe(a);
    expect(builds).toBe(1);
    const b = second.derived(build);
    expect(b).not.toBe(a);
    expect(builds).toBe(2);
    expect(b.articles).toBe(first.articles.length);
  });
});

describe('what a build prepares before the first question', () => {
  // Private state read on purpose: what matters is what the build did *not* compute yet.
  const partiesBuilt = (kb: KnowledgeBase) => (kb as unknown as { builtParties?: unknown }).builtParties !== undefined;

  it('a server library (eagerChoices: false) finds parties and stances on first use, a folder base while building', async () => {
    const { articles } = await readKnowledgeFolder(KNOWLEDGE_DIR);
    const lazy = (await buildKnowledgeBase(articles, [], { eagerChoices: false })).kb;
    expect(partiesBuilt(lazy)).toBe(false);
    const stances = lazy.derived(buildStanceIndex);
    expect(partiesBuilt(lazy)).toBe(true);
    const eager = (await buildKnowledgeBase(articles, [])).kb;
    expect(partiesBuilt(eager)).toBe(true);
    // The same stances either way: building later changes when, not what.
    const eagerStances = eager.derived(buildStanceIndex);
    const parties = eager.parties.choices().map((c) => c.value);
    expect(parties.length).toBeGreaterThan(0);
    expect(lazy.parties.choices()).toEqual(eager.parties.choices());
    for (const party of parties) expect(stances.party(party)).toEqual(eagerStances.party(party));
  });
});
