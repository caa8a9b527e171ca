/**
 * Bench corpora as knowledge folders outside the repository (default /tmp/quotebook-bench):
 * - seed: the shipped knowledge/ folder;
 * - 19k: the PolNeAR train+dev articles (evaluation only: never copied into knowledge/ or the repo),
 *   one Markdown file per article, paragraphs as in the source text;
 * - 190k / 1m: the same articles replicated ×10 / ×50, each replica a separate file with a
 *   distinct id (`<id>-rN`). Replicas have the same body, so the knowledge cache's
 *   content-addressed analysis entries make the attribution engine run once per distinct body.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPORA = ['seed', '19k', '190k', '1m'] as const;
export type CorpusName = (typeof CORPORA)[number];
export const REPLICAS: Record<CorpusName, number> = { seed: 1, '19k': 1, '190k': 10, '1m': 50 };
// PolNeAR sits in the shared folder beside the repository (../shared), as on CI and dev machines.
export const POLNEAR = process.env.POLNEAR_DIR ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'polnear');
export const BENCH_TMP = process.env.BENCH_TMP ?? '/tmp/quotebook-bench';

/** Replica suffix: `<id>-rN` counts as the same article as `<id>` for quality. */
export const baseId = (id: string) => id.replace(/-r\d+$/, '');

interface PolnearRecord {
  id: string;
  publisher: string;
  date: string;
  title: string;
  text: string;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'article';
}

/** One PolNeAR article as a knowledge file: `md(id)` is the Markdown document with front matter. */
export interface PolnearArticle {
  id: string;
  title: string;
  publisher: string;
  date: string;
  /** The Markdown body (paragraphs joined by blank lines), without front matter. */
  body: string;
  paragraphs: number;
  md: (id: string) => string;
}

/** PolNeAR train + dev articles (924), in file order, as knowledge documents. */
export function polnearArticles(): PolnearArticle[] {
  const out: PolnearArticle[] = [];
  const seen = new Set<string>();
  for (const split of ['train', 'dev']) {
    const lines = readFileSync(join(POLNEAR, `${split}.jsonl`), 'utf8').split('\n').filter(Boolean);
    for (const line of lines) {
      const r = JSON.parse(line) as PolnearRecord;
      let id = slug(r.id);
      while (seen.has(id)) id += 'x';
      seen.add(id);
      let paras = r.text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
      if (paras.length > 1 && paras[0]!.replace(/\.$/, '') === r.title.trim().replace(/\.$/, '')) paras = paras.slice(1);
      // Markdown would read "# ..." as a heading and "![...](...)" as an image; keep them as text.
      paras = paras.map((p) => p.replace(/^([#>*\-+!|]|\d+\.)/, '\\$1'));
      const body = paras.join('\n\n');
      out.push({
        id,
        title: r.title.trim() || id,
        publisher: r.publisher,
        date: r.date,
        body,
        paragraphs: paras.length,
        md: (aid) =>
          `---\nid: ${aid}\ntitle: ${JSON.stringify((r.title.trim() || aid).slice(0, 300))}\npublisher: ${JSON.stringify(r.publisher)}\nauthor: ${JSON.stringify(`${r.publisher} staff`)}\nurl: "https://example.org/polnear/${aid}"\npublished: ${r.date}\n---\n\n${body}\n`,
      });
    }
  }
  return out;
}

/** The knowledge folder for a corpus, written once (a marker file records what it holds). */
export function corpusDir(name: CorpusName): string {
  if (name === 'seed') return resolve('knowledge');
  const dir = join(BENCH_TMP, `corpus-${name}`);
  const marker = join(dir, '.complete');
  const want = `polnear x${REPLICAS[name]} v1`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const arts = polnearArticles();
  for (let r = 0; r < REPLICAS[name]; r++) {
    for (const a of arts) {
      const id = r === 0 ? a.id : `${a.id}-r${r}`;
      writeFileSync(join(dir, `${id}.md`), a.md(id));
    }
  }
  writeFileSync(marker, want);
  return dir;
}
