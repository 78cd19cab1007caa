import { ManualClock } from './manual-clock.js';
import {
  BucketRateLimiter,
  ExponentialBackoffLimiter,
  MaxOfRateLimiter,
  TokenBucket,
  defaultControllerRateLimiter,
} from './rate-limiter.js';

describe('ExponentialBackoffLimiter', () => {
  it('doubles the delay from 5 ms per failure of the same key', () => {
    const limiter = new ExponentialBackoffLimiter();
    expect([1, 2, 3, 4].map(() => limiter.when('a'))).toEqual([5, 10, 20, 40]);
    expect(limiter.retries('a')).toBe(4);
  });

  it('keeps separate histories per key and forgets on success', () => {
    const limiter = new ExponentialBackoffLimiter({ baseDelayMs: 1 });
    limiter.when('a');
    limiter.when('a');
    expect(limiter.when('b')).toBe(1);
    limiter.forget('a');
    expect(limiter.retries('a')).toBe(0);
    expect(limiter.when('a')).toBe(1);
  });

  it('never waits longer than the ceiling, even after very many failures', () => {
    const limiter = new ExponentialBackoffLimiter();
    let last = 0;
    for (let i = 0; i < 2000; i++) last = limiter.when('a');
    expect(last).toBe(1_000_000);
  });
});

describe('TokenBucket', () => {
  it('serves a burst at once, then spaces requests at the rate', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ qps: 10, burst: 3, clock });
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 0]);
    expect(bucket.reserve()).toBe(100);
    expect(bucket.reserve()).toBe(200);
  });

  it('refills over time up to the burst size', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ qps: 10, burst: 2, clock });
    bucket.reserve();
    bucket.reserve();
    await clock.advance(10_000);
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 100]);
  });

  it('is unlimited when qps is zero', () => {
    const bucket = new TokenBucket({ qps: 0, burst: 1, clock: new ManualClock() });
    for (let i = 0; i < 1000; i++) expect(bucket.reserve()).toBe(0);
  });
});

describe('MaxOfRateLimiter', () => {
  it('waits as long as the slowest limiter asks', () => {
    const clock = new ManualClock();
    const limiter = new MaxOfRateLimiter(
      new ExponentialBackoffLimiter({ baseDelayMs: 1 }),
      new BucketRateLimiter({ qps: 1, burst: 1, clock }),
    );
    expect(limiter.when('a')).toBe(1);
    expect(limiter.when('b')).toBe(1000);
    expect(limiter.retries('a')).toBe(1);
  });

  it('default controller limiter: backoff starts at 5 ms within the 100-token burst', () => {
    const limiter = defaultControllerRateLimiter({ clock: new ManualClock() });
    expect(limiter.when('x')).toBe(5);
    limiter.forget('x');
    expect(limiter.retries('x')).toBe(0);
  });
});
