/**
 * A keyed, de-duplicating work queue in the manner of client-go's `workqueue`: a key is queued at
 * most once (`dirty`), is handed to at most one worker at a time (`processing`), and a key re-added
 * while it is being processed is queued again when its worker calls {@link WorkQueue.done}.
 *
 * Tessera additions: two lanes, so new or changed objects (`high`) are served before periodic
 * refreshes (`low`); delayed adds kept in one heap behind one timer, with optional jitter.
 */
import { systemClock, type Clock, type TimerHandle } from './clock.js';
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiter.js';
import { DelayHeap } from './work-queue-delay-heap.js';

/** `high`: an object was created or changed, or a retry. `low`: a periodic refresh. */
export type QueuePriority = 'high' | 'low';

/** Receives queue figures for metrics. */
export interface WorkQueueObserver {
  /** Called whenever the number of queued (not in-flight, not delayed) keys changes. */
  depth(depth: number): void;
  /** Called for every accepted add. */
  added(): void;
  /** Called for every {@link WorkQueue.addRateLimited}. */
  retried(): void;
}

/** Options of {@link WorkQueue}. */
export interface WorkQueueOptions {
  /** Retry delays for {@link WorkQueue.addRateLimited}. @default defaultControllerRateLimiter({ clock }) */
  readonly rateLimiter?: RateLimiter;
  /** @default systemClock */
  readonly clock?: Clock;
  /** Random numbers in [0, 1) for jitter. @default Math.random */
  readonly random?: () => number;
  /** @default no metrics */
  readonly observer?: WorkQueueObserver;
}

/** Options of {@link WorkQueue.add}. */
export interface AddOptions {
  /** @default 'high' */
  readonly priority?: QueuePriority;
}

/** Options of {@link WorkQueue.addAfter}. */
export interface AddAfterOptions {
  /** @default 'low' (delayed adds are usually refreshes) */
  readonly priority?: QueuePriority;
  /** Adds up to `jitter × delay` at random, so refreshes of many keys spread out. @default 0 */
  readonly jitter?: number;
}

type Waiter = (key: string | undefined) => void;

/** See the module comment. Keys are strings (see `objectKeyToString`). */
export class WorkQueue {
  private readonly high = new Set<string>();
  private readonly low = new Set<string>();
  private readonly dirty = new Map<string, QueuePriority>();
  private readonly processing = new Set<string>();
  private readonly waiters: Waiter[] = [];
  private readonly delayed = new DelayHeap<string>();
  private readonly delayedAt = new Map<string, { at: number; priority: QueuePriority }>();
  private timer: TimerHandle | undefined;
  private timerAt = Infinity;
  private shutdown = false;
  private drainWaiters: (() => void)[] = [];
  private readonly rateLimiter: RateLimiter;
  private readonly clock: Clock;
  private readonly random: () => number;

  constructor(private readonly options: WorkQueueOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.rateLimiter = options.rateLimiter ?? defaultControllerRateLimiter({ clock: this.clock });
    this.random = options.random ?? Math.random;
  }

  /** Queued keys (not counting in-flight or delayed ones). */
  get length(): number {
    return this.high.size + this.low.size;
  }

  /** Keys currently handed to workers. */
  get inFlight(): number {
    return this.processing.size;
  }

  /** Keys waiting for a delayed add. */
  get delayedCount(): number {
    return this.delayedAt.size;
  }

  get shuttingDown(): boolean {
    return this.shutdown;
  }

  /** Queues `key` now. A queued key is not duplicated; a `high` add promotes a queued `low` key. */
  add(key: string, options: AddOptions = {}): void {
    if (this.shutdown) return;
    const priority = options.priority ?? 'high';
    const queued = this.dirty.get(key);
    if (queued !== undefined) {
      if (queued === 'low' && priority === 'high') this.promote(key);
      return;
    }
    this.dirty.set(key, priority);
    this.options.observer?.added();
    if (this.processing.has(key)) return;
    (priority === 'high' ? this.high : this.low).add(key);
    this.changed();
  }

