/**
 * The two reference points the issue compares against, run on the same paragraphs and queries:
 * MiniSearch with default options (whole paragraphs as documents, default OR search) and a plain
 * inverted index (JS Map of term → doc ids and frequencies, AND with OR fallback, tf-idf ranking).
 */
import MiniSearch from 'minisearch';

export interface Baseline {
  name: string;
  /** Paragraph ids, best first (at most 10). */
  search(query: string): number[];
}

export function rawMiniSearch(paragraphs: Array<{ id: number; text: string }>): Baseline {
  const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  ms.addAll(paragraphs);
  return {
    name: 'raw MiniSearch (defaults)',
    search: (q) => ms.search(q).slice(0, 10).map((r) => r.id as number),
  };
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const tokens = (s: string) => s.toLowerCase().match(TOKEN) ?? [];

export function plainInvertedIndex(paragraphs: Array<{ id: number; text: string }>): Baseline {
  const postings = new Map<string, { docs: number[]; tfs: number[] }>();
  const lengths = new Map<number, number>();
  for (const p of paragraphs) {
    const toks = tokens(p.text);
    lengths.set(p.id, toks.length);
    const counts = new Map<string, number>();
    for (const t of toks) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, c] of counts) {
      let e = postings.get(t);
      if (!e) postings.set(t, (e = { docs: [], tfs: [] }));
      e.docs.push(p.id);
      e.tfs.push(c);
    }
  }
  const n = paragraphs.length;
  return {
    name: 'plain inverted index',
    search(q) {
      const terms = [...new Set(tokens(q))].map((t) => ({ t, e: postings.get(t) })).filter((x) => x.e) as Array<{ t: string; e: { docs: number[]; tfs: number[] } }>;
      if (terms.length === 0) return [];
      terms.sort((a, b) => a.e.docs.length - b.e.docs.length);
      const score = new Map<number, number>();
      const idf = (e: { docs: number[] }) => Math.log(n / e.docs.length);
      // AND: walk the rarest list, look the doc up in the others.
      const tfIn = (e: { docs: number[]; tfs: number[] }, d: number): number | undefined => {
        let lo = 0;
        let hi = e.docs.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >>> 1;
          const v = e.docs[mid]!;
          if (v === d) return e.tfs[mid];
          if (v < d) lo = mid + 1;
          else hi = mid - 1;
        }
        return undefined;
      };
      const rare = terms[0]!.e;
      for (let i = 0; i < rare.docs.length; i++) {
        const d = rare.docs[i]!;
        let s = rare.tfs[i]! * idf(rare);
        let ok = true;
        for (let k = 1; k < terms.length && ok; k++) {
          const tf = tfIn(terms[k]!.e, d);
          if (tf === undefined) ok = false;
          else s += tf * idf(terms[k]!.e);
        }
        if (ok) score.set(d, s / Math.sqrt(lengths.get(d) ?? 1));
      }
      if (score.size === 0) {
        for (const { e } of terms) e.docs.forEach((d, i) => score.set(d, (score.get(d) ?? 0) + e.tfs[i]! * idf(e)));
      }
      return [...score.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([d]) => d);
    },
  };
}
