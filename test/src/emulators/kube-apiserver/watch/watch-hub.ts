import type { ObjectStore, StoreEvent } from '../storage/object-store.js';
import { WatchHistory, type ReplayResult } from './watch-history.js';

/** A live watch on one storage bucket. */
export interface Watcher {
  readonly storageKey: string;
  /** The plural resource watched (for fault targeting). */
  readonly resource: string;
  /** The namespace watched; undefined for all namespaces or cluster scope. */
  readonly namespace?: string;
  /** Receives every persisted event of the bucket, in resourceVersion order; filters on its own. */
  deliver(event: StoreEvent): void;
  /** Ends the stream as a normal close. */
  close(): void;
  /** Sends an in-stream `ERROR 410 Expired`, then closes. */
  expire(): void;
}

/**
 * Fans store events out to open watches and keeps a history window per bucket so watches can resume from a
 * resourceVersion. Delivery is synchronous in write order, so no watch ever sees events out of order.
 */
export class WatchHub {
  private readonly histories = new Map<string, WatchHistory>();
  private readonly watchers = new Map<string, Set<Watcher>>();
  private compactFloor = 0;

  constructor(
    store: ObjectStore,
    private readonly historySize: number,
  ) {
    store.subscribe((e) => this.onEvent(e));
  }

  /** Starts delivering to a watcher. */
  add(w: Watcher): void {
    let set = this.watchers.get(w.storageKey);
    if (!set) {
      set = new Set();
      this.watchers.set(w.storageKey, set);
    }
    set.add(w);
  }

  /** Stops delivering to a watcher. */
  remove(w: Watcher): void {
    this.watchers.get(w.storageKey)?.delete(w);
  }

  /** Events of a bucket after `rv`, or expiry. */
  replay(storageKey: string, rv: number): ReplayResult {
    return this.history(storageKey).since(rv);
  }

  /** Drops history up to `rv` for one bucket or all: later resumes from older versions get 410. */
  compact(rv: number, storageKey?: string): void {
    if (storageKey) this.history(storageKey).compact(rv);
    else for (const h of this.histories.values()) h.compact(rv);
    if (!storageKey) this.compactFloor = rv;
  }

  /** Open watches, optionally of one bucket. */
  open(storageKey?: string): Watcher[] {
    if (storageKey) return [...(this.watchers.get(storageKey) ?? [])];
    return [...this.watchers.values()].flatMap((s) => [...s]);
  }

  private history(storageKey: string): WatchHistory {
    let h = this.histories.get(storageKey);
    if (!h) {
      h = new WatchHistory(this.historySize);
      if (this.compactFloor > 0) h.compact(this.compactFloor);
      this.histories.set(storageKey, h);
    }
    return h;
  }

  private onEvent(event: StoreEvent): void {
    this.history(event.storageKey).append(event);
    const set = this.watchers.get(event.storageKey);
    if (set) for (const w of [...set]) w.deliver(event);
  }
}
