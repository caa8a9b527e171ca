import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
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
