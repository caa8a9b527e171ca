/**
 * The vocabulary's terms starting with a prefix, in the radix tree's own order, from two typed
 * arrays instead of the tree's iterator.
 *
 * Why: `/ask` looks up every new question word's inflections among the terms sharing its first
 * letters (150 at most) and 40 more per WordNet synonym. `SearchableMap.atPrefix` walks the tree
 * with an iterator that builds each key from its path and a `[key, value]` pair per term: that was
 * a third of the time of a question word asked for the first time, and much of its garbage.
 *
 * The order is kept, not just the set, because callers take the first `max` terms: the tree
 * iterates depth first, so the terms under one prefix are one contiguous run of the whole tree's
 * iteration order, in the same order as `atPrefix(prefix)` gives them. The run's length comes
 * from the terms sorted by code unit (a prefix's terms are a contiguous run there too, found by
 * bisection), its start is the earliest tree position among them.
 */
import type SearchableMap from 'minisearch/SearchableMap';

export class PrefixOrder {
  /** Term ids in the radix tree's iteration order. */
  private readonly order: Int32Array;
  /** Per term id, its position in `order`. */
  private readonly rankOf: Int32Array;
  /** Term ids sorted by term (code unit order, as `<` compares strings). */
  private readonly sorted: Int32Array;

  constructor(
    private readonly vocab: readonly string[],
    tree: SearchableMap<number>,
  ) {
    const n = vocab.length;
    this.order = new Int32Array(n);
    this.rankOf = new Int32Array(n);
    let i = 0;
    for (const id of tree.values()) {
      this.order[i] = id;
      this.rankOf[id] = i++;
    }
    if (i !== n) throw new Error(`PrefixOrder: the tree holds ${i} terms, the vocabulary ${n}`);
    this.sorted = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => (vocab[a]! < vocab[b]! ? -1 : vocab[a]! > vocab[b]! ? 1 : 0));
  }

  /**
   * Up to `max` term ids starting with `prefix` (the term itself included), in the order
   * `tree.atPrefix(prefix)` iterates them. Empty for an empty prefix.
   */
  idsWithPrefix(prefix: string, max: number): number[] {
    const out: number[] = [];
    if (!prefix || max <= 0) return out;
    const { vocab, sorted } = this;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocab[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    let first = this.order.length;
    let count = 0;
    for (let k = lo; k < sorted.length; k++) {
      const id = sorted[k]!;
      if (!vocab[id]!.startsWith(prefix)) break;
      if (this.rankOf[id]! < first) first = this.rankOf[id]!;
      count++;
    }
    const end = first + Math.min(count, max);
    for (let r = first; r < end; r++) out.push(this.order[r]!);
    return out;
  }
}
