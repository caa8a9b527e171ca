/**
 * The full-text index over body paragraphs, built for speed and a small heap at 10^5–10^6
 * paragraphs.
 *
 * Two parts:
 * - a compact inverted index of our own (typed arrays: for each term, the sorted paragraph ids
 *   holding it and the term frequency; a length per paragraph). Candidate selection and BM25+
 *   ranking (MiniSearch's formula and parameters) run on it. No paragraph text is stored here.
 * - the *vocabulary* in MiniSearch's radix tree (`SearchableMap`, the structure MiniSearch itself
 *   searches terms with), mapping each distinct term to its id. It answers exact term lookups and
 *   the term expansions: prefix completion of the last query word and bounded fuzzy matching
 *   (`maxFuzzy`) of misspelt words. The expanded terms then go through the inverted index like any
 *   exact term. A full MiniSearch instance over the vocabulary (one document per term) answered
 *   the same expansions but kept two Maps per term for its own postings: 26 MB of heap for the
 *   28k terms of the 19k-paragraph bench corpus, against 7.6 MB for the tree alone.
 *
 * Query plan, cheap first (see `candidates`): exact terms combined with AND (the rarest term's
 * postings drive, the others are binary-searched); prefix only on the last term; then OR, driven
 * by the rarer terms only; fuzzy expansion only for words the vocabulary does not know, or when
 * exact terms found too little, bounded by `maxFuzzy`. Callers verify phrases in the stored text
 * afterwards (see phrase.ts) on the small candidate set.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { PrefixOrder } from './prefixOrder';
import { asParsedQuery, parseQuery, type ParsedQuery } from './query';
import { indexedTermsOf } from './terms';
import { clearTouched, foldGroup, scorePostings, selectTop } from './rankKernels';

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

/** The serialisable state of a built index (bytes: `indexFile.ts`). */
export interface IndexSnapshot {
  vocab: string[];
  offsets: Uint32Array;
  docs: Int32Array;
  tfs: Uint8Array;
  lengths: Uint16Array;
  /** Per paragraph: a hash of its terms in order; equal for identical paragraphs. */
  hashes: Uint32Array;
}

/** BM25+ parameters, MiniSearch's defaults. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** MiniSearch's default weights for derived terms. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Bounds on term expansion. */
const MAX_FUZZY = 1;
/** Words this long that no term is one edit away from are looked up at distance 2. */
const LONG_WORD = 8;
const MAX_PREFIX_EXPANSIONS = 12;
const MAX_FUZZY_EXPANSIONS = 8;
/** OR mode: postings read to find candidates, at most (rarest terms first). */
const OR_DRIVER_BUDGET = 40_000;
/** Identical paragraphs (wire copies, replicas) among the candidates: at most this many. */
const MAX_COPIES = 2;

interface Expansion {
  termId: number;
  weight: number;
}

/** One query word and the index terms standing in for it. */
interface Group {
  word: string;
  exps: Expansion[];
  /** Total postings over the expansions. */
  size: number;
}

export class ParagraphIndex {
  private pending: Array<{ id: number; terms: string[] }> = [];
  private vocab: string[] = [];
  private offsets: Uint32Array = new Uint32Array(1);
  private docs: Int32Array = new Int32Array(0);
  private tfs: Uint8Array = new Uint8Array(0);
  private lengths: Uint16Array = new Uint16Array(0);
  private hashes: Uint32Array = new Uint32Array(0);
  private docCount = 0;
  private avgLength = 1;
  private built = false;
  /** Term → term id; built once the index is (see `install`). */
  private terms = new SearchableMap<number>();
  /** `termIdsWithPrefix`'s table (prefixOrder.ts), made on its first use. */
  private prefixes: PrefixOrder | undefined;

