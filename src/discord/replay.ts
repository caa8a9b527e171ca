/**
 * Interaction ids this process has already taken on, so that the same interaction delivered
 * twice (a replayed signed HTTP request, ten copies sent at once, a duplicated gateway event) is
 * executed once. Bounded in time and size; per process — see docs/scaling.md for replicas.
 */

/** A signed HTTP request is accepted within ±5 min of its timestamp, and a token lives 15 min. */
export const REPLAY_TTL_MS = 15 * 60_000;
/** At most this many ids are remembered (a few MB); past it the oldest are forgotten first. */
export const REPLAY_MAX_IDS = 50_000;

export interface ReplayGuard {
  /** True the first time `id` is seen (and remembers it); false for a replay. */
  firstTime(id: string): boolean;
  /** Ids currently remembered (for tests). */
  readonly size: number;
}

/** Creates a guard; `now` is injectable for tests. */
export function createReplayGuard(options: { maxIds?: number; ttlMs?: number; now?: () => number } = {}): ReplayGuard {
  const maxIds = Math.max(1, options.maxIds ?? REPLAY_MAX_IDS);
  const ttlMs = options.ttlMs ?? REPLAY_TTL_MS;
  const now = options.now ?? Date.now;
  /** id → when it was first seen; a Map iterates in insertion order, so the oldest come first. */
  const seen = new Map<string, number>();

  function forgetOld(t: number): void {
    for (const [id, at] of seen) {
      if (t - at < ttlMs && seen.size < maxIds) break;
      seen.delete(id);
    }
  }

  return {
    firstTime(id) {
      const t = now();
      forgetOld(t);
      if (seen.has(id)) return false;
      seen.set(id, t);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
