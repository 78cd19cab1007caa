/**
 * Full items and file contents, cached by item id and version: a read is only sent when the item
 * list shows a version this client has not read yet (or the bounded cache has let it go). Concurrent
 * reads of the same item share one request.
 */
import type { Clock } from '@tessera/core';
import { BoundedCache } from './bounded-cache.js';
import type { ConnectApi, ConnectFile, ConnectItem, ConnectItemSummary } from './connect-model.js';

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

/** Cached item and file reads. */
export class ItemReader {
  readonly #items: BoundedCache<ConnectItem>;
  readonly #files: BoundedCache<Uint8Array>;
  readonly #pending = new Map<string, Promise<unknown>>();

  constructor(private readonly options: ItemReaderOptions) {
    const ttlMs = options.ttlMs ?? 3_600_000;
    this.#items = new BoundedCache({ clock: options.clock, maxEntries: options.maxItems ?? 500, ttlMs });
    this.#files = new BoundedCache({ clock: options.clock, maxEntries: options.maxFiles ?? 200, ttlMs });
  }

  /** The full item at (at least) the summary's version. */
  item(summary: ConnectItemSummary): Promise<ConnectItem> {
    const key = `${summary.id}@${summary.version}`;
    const cached = this.#items.get(key);
    if (cached) return Promise.resolve(cached);
    return this.#once(key, async () => {
      const item = await this.options.api.getItem(summary.vaultId, summary.id);
      this.remember(item);
      // The list may lag behind the item; until it catches up, serve the newer item for the older version too.
      if (item.version !== summary.version) this.#items.set(key, item);
      return item;
    });
  }

  /** A file's bytes, for the item version given. */
  fileContent(item: ConnectItem, file: ConnectFile): Promise<Uint8Array> {
    const key = `${item.id}@${item.version}/${file.id}`;
    const cached = this.#files.get(key);
    if (cached) return Promise.resolve(cached);
    return this.#once(key, async () => {
      const content = await this.options.api.getFileContent(item.vaultId, item.id, file.id);
      this.#files.set(key, content);
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

  #once<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let pending = this.#pending.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = fn().finally(() => this.#pending.delete(key));
      this.#pending.set(key, pending);
    }
    return pending;
  }
}
