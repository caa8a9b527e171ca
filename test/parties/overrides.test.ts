import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { parsePartyOverrides } from '../../src/parties/overrides';
import { KNOWLEDGE_DIR, tempKnowledge } from '../fixtures';

const seed = readFileSync(join(KNOWLEDGE_DIR, 'us-skorea-end-of-war.md'), 'utf8');

describe('parties.yaml', () => {
  it('reports a bad entry by file and entry, and the other entries still apply', async () => {
    const yaml = [
      'parties:',
      '  - party: North Korea',
      '    context: [the regime]',
      '  - party: Narnia',
      '    aliases: [the wardrobe]',
      '  - party: South Korea',
      '    aliases: 42',
      '  - nonsense: true',
      'articles:',
      '  us-skorea-end-of-war:',
      '    home: South Korea',
    ].join('\n');
    const kb = await loadKnowledgeBase(tempKnowledge({ 'seed.md': seed, 'parties.yaml': yaml }));
    const problems = kb.problems.filter((p) => p.file === 'parties.yaml').map((p) => p.problem);
    expect(problems).toHaveLength(3);
    expect(problems.some((p) => /entry 2 \("Narnia"\).*unknown party/.test(p))).toBe(true);
    expect(problems.some((p) => /entry 3 \("South Korea"\).*aliases/.test(p))).toBe(true);
    expect(problems.some((p) => /entry 4/.test(p))).toBe(true);
    // The good entry works: "the regime" is North Korea in this article.
    expect(kb.parties.resolve('the regime').id).toBe('prk');
    expect(kb.articles).toHaveLength(1);
  });

  it('that is not YAML is one problem, and the articles still load', async () => {
    const kb = await loadKnowledgeBase(tempKnowledge({ 'seed.md': seed, 'parties.yaml': 'parties: [unclosed' }));
    expect(kb.problems.map((p) => p.file)).toContain('parties.yaml');
    expect(kb.articles).toHaveLength(1);
    expect(kb.parties.resolve('US').id).toBe('usa');
  });

  it('can define a new party (a camp) with its aliases', () => {
    const { overrides, problems } = parsePartyOverrides('parties:\n  - party: The allies\n    type: camp\n    aliases: [the two allies]\n');
    expect(problems).toEqual([]);
    expect(overrides.parties[0]).toMatchObject({ party: 'The allies', type: 'camp', aliases: ['the two allies'] });
  });

  it('shipped with the seed is valid', async () => {
    const { problems } = parsePartyOverrides(readFileSync(join(KNOWLEDGE_DIR, 'parties.yaml'), 'utf8'));
    expect(problems).toEqual([]);
  });
});
