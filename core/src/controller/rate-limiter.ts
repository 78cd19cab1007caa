/**
 * Rate limiters for the work queue, after client-go's `workqueue` package: a per-key exponential
 * backoff for failures and a global token bucket, combined by taking the longer delay.
 */
import { systemClock, type Clock } from './clock.js';

/** Decides how long a key waits before it is retried. */
export interface RateLimiter {
  /** Delay in ms before `key` may be processed again; each call counts as one more failure. */
  when(key: string): number;
  /** Clears the key's failure history (call after a success). */
  forget(key: string): void;
  /** How many failures have been counted for `key` since it was last forgotten. */
  retries(key: string): number;
}

/** Options of {@link ExponentialBackoffLimiter}. */
export interface ExponentialBackoffOptions {
  /** First delay. @default 5 */
  readonly baseDelayMs?: number;
  /** Ceiling. @default 1_000_000 (about 16.7 minutes, as client-go) */
  readonly maxDelayMs?: number;
}

/** Per-key exponential backoff: base · 2^failures, capped. Memory is one entry per failing key. */
export class ExponentialBackoffLimiter implements RateLimiter {
  private readonly failures = new Map<string, number>();
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(options: ExponentialBackoffOptions = {}) {
    this.baseDelayMs = options.baseDelayMs ?? 5;
    this.maxDelayMs = options.maxDelayMs ?? 1_000_000;
  }

  when(key: string): number {
    const exponent = this.failures.get(key) ?? 0;
    this.failures.set(key, exponent + 1);
    const delay = this.baseDelayMs * 2 ** exponent;
    return Number.isFinite(delay) ? Math.min(delay, this.maxDelayMs) : this.maxDelayMs;
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  retries(key: string): number {
    return this.failures.get(key) ?? 0;
  }
}

/** Options of {@link TokenBucket}. */
export interface TokenBucketOptions {
  /** Tokens added per second; 0 or less means unlimited. */
  readonly qps: number;
  /** Bucket size (and initial fill). */
  readonly burst: number;
  /** @default systemClock */
  readonly clock?: Clock;
}

/**
 * A token bucket with reservations (like Go's `rate.Limiter.Reserve`): every call takes a token now,
 * possibly going into debt, and returns how long the caller must wait for that token to exist.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly clock: Clock;

  constructor(private readonly options: TokenBucketOptions) {
    this.clock = options.clock ?? systemClock;
    this.tokens = Math.max(1, options.burst);
    this.last = this.clock.now();
  }

  /** Takes one token; returns the ms to wait before using it (0 when one was available). */
  reserve(): number {
    if (this.options.qps <= 0) return 0;
    const now = this.clock.now();
    const refill = ((now - this.last) * this.options.qps) / 1000;
    this.tokens = Math.min(Math.max(1, this.options.burst), this.tokens + refill);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.options.qps);
  }
}

/** A global token bucket as a {@link RateLimiter}: every retry of every key shares it. */
export class BucketRateLimiter implements RateLimiter {
  private readonly bucket: TokenBucket;

  constructor(options: TokenBucketOptions) {
    this.bucket = new TokenBucket(options);
  }

  when(): number {
    return this.bucket.reserve();
  }

  forget(): void {}

  retries(): number {
    return 0;
  }
}

/** Combines limiters: the delay is the longest any of them asks for. */
export class MaxOfRateLimiter implements RateLimiter {
  private readonly limiters: readonly RateLimiter[];

  constructor(...limiters: RateLimiter[]) {
    this.limiters = limiters;
  }

  when(key: string): number {
    return Math.max(0, ...this.limiters.map((limiter) => limiter.when(key)));
  }

  forget(key: string): void {
    for (const limiter of this.limiters) limiter.forget(key);
  }

  retries(key: string): number {
    return Math.max(0, ...this.limiters.map((limiter) => limiter.retries(key)));
  }
}

/** Options of {@link defaultControllerRateLimiter}. */
export interface ControllerRateLimiterOptions extends ExponentialBackoffOptions {
  /** Global retry rate. @default 10 */
  readonly qps?: number;
  /** Global retry burst. @default 100 */
  readonly burst?: number;
  /** @default systemClock */
  readonly clock?: Clock;
}

/** client-go's default: per-key backoff 5 ms → ~16.7 min, and a global 10 qps / burst 100 bucket. */
export function defaultControllerRateLimiter(options: ControllerRateLimiterOptions = {}): RateLimiter {
  return new MaxOfRateLimiter(
    new ExponentialBackoffLimiter(options),
    new BucketRateLimiter({ qps: options.qps ?? 10, burst: options.burst ?? 100, clock: options.clock }),
  );
}
