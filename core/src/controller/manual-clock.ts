import type { Clock, TimerHandle } from './clock.js';

interface PendingTimer {
  readonly id: number;
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
}

/**
 * A {@link Clock} that only moves when a test says so. `advance(ms)` fires due timers in time order
 * and lets promise chains settle between them, so code that awaits timers runs deterministically.
 */
export class ManualClock implements Clock {
  private current: number;
  private readonly pending = new Map<number, PendingTimer>();
  private nextId = 1;
  private seq = 0;

  /** @param start epoch milliseconds to start at. @default 1_700_000_000_000 */
  constructor(start = 1_700_000_000_000) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.pending.set(id, { id, at: this.current + Math.max(0, ms), seq: this.seq++, fn });
    return { id };
  }

  clearTimer(handle: TimerHandle): void {
    this.pending.delete(handle.id);
  }

  /** Number of timers not yet fired or cancelled. */
  get pendingTimers(): number {
    return this.pending.size;
  }

  /** Moves time forward by `ms`, firing every timer that falls due (including ones set while advancing). */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await settle();
    for (;;) {
      const next = this.earliest();
      if (next === undefined || next.at > target) break;
      this.pending.delete(next.id);
      this.current = Math.max(this.current, next.at);
      next.fn();
      await settle();
    }
    this.current = target;
    await settle();
  }

  /** Fires timers that are already due without moving time. */
  async flush(): Promise<void> {
    await this.advance(0);
  }

  private earliest(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timer of this.pending.values()) {
      if (best === undefined || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq))
        best = timer;
    }
    return best;
  }
}

/** Lets pending promise callbacks run (a few macrotask turns, enough for chains of awaits). */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
