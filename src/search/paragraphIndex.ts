/**
 * The full-text index: one MiniSearch document per body paragraph. Documents carry only a numeric
 * id; the paragraph text lives once, in the article model, so the index adds little memory.
 *
 * Queries follow a cheap-first plan: exact terms with AND (prefix only on the last term), then OR,
 * then bounded fuzzy matching only when exact terms found too little. Callers verify phrases in
 * the stored text afterwards (see phrase.ts).
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { indexTerms, isStopWord } from '../text/words';

export interface IndexedParagraph {
  /** Position in the knowledge base's paragraph table. */
  id: number;
  text: string;
}

export interface Candidate {
  id: number;
  score: number;
  /** Index terms of the document that matched the query. */
  terms: string[];
}

export interface CandidateOptions {
  /** How many candidates are enough before trying looser matching. */
  want?: number;
  /** Hard cap on returned candidates. */
  limit?: number;
  filter?: (id: number) => boolean;
}

/** MiniSearch options shared by building and by loading a serialised index. */
export const MINISEARCH_OPTIONS = {
  fields: ['text'],
  storeFields: [] as string[],
  tokenize: (text: string) => indexTerms(text),
  processTerm: (term: string) => (term.length === 0 || isStopWord(term) ? null : term),
};

export class ParagraphIndex {
  readonly search: MiniSearch<IndexedParagraph>;

  constructor(search?: MiniSearch<IndexedParagraph>) {
    this.search = search ?? new MiniSearch<IndexedParagraph>(MINISEARCH_OPTIONS);
  }

  add(paragraphs: IndexedParagraph[]): void {
    this.search.addAll(paragraphs);
  }

  /** Query terms as the index sees them (stop words dropped). */
  static queryTerms(query: string): string[] {
    return indexTerms(query).filter((t) => !isStopWord(t));
  }

  /** Candidate paragraphs for a query, best first. */
  candidates(query: string, options: CandidateOptions = {}): Candidate[] {
    const want = options.want ?? 10;
    const limit = options.limit ?? 50;
    const terms = ParagraphIndex.queryTerms(query);
    if (terms.length === 0) return [];
    const q = terms.join(' ');
    const filter = options.filter ? (r: SearchResult) => options.filter!(r.id as number) : undefined;
    const lastPrefix = (term: string, i: number, all: string[]) => i === all.length - 1 && term.length >= 3;
    const seen = new Map<number, Candidate>();
    const collect = (results: SearchResult[], weight: number) => {
      for (const r of results) {
        if (seen.has(r.id as number)) continue;
        seen.set(r.id as number, { id: r.id as number, score: r.score * weight, terms: r.terms });
        if (seen.size >= limit) break;
      }
    };
    collect(this.search.search(q, { combineWith: 'AND', prefix: lastPrefix, filter }), 3);
    if (seen.size < want && terms.length > 1) {
      collect(this.search.search(q, { combineWith: 'OR', prefix: lastPrefix, filter }), 1);
    }
    if (seen.size < want) {
      collect(
        this.search.search(q, {
          combineWith: 'OR',
          prefix: lastPrefix,
          fuzzy: (term) => (term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : false),
          maxFuzzy: 2,
          filter,
        }),
        0.5,
      );
    }
    return [...seen.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
