/**
 * Admission control for one store's Connect requests:
 *
 * - after a 429, nothing is sent until `Retry-After` has passed; callers get a
 *   {@link RateLimitedError} carrying the time left, whose message names the store and the moment
 *   requests resume;
 * - with a request budget (requests per hour), requests take turns from a token bucket holding at
 *   most one minute's worth, so a burst is spread out rather than refused. A caller whose turn is
 *   further away than `maxWaitMs` gets a {@link RateLimitedError} instead of waiting.
 */
import { RateLimitedError, sleep, type Clock } from '@tessera/core';

/** Options of {@link RequestGate}. */
export interface RequestGateOptions {
  readonly clock: Clock;
  /** Human-readable store name for messages. */
  readonly storeName: string;
  /** @default undefined (no budget) */
  readonly requestsPerHour?: number;
  /** Longest a request waits for its turn before failing with RateLimitedError. @default 10_000 */
  readonly maxWaitMs?: number;
}

/** Admission control shared by every client of one store. */
export class RequestGate {
  #blockedUntil = 0;
  #tokens = 0;
  #refilledAt: number;
  #requestsPerHour: number | undefined;
  readonly #clock: Clock;
  readonly #maxWaitMs: number;
  readonly #storeName: string;

  constructor(options: RequestGateOptions) {
    this.#clock = options.clock;
    this.#storeName = options.storeName;
    this.#maxWaitMs = options.maxWaitMs ?? 10_000;
    this.#refilledAt = this.#clock.now();
    this.configure(options.requestsPerHour);
  }

  /** Changes the budget (a new store generation may carry a new annotation); keeps any 429 block. */
  configure(requestsPerHour: number | undefined): void {
    if (requestsPerHour === this.#requestsPerHour) return;
    this.#requestsPerHour = requestsPerHour;
    this.#tokens = requestsPerHour === undefined ? 0 : this.#capacity();
    this.#refilledAt = this.#clock.now();
  }

  /** Milliseconds until requests may be sent again after a 429 (0 when not blocked). */
  blockedForMs(): number {
    return Math.max(0, this.#blockedUntil - this.#clock.now());
  }

  /**
   * Records a 429: nothing is admitted for `retryAfterMs`. Returns the error to raise for it;
   * `answer` says what Connect answered (e.g. `HTTP 429: Too Many Requests`).
   */
  block(retryAfterMs: number, answer = 'HTTP 429'): RateLimitedError {
    this.#blockedUntil = Math.max(this.#blockedUntil, this.#clock.now() + retryAfterMs);
    return this.#blockedError(answer, '');
  }

  /** Resolves when one request may be sent; throws {@link RateLimitedError} when it may not be sent soon. */
  async admit(): Promise<void> {
    this.#throwIfBlocked();
    const wait = this.#reserve();
    if (wait <= 0) return;
    await sleep(this.#clock, wait);
    this.#throwIfBlocked();
  }

  #throwIfBlocked(): void {
    if (this.blockedForMs() > 0) throw this.#blockedError('HTTP 429', 'another ');
  }

  #blockedError(answer: string, another: string): RateLimitedError {
    const left = this.blockedForMs();
    const until = new Date(this.#blockedUntil).toISOString();
    return new RateLimitedError(
      `1Password Connect rate-limited store ${this.#storeName} (${answer}); nothing is sent to it for ${another}${Math.ceil(left / 1000)}s, until ${until} (Retry-After)`,
      left,
    );
  }

  /** Takes a token; returns how long the caller must wait for it (0 when available now). */
  #reserve(): number {
    const perHour = this.#requestsPerHour;
    if (perHour === undefined) return 0;
    const now = this.#clock.now();
    const perMs = perHour / 3_600_000;
    this.#tokens = Math.min(this.#capacity(), this.#tokens + (now - this.#refilledAt) * perMs);
    this.#refilledAt = now;
    const wait = this.#tokens >= 1 ? 0 : Math.ceil((1 - this.#tokens) / perMs);
    if (wait > this.#maxWaitMs) {
      throw new RateLimitedError(
        `store ${this.#storeName} has used its budget of ${perHour} 1Password requests per hour; the next request can go in ${Math.ceil(wait / 1000)}s`,
        wait,
      );
    }
    this.#tokens -= 1;
    return wait;
  }

  #capacity(): number {
    return Math.max(1, Math.ceil((this.#requestsPerHour ?? 0) / 60));
  }
}
