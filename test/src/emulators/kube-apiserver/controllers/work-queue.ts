import { ApiError } from '../api/api-error.js';

/**
 * A tiny controller work queue: keyed, coalescing, run on the next macrotask so controllers never write inside a
 * store listener. A 409 (someone else wrote first) retries shortly; other failures are reported and dropped.
 */
export class WorkQueue {
  private readonly pending = new Map<string, () => void>();
  private scheduled = false;
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly onError: (key: string, err: unknown) => void = () => undefined) {}

  /** Queues `work` under `key`; a key already queued runs once. */
  add(key: string, work: () => void): void {
    if (this.stopped) return;
    this.pending.set(key, work);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  /** Stops all future work. */
  stop(): void {
    this.stopped = true;
    this.pending.clear();
    for (const t of this.timers) clearTimeout(t);
  }

  private drain(): void {
    this.scheduled = false;
    const batch = [...this.pending.entries()];
    this.pending.clear();
    for (const [key, work] of batch) {
      if (this.stopped) return;
      try {
        work();
      } catch (err) {
        if (err instanceof ApiError && err.code === 409) this.retryLater(key, work);
        else if (!(err instanceof ApiError && err.code === 404)) this.onError(key, err);
      }
    }
  }

  private retryLater(key: string, work: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.add(key, work);
    }, 5);
    this.timers.add(t);
  }
}
