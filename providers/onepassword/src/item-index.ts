/**
 * Per-vault item lists (summaries with `version`), one `ListItems` call per vault per TTL. They
 * answer "which item has this title or id" and "has it changed since I read it", so unchanged items
 * are served from the item cache without another read. Writes made through this client update the
 * lists directly, so a push is visible to the next read without waiting for Connect.
 */
import type { Clock } from '@tessera/core';
import type { ConnectApi, ConnectItemSummary } from './connect-model.js';

interface Listing {
  readonly at: number;
  readonly items: ConnectItemSummary[];
}

/** Options of {@link ItemIndex}. */
export interface ItemIndexOptions {
  readonly api: ConnectApi;
  readonly clock: Clock;
  /** How long a list is trusted. */
  readonly ttlMs: number;
}

/** Cached item lists by vault id. */
export class ItemIndex {
  readonly #listings = new Map<string, Listing>();
  readonly #pending = new Map<string, Promise<Listing>>();

  constructor(private readonly options: ItemIndexOptions) {}

  /** The vault's summaries, listed again when older than the TTL or than `maxAgeMs`. */
  async summaries(
    vaultId: string,
    maxAgeMs: number = this.options.ttlMs,
  ): Promise<readonly ConnectItemSummary[]> {
    const listing = this.#listings.get(vaultId);
    if (listing && this.options.clock.now() - listing.at < Math.min(maxAgeMs, this.options.ttlMs))
      return listing.items;
    return (await this.#list(vaultId)).items;
  }

  /** Age of the vault's list in ms (Infinity when never listed). */
  ageOf(vaultId: string): number {
    const listing = this.#listings.get(vaultId);
    return listing ? this.options.clock.now() - listing.at : Infinity;
  }

  /** Records an item this client created or updated. */
  upsert(summary: ConnectItemSummary): void {
    const listing = this.#listings.get(summary.vaultId);
    if (!listing) return;
    const items = listing.items.filter((i) => i.id !== summary.id);
    items.push(summary);
    this.#listings.set(summary.vaultId, { at: listing.at, items });
  }

  /** Records an item this client deleted. */
  remove(vaultId: string, itemId: string): void {
    const listing = this.#listings.get(vaultId);
    if (listing)
      this.#listings.set(vaultId, { at: listing.at, items: listing.items.filter((i) => i.id !== itemId) });
  }

  /** Forgets a vault's list. */
  invalidate(vaultId: string): void {
    this.#listings.delete(vaultId);
  }

  #list(vaultId: string): Promise<Listing> {
    let pending = this.#pending.get(vaultId);
    if (!pending) {
      pending = this.options.api
        .listItems(vaultId)
        .then((items) => {
          const listing = { at: this.options.clock.now(), items };
          this.#listings.set(vaultId, listing);
          return listing;
        })
        .finally(() => this.#pending.delete(vaultId));
      this.#pending.set(vaultId, pending);
    }
    return pending;
  }
}
