/**
 * The vocabulary's terms starting with a prefix, in the radix tree's own order, read from a typed
 * array instead of the tree's iterator.
 *
 * Why: `/ask` looks up every new question word's inflections among the terms sharing its first
 * letters (150 at most) and 40 more per WordNet synonym. `SearchableMap.atPrefix` walks the tree
 * with an iterator that builds each key from its path and a `[key, value]` pair per term: that was
 * a third of the time of a question word asked for the first time, and much of its garbage.
 *
 * The order is kept, not just the set, because callers take the first `max` terms: the tree
 * iterates depth first, so the terms under one prefix are one contiguous run of the whole tree's
 * iteration order, in the order `atPrefix(prefix)` gives them, and no term outside the run starts
 * with the prefix (a radix tree keeps them all under the prefix's node). The run starts at the
 * first term `atPrefix` yields (one step of its iterator) and ends at the first term without the
 * prefix.
 */
import type SearchableMap from 'minisearch/SearchableMap';

export class PrefixOrder {
  /** Term ids in the radix tree's iteration order. */
  private readonly order: Int32Array;
  /** Per term id, its position in `order`. */
  private readonly rankOf: Int32Array;

  constructor(
    private readonly vocab: readonly string[],
    private readonly tree: SearchableMap<number>,
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
  }

  /**
   * Up to `max` term ids starting with `prefix` (the term itself included), in the order
   * `tree.atPrefix(prefix)` iterates them. Empty for an empty prefix.
   */
  idsWithPrefix(prefix: string, max: number): number[] {
    const out: number[] = [];
    if (!prefix || max <= 0) return out;
    const first = this.tree.atPrefix(prefix).values().next();
    if (first.done) return out;
    const { vocab, order } = this;
    for (let r = this.rankOf[first.value]!; r < order.length && out.length < max; r++) {
      const id = order[r]!;
      if (!vocab[id]!.startsWith(prefix)) break;
      out.push(id);
    }
    return out;
  }
}