  /** Adds paragraphs (before the first query). Ids are small non-negative integers. */
  add(paragraphs: IndexedParagraph[]): void {
    if (this.built) throw new Error('ParagraphIndex is immutable once queried; build a new one');
    for (const p of paragraphs) this.pending.push({ id: p.id, terms: indexedTermsOf(p.text) });
  }

  /** Adds a paragraph whose terms are already known (e.g. a replica of an indexed text). */
  addTerms(id: number, terms: string[]): void {
    if (this.built) throw new Error('ParagraphIndex is immutable once queried; build a new one');
    this.pending.push({ id, terms });
  }

  /** Query terms as the index sees them (stop words dropped). */
  static queryTerms(query: string): string[] {
    return indexedTermsOf(query);
  }

  /** Number of indexed paragraphs. */
  get size(): number {
    this.build();
    return this.docCount;
  }

  /** Finishes building: postings into typed arrays, vocabulary into the radix tree. Idempotent. */
  build(): this {
    if (this.built) return this;
    const pending = this.pending;
    this.pending = [];
    let maxId = -1;
    let total = 0;
    for (const p of pending) {
      if (p.id > maxId) maxId = p.id;
      total += p.terms.length;
    }
    // Triples (term, doc, tf) in growable typed arrays, then a counting sort by term.
    const tTerm = new Int32Array(total);
    const tDoc = new Int32Array(total);
    const tTf = new Uint8Array(total);
    const lengths = new Uint16Array(maxId + 1);
    const hashes = new Uint32Array(maxId + 1);
    let n = 0;
    const termIds = new Map<string, number>();
    const local = new Map<number, number>();
    pending.sort((a, b) => a.id - b.id);
    for (const p of pending) {
      local.clear();
      for (const term of p.terms) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = this.vocab.length;
          this.vocab.push(term);
          termIds.set(term, id);
        }
        local.set(id, (local.get(id) ?? 0) + 1);
      }
      lengths[p.id] = Math.min(p.terms.length, 65535);
      hashes[p.id] = hashTerms(p.terms);
      for (const [id, tf] of local) {
        tTerm[n] = id;
        tDoc[n] = p.id;
        tTf[n] = Math.min(tf, 255);
        n++;
      }
    }
    const counts = new Uint32Array(this.vocab.length + 1);
    for (let i = 0; i < n; i++) counts[tTerm[i]! + 1]!++;
    for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
    const offsets = counts.slice();
    const docs = new Int32Array(n);
    const tfs = new Uint8Array(n);
    const cursor = counts; // reused as the write cursor
    for (let i = 0; i < n; i++) {
      const pos = cursor[tTerm[i]!]!++;
      docs[pos] = tDoc[i]!;
      tfs[pos] = tTf[i]!;
    }
    // Counted as `fromSnapshot` counts them (paragraphs with at least one indexed word), so an
    // index read back from the cache weighs terms exactly as the one built here.
    this.install({ vocab: this.vocab, offsets, docs, tfs, lengths, hashes }, indexedParagraphs(lengths));
    return this;
  }

  /** The built index as plain typed arrays, for the cache. */
  snapshot(): IndexSnapshot {
    this.build();
    return { vocab: this.vocab, offsets: this.offsets, docs: this.docs, tfs: this.tfs, lengths: this.lengths, hashes: this.hashes };
  }

  /** An index from a snapshot (no re-tokenising). */
  static fromSnapshot(s: IndexSnapshot): ParagraphIndex {
    const index = new ParagraphIndex();
    index.install(s, indexedParagraphs(s.lengths));
    return index;
  }

  private install(s: IndexSnapshot, docCount: number): void {
    this.vocab = s.vocab;
    this.offsets = s.offsets;
    this.docs = s.docs;
    this.tfs = s.tfs;
    this.lengths = s.lengths;
    this.hashes = s.hashes;
    this.docCount = Math.max(docCount, 1);
    let sum = 0;
    for (let i = 0; i < s.lengths.length; i++) sum += s.lengths[i]!;
    this.avgLength = Math.max(sum / this.docCount, 1);
    const terms = new SearchableMap<number>();
    for (let id = 0; id < s.vocab.length; id++) terms.set(s.vocab[id]!, id);
    this.terms = terms;
    this.prefixes = undefined;
    this.built = true;
  }

  /** The id of an index term (see `snapshot().vocab`), or undefined when no paragraph has it. */
  termId(term: string): number | undefined {
    this.build();
    return this.terms.get(term);
  }

  private df(termId: number): number {
    return this.offsets[termId + 1]! - this.offsets[termId]!;
  }

  /** Index terms starting with `word` (longer than it), most frequent first, bounded. */
  private prefixExpansions(word: string): Expansion[] {
    const out: Expansion[] = [];
    for (const [term, id] of this.terms.atPrefix(word)) {
      if (term === word) continue;
      out.push({ termId: id, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - word.length)) });
    }
    return out.sort((a, b) => this.df(b.termId) - this.df(a.termId)).slice(0, MAX_PREFIX_EXPANSIONS);
  }

  /**
   * Index terms one edit away from `word`: MiniSearch's fuzzy lookup in the vocabulary's radix
   * tree (Levenshtein distance `MAX_FUZZY`), plus swapped neighbouring letters ("hteir" →
   * "their"), which Levenshtein counts as two edits but are found here by exact lookups. Between
   * them they cover every single typo (a letter dropped, added, changed or swapped). Distance 2
   * (which MiniSearch's default allows words of 10+ letters) took 0.2–0.4 ms per long word and was
   * most of the slowest queries, without finding a single extra right answer in the bench's
   * typo queries; it is kept for long unknown words that have no term one edit away.
   */
  private fuzzyExpansions(word: string): Expansion[] {
    if (word.length < 4) return [];
    const found = this.near(word, MAX_FUZZY); // termId → distance
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const id = this.terms.get(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
      if (id !== undefined) found.set(id, 1);
    }
    // A long word the vocabulary does not know, with nothing one edit away, may hold two typos
    // ("fundamantaly"): only then pay for distance 2.
    if (found.size === 0 && word.length >= LONG_WORD && this.terms.get(word) === undefined) return this.weighFuzzy(this.near(word, 2));
    return this.weighFuzzy(found);
  }

  /** Other terms within `distance` edits of `word` (radix-tree lookup), with their distances. */
  private near(word: string, distance: number): Map<number, number> {
    const found = new Map<number, number>();
    for (const [term, [id, d]] of this.terms.fuzzyGet(word, distance)) if (term !== word) found.set(id, d);
    return found;
  }

  /** The closest, most frequent fuzzy terms, weighted as MiniSearch weighs fuzzy matches. */
  private weighFuzzy(found: Map<number, number>): Expansion[] {
    return [...found.entries()]
      .sort((a, b) => a[1] - b[1] || this.df(b[0]) - this.df(a[0]))
      .slice(0, MAX_FUZZY_EXPANSIONS)
      .map(([termId, distance]) => {
        const term = this.vocab[termId]!;
        return { termId, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance) };
      });
  }

  private group(word: string, exps: Expansion[]): Group {
    let size = 0;
    for (const e of exps) size += this.df(e.termId);
    return { word, exps, size };
  }

  /** Groups for the query words: exact terms, prefix on the last word, fuzzy for unknown words. */
  private groups(terms: string[], fuzzyAll: boolean): Group[] {
    return terms.map((word, i) => {
      const exps: Expansion[] = [];
      const id = this.terms.get(word);
      if (id !== undefined) exps.push({ termId: id, weight: 1 });
      if (i === terms.length - 1 && word.length >= 3) exps.push(...this.prefixExpansions(word));
      if (id === undefined || fuzzyAll) exps.push(...this.fuzzyExpansions(word));
      return this.group(word, exps);
    });
  }

  /** Position of `doc` in the postings of `termId`, or -1. */
  private find(termId: number, doc: number): number {
    let lo = this.offsets[termId]!;
    let hi = this.offsets[termId + 1]! - 1;
    const docs = this.docs;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = docs[mid]!;
      if (v === doc) return mid;
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private bm25(tf: number, df: number, length: number): number {
    const idf = Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
    const norm = tf + BM25.k * (1 - BM25.b + (BM25.b * length) / this.avgLength);
    return idf * (BM25.d + (tf * (BM25.k + 1)) / norm);
  }

  /**
   * Score of `doc` for one group (best expansion) and the matched term, or 0 when absent.
   */
  private groupScore(g: Group, doc: number, matched: string[] | null): number {
    let best = 0;
    let bestTerm = -1;
    for (const e of g.exps) {
      const pos = this.find(e.termId, doc);
      if (pos < 0) continue;
      const s = e.weight * this.bm25(this.tfs[pos]!, this.df(e.termId), this.lengths[doc]!);
      if (s > best) {
        best = s;
        bestTerm = e.termId;
      }
    }
    if (matched && bestTerm >= 0) matched.push(this.vocab[bestTerm]!);
    return best;
  }

  /** `groupScore` for ascending docs, advancing one cursor per expansion. */
  private groupScoreAt(g: Group, cursor: number[], doc: number): number {
    let best = 0;
    const docs = this.docs;
    for (let k = 0; k < g.exps.length; k++) {
      const e = g.exps[k]!;
      const end = this.offsets[e.termId + 1]!;
      let lo = cursor[k]!;
      if (lo >= end) continue;
      if (docs[lo]! < doc) {
        // Gallop: docs[lo] < doc; find hi with docs[hi] >= doc (or the end), then binary search.
        let step = 1;
        let hi = lo + 1;
        while (hi < end && docs[hi]! < doc) {
          lo = hi;
          step <<= 1;
          hi = lo + step;
        }
        if (hi > end) hi = end;
        let a = lo + 1;
        let b = hi;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (docs[mid]! < doc) a = mid + 1;
          else b = mid;
        }
        lo = a;
        cursor[k] = lo;
        if (lo >= end) continue;
      }
      if (docs[lo] !== doc) continue;
      const sc = e.weight * this.bm25(this.tfs[lo]!, this.df(e.termId), this.lengths[doc]!);
      if (sc > best) best = sc;
    }
    return best;
  }

  /** Distinct docs in the postings of the given groups, ascending. */
  private union(groups: Group[], filter?: (id: number) => boolean): Int32Array {
    let total = 0;
    for (const g of groups) total += g.size;
    const out = new Int32Array(total);
    let n = 0;
    for (const g of groups) {
      for (const e of g.exps) {
        const end = this.offsets[e.termId + 1]!;
        for (let p = this.offsets[e.termId]!; p < end; p++) out[n++] = this.docs[p]!;
      }
    }
    const all = groups.length === 1 && groups[0]!.exps.length === 1 ? out : out.sort();
    let m = 0;
    for (let i = 0; i < n; i++) {
      const d = all[i]!;
      if (i > 0 && d === all[i - 1]) continue;
      if (filter && !filter(d)) continue;
      all[m++] = d;
    }
    return all.subarray(0, m);
  }

  /**
   * Scores `docs` over all groups, keeping the best `limit`. `required` groups must match (AND);
   * with `minMatched`, at least that many groups must match.
   */
  private rank(docs: Int32Array, groups: Group[], mode: 'and' | 'or', limit: number, weight: number, seen: Map<number, Candidate>): void {
    const top = new TopK(limit);
    // Copies of one paragraph text score alike; keep the first few so the rest of the candidate
    // set stays diverse (the first copies come first: lower ids).
    const copies = new Map<number, number>();
    for (const c of seen.values()) copies.set(this.hashes[c.id]!, (copies.get(this.hashes[c.id]!) ?? 0) + 1);
    // Docs arrive in ascending order, so each posting list is walked forward once (galloping
    // search from a cursor) instead of binary-searched from scratch per doc.
    const order = mode === 'and' ? [...groups].sort((a, b) => a.size - b.size) : groups;
    const cursors = order.map((g) => g.exps.map((e) => this.offsets[e.termId]!));
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      if (seen.has(doc)) continue;
      let score = 0;
      let matched = 0;
      for (let gi = 0; gi < order.length; gi++) {
        const s = this.groupScoreAt(order[gi]!, cursors[gi]!, doc);
        if (s > 0) {
          score += s;
          matched++;
        } else if (mode === 'and') {
          score = -1;
          break;
        }
      }
      if (score <= 0) continue;
      const h = this.hashes[doc]!;
      const n = copies.get(h) ?? 0;
      if (n >= MAX_COPIES) continue;
      copies.set(h, n + 1);
      // As MiniSearch: documents matching more of the query's words rank higher.
      top.push(doc, score * weight * (matched / groups.length));
    }
    for (const { doc, score } of top.sorted()) {
      if (seen.size >= limit) break;
      const terms: string[] = [];
      for (const g of groups) this.groupScore(g, doc, terms);
      seen.set(doc, { id: doc, score, terms });
    }
  }

  /**
   * Parses a query once against this index's vocabulary, for `candidates`, `findPhrase` and the
   * keyword locator (`ParsedQuery.known` says which of its words the indexed paragraphs use).
   */
  parseQuery(text: string): ParsedQuery {
    return parseQuery(text, (norm) => this.termId(norm) !== undefined);
  }

  /** Candidate paragraphs for a query (parsed once by the caller, or a string), best first. */
  candidates(query: string | ParsedQuery, options: CandidateOptions = {}): Candidate[] {
    this.build();
    const want = options.want ?? 10;
    const limit = options.limit ?? 50;
    const terms = [...new Set(asParsedQuery(query).terms)];
    if (terms.length === 0) return [];
    const seen = new Map<number, Candidate>();
    const filter = options.filter;

    // 1. AND over the words the index knows (or can expand), driven by the rarest word.
    let groups = this.groups(terms, false).filter((g) => g.exps.length > 0);
    if (groups.length > 0) {
      const byRarity = [...groups].sort((a, b) => a.size - b.size);
      this.rank(this.union([byRarity[0]!], filter), groups, 'and', limit, 3, seen);
    }
    const allWords = seen.size;
    // 2. OR, candidates from the rarer words only (a paragraph sharing just "said" is no candidate).
    if (seen.size < want && groups.length > 1) this.rankOr(groups, limit, 1, seen, filter);
    // 3. Fuzzy expansion of every word, bounded; only when no paragraph has all the words as typed
    //    (unknown words were already expanded in step 1).
    if (seen.size < want && allWords === 0) {
      groups = this.groups(terms, true).filter((g) => g.exps.length > 0);
      if (groups.length > 0) this.rankOr(groups, limit, 0.5, seen, filter);
    }
    return [...seen.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /**
   * For `/ask`: the ids of the index terms starting with `prefix` (the term itself included), at
   * most `max`, in the vocabulary tree's order. Used to find a question word's inflections and
   * derivations in the vocabulary (the caller checks them with its stemmer and reads their
   * document frequencies by id).
   */
  termIdsWithPrefix(prefix: string, max: number): number[] {
    this.build();
    // The same terms in the same order as `this.terms.atPrefix(prefix)`, without walking the tree.
    this.prefixes ??= new PrefixOrder(this.vocab, this.terms);
    return this.prefixes.idsWithPrefix(prefix, max);
  }

  /** Document frequency of the term with this id (`termId`). */
  documentFrequencyOf(termId: number): number {
    this.build();
    return this.df(termId);
  }

  /** Document frequency of an index term (0 when no paragraph has it). */
  documentFrequency(term: string): number {
    this.build();
    const id = this.terms.get(term);
    return id === undefined ? 0 : this.df(id);
  }

  /** Index terms one typo away from a word the vocabulary lacks (as the search commands expand it). */
  typoTerms(word: string): string[] {
    this.build();
    return this.fuzzyExpansions(word).map((e) => this.vocab[e.termId]!);
  }

  /** Number of indexed paragraphs and their mean length in terms (for callers' own BM25). */
  get stats(): { docs: number; avgLength: number } {
    this.build();
    return { docs: this.docCount, avgLength: this.avgLength };
  }

  /**
   * For `/ask`: paragraphs ranked by a BM25+ sum over groups of weighted index terms (each group
   * scores its best term in a paragraph), the best `limit` first; identical paragraphs at most
   * twice. Every posting of every term is read once (accumulator), so callers keep groups to the
   * words of one question.
   */
  rankGroups(
    /** Per group its terms; a term's `id` (`termId`, −1 for none), when the caller has it, spares a lookup. */
    groups: ReadonlyArray<ReadonlyArray<{ term: string; weight: number; id?: number }>>,
    limit: number,
    filter?: (id: number) => boolean,
  ): Array<{ id: number; score: number; groups: number }> {
    this.build();
    const size = this.lengths.length;
    if (this.acc.length < size) {
      this.acc = new Float64Array(size);
      this.best = new Float64Array(size);
      this.hits = new Uint16Array(size);
    }
    const { acc, best, hits } = this;
    // `bm25` with its parts hoisted out of the posting loop (the same arithmetic, so the same
    // scores): the idf per term, the length normalisation per paragraph length.
    const byLength = this.lengthNorms();
    const { docs, tfs, lengths } = this;
    const k1 = BM25.k + 1;
    // Paragraphs reached (all groups, then this group), in scratch arrays: a common question word
    // reaches thousands, and growing fresh arrays for them was garbage the next minor GC paid for.
    if (this.touched.length < size) {
      this.touched = new Int32Array(size);
      this.groupTouched = new Int32Array(size);
    }
    const { touched: touchedDocs, groupTouched } = this;
    let touched = 0;
    for (const g of groups) {
      let inGroup = 0;
      for (const f of g) {
        const id = f.id === undefined ? this.terms.get(f.term) : f.id >= 0 ? f.id : undefined;
        const weight = f.weight;
        if (id === undefined || weight <= 0) continue;
        const df = this.df(id);
        const idf = Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
        // The loops over postings live in rankKernels.ts, where a full GC cannot deoptimise them.
        inGroup = scorePostings(docs, tfs, lengths, byLength, best, groupTouched, inGroup, this.offsets[id]!, this.offsets[id + 1]!, weight, idf, k1, BM25.d);
      }
      touched = foldGroup(groupTouched, inGroup, best, acc, hits, touchedDocs, touched);
    }
    // Room for copies (replicated corpora hold ten of a paragraph), dropped below.
    const k = limit * 12;
    let cand = touchedDocs;
    let n = touched;
    if (filter) {
      // The group scratch is free now: the paragraphs the filter keeps, in the same order.
      cand = groupTouched;
      n = 0;
      for (let i = 0; i < touched; i++) if (filter(touchedDocs[i]!)) cand[n++] = touchedDocs[i]!;
    }
    const heapDocs = new Int32Array(k);
    const heapScores = new Float64Array(k);
    const found = selectTop(cand, n, acc, hits, Math.max(groups.length, 1), k, heapDocs, heapScores);
    const top: Array<{ doc: number; score: number }> = [];
    for (let i = 0; i < found; i++) top.push({ doc: heapDocs[i]!, score: heapScores[i]! });
    // Compared as b.score - a.score || a.doc - b.doc, returning small integers: a fractional
    // difference is a new heap number per comparison.
    top.sort((a, b) => (b.score > a.score ? 1 : b.score < a.score ? -1 : a.doc - b.doc));
    const out: Array<{ id: number; score: number; groups: number }> = [];
    const copies = new Map<number, number>();
    for (const { doc, score } of top) {
      const h = this.hashes[doc]!;
      const n = copies.get(h) ?? 0;
      if (n >= MAX_COPIES) continue;
      copies.set(h, n + 1);
      out.push({ id: doc, score, groups: hits[doc]! });
      if (out.length >= limit) break;
    }
    clearTouched(touchedDocs, touched, acc, hits);
    return out;
  }

  /**
   * BM25's length normalisation, `k · (1 − b + b · length / avgLength)`, for every paragraph
   * length up to the longest (a few thousand numbers; built once per index).
   */
  private lengthNorms(): Float64Array {
    if (this.normsFor !== this.avgLength || this.normsOf !== this.lengths) {
      let max = 0;
      for (let i = 0; i < this.lengths.length; i++) max = Math.max(max, this.lengths[i]!);
      const norms = new Float64Array(max + 1);
      for (let length = 0; length <= max; length++) norms[length] = BM25.k * (1 - BM25.b + (BM25.b * length) / this.avgLength);
      this.norms = norms;
      this.normsFor = this.avgLength;
      this.normsOf = this.lengths;
    }
    return this.norms;
  }
  private norms = new Float64Array(0);
  private normsFor = -1;
  private normsOf: Uint16Array | null = null;

  /** Scratch accumulators for `rankGroups` (one query at a time: the process is single-threaded). */
  private acc = new Float64Array(0);
  private best = new Float64Array(0);
  private hits = new Uint16Array(0);
  private touched = new Int32Array(0);
  private groupTouched = new Int32Array(0);

  private rankOr(groups: Group[], limit: number, weight: number, seen: Map<number, Candidate>, filter?: (id: number) => boolean): void {
    // A paragraph holding all but one of k words holds one of the two rarest (pigeonhole): those
    // drive; paragraphs sharing only common words ("said", "president") are not worth scoring.
    const byRarity = [...groups].sort((a, b) => a.size - b.size);
    const drivers: Group[] = [];
    let budget = 0;
    for (const g of byRarity) {
      if (drivers.length >= 2 || (drivers.length > 0 && budget + g.size > OR_DRIVER_BUDGET)) break;
      drivers.push(g);
      budget += g.size;
    }
    this.rank(this.union(drivers, filter), groups, 'or', limit, weight, seen);
  }
}

/** Keeps the k highest-scoring docs (ties: lower doc id first, for stable results). */
class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  push(doc: number, score: number): void {
    const { docs, scores, k } = this;
    if (docs.length === k && score <= scores[0]!) return;
    if (docs.length < k) {
      docs.push(doc);
      scores.push(score);
      this.up(docs.length - 1);
    } else {
      docs[0] = doc;
      scores[0] = score;
      this.down(0);
    }
  }

  sorted(): Array<{ doc: number; score: number }> {
    return this.docs.map((doc, i) => ({ doc, score: this.scores[i]! })).sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private less(i: number, j: number): boolean {
    return this.scores[i]! < this.scores[j]! || (this.scores[i] === this.scores[j] && this.docs[i]! > this.docs[j]!);
  }

  private swap(i: number, j: number): void {
    [this.docs[i], this.docs[j]] = [this.docs[j]!, this.docs[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const n = this.docs.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
}

/** FNV-1a over the terms in order (identical paragraphs hash alike). */
function hashTerms(terms: string[]): number {
  let h = 0x811c9dc5;
  for (const t of terms) {
    for (let i = 0; i < t.length; i++) {
      h ^= t.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Paragraphs with at least one indexed word: the document count BM25's idf uses. */
function indexedParagraphs(lengths: Uint16Array): number {
  let n = 0;
  for (let i = 0; i < lengths.length; i++) if (lengths[i]! > 0) n++;
  return n;
}
