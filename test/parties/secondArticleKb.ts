/** The seed plus the second test article (test/fixtures/second-article.md) in a temporary knowledge folder. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { KNOWLEDGE_DIR, tempKnowledge } from '../fixtures';

export const SECOND_ID = 'egypt-ethiopia-nile-dam';

let shared: Promise<KnowledgeBase> | undefined;
export function twoArticleKb(): Promise<KnowledgeBase> {
  shared ??= loadKnowledgeBase(
    tempKnowledge({
      'us-skorea-end-of-war.md': readFileSync(join(KNOWLEDGE_DIR, 'us-skorea-end-of-war.md')),
      'parties.yaml': readFileSync(join(KNOWLEDGE_DIR, 'parties.yaml')),
      'second-article.md': readFileSync(join(import.meta.dirname, '..', 'fixtures', 'second-article.md')),
    }),
  );
  return shared;
}
