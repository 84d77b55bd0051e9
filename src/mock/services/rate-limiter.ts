import type { RateLimit } from '../../openapi';

/**
 * The requests each credential made in the last window of the mock's clock, to hold a client to the rate
 * limit its vendor documents. A sliding window: at most `requests` in any `seconds`; a refused request is
 * not counted, so waiting what `Retry-After` says is always enough.
 */
export class RateLimiter {
  /** Times (ms on the mock's clock) of the counted requests, oldest first, by credential. */
  private readonly windows = new Map<string, number[]>();

  /** How many credentials it tracks at most: a client minting tokens cannot grow it without bound. */
  constructor(private readonly maxKeys = 10_000) {}

  /** Counts a request and answers undefined, or, over the limit, the whole seconds to wait. */
  take(key: string, limit: RateLimit, now: number): number | undefined {
    const windowMs = limit.seconds * 1000;
    let times = this.windows.get(key);
    if (!times) {
      if (this.windows.size >= this.maxKeys) this.windows.clear();
      times = [];
      this.windows.set(key, times);
    }
    while (times.length > 0 && times[0] <= now - windowMs) times.shift();
    if (times.length >= limit.requests) return Math.max(1, Math.ceil((times[0] + windowMs - now) / 1000));
    times.push(now);
    return undefined;
  }

  clear(): void {
    this.windows.clear();
  }
}
