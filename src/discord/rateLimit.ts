/**
 * Per-user token bucket: a burst up to `perMinute`, refilled continuously at `perMinute` per
 * minute. No timers (nothing to clean up on shutdown); idle buckets are dropped lazily.
 */
export interface RateLimiter {
  /** Takes one token for `key`; returns 0 when allowed, else milliseconds until the next token. */
  take(key: string): number;
}

const SWEEP_AT = 10_000;

/** Creates a limiter; `now` is injectable for tests. */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const capacity = Math.max(1, perMinute);
  const perMs = capacity / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function refill(b: { tokens: number; at: number }, t: number) {
    b.tokens = Math.min(capacity, b.tokens + (t - b.at) * perMs);
    b.at = t;
  }

  return {
    take(key) {
      const t = now();
      if (buckets.size > SWEEP_AT) {
        // A full bucket is the same as no bucket; forgetting it bounds memory.
        for (const [k, b] of buckets) {
          refill(b, t);
          if (b.tokens >= capacity) buckets.delete(k);
        }
      }
      let b = buckets.get(key);
      if (!b) {
        b = { tokens: capacity, at: t };
        buckets.set(key, b);
      }
      refill(b, t);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - b.tokens) / perMs);
    },
  };
}
