import type { StoreEvent } from '../storage/object-store.js';

/** What a resume request gets: the events to replay, or the oldest resourceVersion still available. */
export type ReplayResult = { readonly events: readonly StoreEvent[] } | { readonly expiredOldest: number };

/**
 * A bounded window of past events of one storage bucket, like the apiserver's watch cache. Resuming from a
 * resourceVersion older than the window is answered with 410 Expired.
 */
export class WatchHistory {
  private events: StoreEvent[] = [];
  private start = 0;
  /** Every event with rv > floor is retained. */
  private floor = 0;

  constructor(private readonly capacity: number) {}

  /** Appends an event, evicting the oldest beyond capacity. */
  append(event: StoreEvent): void {
    this.events.push(event);
    while (this.events.length - this.start > this.capacity) this.floor = this.events[this.start++].rv;
    if (this.start > 1024 && this.start * 2 > this.events.length) {
      this.events = this.events.slice(this.start);
      this.start = 0;
    }
  }

  /** Forgets every event up to `rv` (an etcd compaction): resumes from older versions then expire. */
  compact(rv: number): void {
    while (this.start < this.events.length && this.events[this.start].rv <= rv) this.start++;
    this.floor = Math.max(this.floor, rv);
  }

  /** Events after `rv` in order, or the expiry marker when `rv` is older than the window. */
  since(rv: number): ReplayResult {
    if (rv < this.floor) return { expiredOldest: this.floor + 1 };
    let lo = this.start;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events[mid].rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return { events: this.events.slice(lo) };
  }
}
