/** A small LRU cache bounded by entry count and by age, on an injectable clock. */
import type { Clock } from '@tessera/core';

/** Options of {@link BoundedCache}. */
export interface BoundedCacheOptions {
  readonly clock: Clock;
  /** Most entries kept; the least recently used goes first. */
  readonly maxEntries: number;
  /** Entries older than this are dropped on access. */
  readonly ttlMs: number;
}

/** LRU + TTL cache; each entry carries a tag (e.g. the request stamp it came from). */
export class BoundedCache<V, Tag = undefined> {
  readonly #entries = new Map<string, { value: V; at: number; tag: Tag | undefined }>();

  constructor(private readonly options: BoundedCacheOptions) {}

  /**
   * The value, if present, not expired and accepted by `accept` (marks it recently used). An
   * entry `accept` refuses is kept for callers that take it.
   */
  get(key: string, accept: (tag: Tag | undefined) => boolean = () => true): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry || !accept(entry.tag)) return undefined;
    this.#entries.delete(key);
    if (this.options.clock.now() - entry.at >= this.options.ttlMs) return undefined;
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Stores a value, evicting the least recently used entries beyond the bound. */
  set(key: string, value: V, tag?: Tag): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, at: this.options.clock.now(), tag });
    while (this.#entries.size > this.options.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }

  /** Drops every entry whose key starts with `prefix`. */
  deletePrefix(prefix: string): void {
    for (const key of [...this.#entries.keys()]) if (key.startsWith(prefix)) this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}
