/**
 * Full items and file contents, cached by item id and version: a read is only sent when the item
 * list shows a version this client has not read yet (or the bounded cache has let it go). Concurrent
 * reads of the same item share one request.
 *
 * Entries are stamped with when their request was sent. A fresh read (see `read-freshness.ts`)
 * refuses cached entries and requests in flight sent before it, and reads again.
 */
import type { Clock } from '@tessera/core';
import { BoundedCache } from './bounded-cache.js';
import type { ConnectApi, ConnectFile, ConnectItem, ConnectItemSummary } from './connect-model.js';
import {
  acceptsBody,
  ANY_AGE,
  stampRequest,
  type ReadFreshness,
  type RequestStamp,
} from './read-freshness.js';

/** Options of {@link ItemReader}. */
export interface ItemReaderOptions {
  readonly api: ConnectApi;
  readonly clock: Clock;
  /** @default 500 */
  readonly maxItems?: number;
  /** @default 200 */
  readonly maxFiles?: number;
  /** Safety bound on how long any version is kept. @default 3_600_000 */
  readonly ttlMs?: number;
}

interface Pending {
  readonly sent: RequestStamp;
  readonly result: Promise<unknown>;
}

/** Cached item and file reads. */
export class ItemReader {
  readonly #items: BoundedCache<ConnectItem, RequestStamp>;
  readonly #files: BoundedCache<Uint8Array, RequestStamp>;
  readonly #pending = new Map<string, Pending>();

  constructor(private readonly options: ItemReaderOptions) {
    const ttlMs = options.ttlMs ?? 3_600_000;
    this.#items = new BoundedCache({ clock: options.clock, maxEntries: options.maxItems ?? 500, ttlMs });
    this.#files = new BoundedCache({ clock: options.clock, maxEntries: options.maxFiles ?? 200, ttlMs });
  }

  /** The full item at (at least) the summary's version. */
  item(summary: ConnectItemSummary, freshness: ReadFreshness = ANY_AGE): Promise<ConnectItem> {
    const key = `${summary.id}@${summary.version}`;
    const cached = this.#items.get(key, accepting(freshness));
    if (cached) return Promise.resolve(cached);
    return this.#once(key, freshness, async (sent) => {
      const item = await this.options.api.getItem(summary.vaultId, summary.id);
      this.#items.set(`${item.id}@${item.version}`, item, sent);
      // The list may lag behind the item; until it catches up, serve the newer item for the older version too.
      if (item.version !== summary.version) this.#items.set(key, item, sent);
      return item;
    });
  }

  /** A file's bytes, for the item version given. */
  fileContent(item: ConnectItem, file: ConnectFile, freshness: ReadFreshness = ANY_AGE): Promise<Uint8Array> {
    const key = `${item.id}@${item.version}/${file.id}`;
    const cached = this.#files.get(key, accepting(freshness));
    if (cached) return Promise.resolve(cached);
    return this.#once(key, freshness, async (sent) => {
      const content = await this.options.api.getFileContent(item.vaultId, item.id, file.id);
      this.#files.set(key, content, sent);
      return content;
    });
  }

  /** Caches an item this client just read or wrote. */
  remember(item: ConnectItem): void {
    this.#items.set(`${item.id}@${item.version}`, item);
  }

  /** Drops every cached version of an item. */
  forget(itemId: string): void {
    this.#items.deletePrefix(`${itemId}@`);
    this.#files.deletePrefix(`${itemId}@`);
  }

  /** Runs `fetch` once per key, sharing a request in flight that `freshness` accepts. */
  #once<T>(key: string, freshness: ReadFreshness, fetch: (sent: RequestStamp) => Promise<T>): Promise<T> {
    const pending = this.#pending.get(key);
    if (pending && acceptsBody(freshness, pending.sent)) return pending.result as Promise<T>;
    const sent = stampRequest(this.options.clock);
    const entry: Pending = { sent, result: fetch(sent) };
    this.#pending.set(key, entry);
    const forget = () => {
      if (this.#pending.get(key) === entry) this.#pending.delete(key);
    };
    entry.result.then(forget, forget);
    return entry.result as Promise<T>;
  }
}

/** The cache filter for a call: entries without a stamp (our own writes) count as sent before it. */
function accepting(freshness: ReadFreshness): (sent: RequestStamp | undefined) => boolean {
  return (sent) => acceptsBody(freshness, sent ?? { at: -Infinity, seq: 0 });
}