  /** Queues `key` after `delayMs`. When the key already has an earlier delayed add, the earlier one wins. */
  addAfter(key: string, delayMs: number, options: AddAfterOptions = {}): void {
    if (this.shutdown) return;
    const priority = options.priority ?? 'low';
    const delay = delayMs + delayMs * (options.jitter ?? 0) * this.random();
    if (delay <= 0) return this.add(key, { priority });
    const at = this.clock.now() + delay;
    const existing = this.delayedAt.get(key);
    if (existing !== undefined && existing.at <= at) {
      if (priority === 'high') existing.priority = 'high';
      return;
    }
    const merged: QueuePriority = existing?.priority === 'high' ? 'high' : priority;
    this.delayedAt.set(key, { at, priority: merged });
    this.delayed.push(at, key);
    this.arm();
  }

  /** Queues `key` after the rate limiter's delay (counts one failure). */
  addRateLimited(key: string): void {
    if (this.shutdown) return;
    this.options.observer?.retried();
    this.addAfter(key, this.rateLimiter.when(key), { priority: 'high' });
  }

  /** Clears the key's failure history. */
  forget(key: string): void {
    this.rateLimiter.forget(key);
  }

  /** Failures counted for `key`. */
  retries(key: string): number {
    return this.rateLimiter.retries(key);
  }

  /**
   * Waits for the next key and marks it in flight; the caller must call {@link done}. Resolves
   * `undefined` once the queue shuts down or `signal` aborts (queued keys are then left unserved).
   */
  get(signal?: AbortSignal): Promise<string | undefined> {
    if (this.shutdown || signal?.aborted) return Promise.resolve(undefined);
    const key = this.take();
    if (key !== undefined) return Promise.resolve(key);
    return new Promise((resolve) => {
      const waiter: Waiter = (value) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        resolve(undefined);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Marks `key` as finished; if it was re-added meanwhile it is queued again. */
  done(key: string): void {
    if (!this.processing.delete(key)) return;
    const priority = this.dirty.get(key);
    if (priority !== undefined && !this.shutdown) {
      (priority === 'high' ? this.high : this.low).add(key);
      this.changed();
    }
    if (this.processing.size === 0) this.notifyDrained();
  }

  /** Stops intake: adds are ignored, waiting and future `get`s resolve `undefined`, delayed adds are dropped. */
  shutDown(): void {
    if (this.shutdown) return;
    this.shutdown = true;
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.delayed.clear();
    this.delayedAt.clear();
    for (const waiter of this.waiters.splice(0)) waiter(undefined);
    if (this.processing.size === 0) this.notifyDrained();
  }

  /** {@link shutDown}, then resolves once every in-flight key is done. */
  async shutDownWithDrain(): Promise<void> {
    this.shutDown();
    await this.drained();
  }

  /** Resolves when no key is in flight. */
  drained(): Promise<void> {
    if (this.processing.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private promote(key: string): void {
    this.dirty.set(key, 'high');
    if (this.low.delete(key)) this.high.add(key);
  }

  private take(): string | undefined {
    const lane = this.high.size > 0 ? this.high : this.low;
    const next = lane.values().next();
    if (next.done === true) return undefined;
    const key = next.value;
    lane.delete(key);
    this.dirty.delete(key);
    this.processing.add(key);
    this.options.observer?.depth(this.length);
    return key;
  }

  private changed(): void {
    this.options.observer?.depth(this.length);
    while (this.waiters.length > 0 && this.length > 0) {
      const waiter = this.waiters.shift() as Waiter;
      waiter(this.take());
    }
  }

  private arm(): void {
    const next = this.delayed.peek();
    if (next === undefined || next.at >= this.timerAt) return;
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timerAt = next.at;
    this.timer = this.clock.setTimer(() => this.fire(), next.at - this.clock.now());
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.clock.now();
    for (let next = this.delayed.peek(); next !== undefined && next.at <= now; next = this.delayed.peek()) {
      this.delayed.pop();
      const pending = this.delayedAt.get(next.value);
      if (pending === undefined || pending.at !== next.at) continue;
      this.delayedAt.delete(next.value);
      this.add(next.value, { priority: pending.priority });
    }
    this.arm();
  }

  private notifyDrained(): void {
    for (const resolve of this.drainWaiters.splice(0)) resolve();
  }
}
