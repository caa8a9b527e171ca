/**
 * The SQuAD v1.1 dev sample (`../shared/data/squad-dev-sample/`, read at run time, never copied
 * into the repo) as a knowledge base: each article written as one Markdown knowledge file (its
 * paragraphs in order) to a temporary folder, loaded like `knowledge/`. Shared by
 * `npm run eval:ask` and `npm run train:ask`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/knowledge/knowledgeBase';

export interface SquadArticle {
  title: string;
  paragraphs: Array<{ context: string; qas: Array<{ id: string; question: string; answers: Array<{ text: string }> }> }>;
}

/** The half of the sample used while tuning and training; the other half is only for checking. */
export const TUNE = ['Super_Bowl_50', 'Warsaw', '1973_oil_crisis', 'Black_Death', 'Genghis_Khan', 'Civil_disobedience'];

export const DEFAULT_DATA = join(import.meta.dirname, '..', '..', 'shared', 'data', 'squad-dev-sample', 'squad-dev-sample.json');

/** The articles of one split (`tune`, `holdout` or `all`), optionally only the named ones. */
export function squadArticles(file: string, split: string, only?: string[]): SquadArticle[] {
  const squad = JSON.parse(readFileSync(file, 'utf8')) as { data: SquadArticle[] };
  return squad.data.filter((a) => (!only || only.includes(a.title)) && (split === 'all' || (split === 'tune') === TUNE.includes(a.title)));
}

/** SQuAD's answer normalisation. */
export function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A gold answer (normalised) is inside the text. */
export const holds = (text: string, answers: string[]): boolean => {
  const t = ` ${normalise(text)} `;
  return answers.some((a) => t.includes(` ${normalise(a)} `));
};

export const slugOf = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The articles loaded as a knowledge base (checked paragraph for paragraph), with the load time. */
export async function squadKnowledgeBase(articles: SquadArticle[]): Promise<{ kb: KnowledgeBase; loadMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'quotebook-squad-'));
  for (const a of articles) {
    const title = a.title.replace(/_/g, ' ');
    const fm = [`title: ${JSON.stringify(title)}`, 'publisher: "Wikipedia"', 'author: "Wikipedia contributors"', `url: "https://en.wikipedia.org/wiki/${encodeURIComponent(a.title)}"`, 'published: "2016-06-16"', `id: ${slugOf(a.title)}`];
    const body = a.paragraphs.map((p) => p.context.replace(/\s+/g, ' ').trim()).join('\n\n');
    writeFileSync(join(dir, `${slugOf(a.title)}.md`), `---\n${fm.join('\n')}\n---\n\n${body}\n`);
  }
  const t0 = performance.now();
  const kb = await loadKnowledgeBase(dir);
  const loadMs = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  for (const a of articles) {
    const got = kb.article(slugOf(a.title))?.paragraphs.length;
    if (got !== a.paragraphs.length) throw new Error(`${a.title}: ${got} paragraphs loaded, ${a.paragraphs.length} in the data`);
  }
  return { kb, loadMs };
}
