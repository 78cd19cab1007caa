/**
 * Time as the controller runtime sees it. Everything that waits (work queue delays, rate limiters,
 * leader election, event aggregation) takes a {@link Clock} so unit tests can drive time by hand
 * with {@link ManualClock} instead of sleeping.
 */

/** An opaque handle returned by {@link Clock.setTimer}. */
export interface TimerHandle {
  readonly id: number;
}

/** A source of wall-clock time and one-shot timers. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `fn` once after `ms` milliseconds (0 or less: on the next turn). */
  setTimer(fn: () => void, ms: number): TimerHandle;
  /** Cancels a timer; cancelling a fired or cancelled timer does nothing. */
  clearTimer(handle: TimerHandle): void;
}

/**
 * Resolves after `ms` on `clock`, or at once with `false` when `signal` aborts (true otherwise).
 * Never rejects, so loops can `while (await sleep(...))`.
 */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clock.clearTimer(handle);
      resolve(false);
    };
    const handle = clock.setTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The real clock: `Date.now()` and Node timers (unref'd so they never keep the process alive alone). */
export class SystemClock implements Clock {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private nextId = 1;

  now(): number {
    return Date.now();
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    const timer = setTimeout(
      () => {
        this.timers.delete(id);
        fn();
      },
      Math.max(0, ms),
    );
    timer.unref();
    this.timers.set(id, timer);
    return { id };
  }

  clearTimer(handle: TimerHandle): void {
    const timer = this.timers.get(handle.id);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.timers.delete(handle.id);
    }
  }
}

/** The process-wide real clock. */
export const systemClock: Clock = new SystemClock();
