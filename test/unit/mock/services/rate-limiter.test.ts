import { RateLimiter } from '../../../../src/mock/services/rate-limiter';

const LIMIT = { requests: 3, seconds: 10 };

describe('RateLimiter: a sliding window per key', () => {
  it('counts up to the limit, then answers the whole seconds until the oldest leaves the window', () => {
    const limiter = new RateLimiter();
    expect([0, 2_000, 4_000].map((t) => limiter.take('a', LIMIT, t))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(limiter.take('a', LIMIT, 4_500)).toBe(6);
    expect(limiter.take('a', LIMIT, 9_999)).toBe(1);
    // The first request leaves the window at 10 s: one more fits, not two.
    expect(limiter.take('a', LIMIT, 10_000)).toBeUndefined();
    expect(limiter.take('a', LIMIT, 10_000)).toBe(2);
  });

  it('keeps each key its own count, and forgets everything on clear', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 3; i++) limiter.take('a', LIMIT, 0);
    expect(limiter.take('a', LIMIT, 0)).toBe(10);
    expect(limiter.take('b', LIMIT, 0)).toBeUndefined();
    limiter.clear();
    expect(limiter.take('a', LIMIT, 0)).toBeUndefined();
  });

  it('tracks at most its number of keys', () => {
    const limiter = new RateLimiter(2);
    for (let i = 0; i < 3; i++) limiter.take('a', LIMIT, 0);
    limiter.take('b', LIMIT, 0);
    // A third key starts afresh: the oldest counts are dropped rather than grown without bound.
    limiter.take('c', LIMIT, 0);
    expect(limiter.take('a', LIMIT, 0)).toBeUndefined();
  });
});
