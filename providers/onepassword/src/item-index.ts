/**
 * Per-vault item lists (summaries with `version`), one `ListItems` call per vault per TTL. They
 * answer "which item has this title or id" and "has it changed since I read it", so unchanged items
 * are served from the item cache without another read. Writes made through this client update the
 * lists directly, so a push is visible to the next read without waiting for Connect.
 *
 * A list is dated by when its request was sent. A caller may demand a fresher list (see
 * `read-freshness.ts`): then a cached list, or one in flight, that is older is not used and the
 * vault is listed again.
 */
import type { Clock } from '@tessera/core';
import type { ConnectApi, ConnectItemSummary } from './connect-model.js';
import {
  acceptsList,
  ANY_AGE,
  stampRequest,
  type ReadFreshness,
  type RequestStamp,
} from './read-freshness.js';

interface Listing {
  /** When the list request was sent. */
  readonly sent: RequestStamp;
  readonly items: ConnectItemSummary[];
}

/** Options of {@link ItemIndex}. */
export interface ItemIndexOptions {
  readonly api: ConnectApi;
  readonly clock: Clock;
  /** How long a list is trusted. */
  readonly ttlMs: number;
}

/** What {@link ItemIndex.summaries} may answer with. */
export interface SummariesQuery {
  /** Lists older than this are fetched again (capped by the TTL). @default the TTL */
  readonly maxAgeMs?: number;
  /** What the calling read accepts. @default any list within the TTL */
  readonly freshness?: ReadFreshness;
}

/** Cached item lists by vault id. */
export class ItemIndex {
  readonly #listings = new Map<string, Listing>();
  readonly #pending = new Map<string, { readonly sent: RequestStamp; readonly listing: Promise<Listing> }>();

  constructor(private readonly options: ItemIndexOptions) {}

  /** The vault's summaries, listed again when older than the TTL or `maxAgeMs`, or not fresh enough. */
  async summaries(vaultId: string, query: SummariesQuery = {}): Promise<readonly ConnectItemSummary[]> {
    const freshness = query.freshness ?? ANY_AGE;
    const maxAge = Math.min(query.maxAgeMs ?? this.options.ttlMs, this.options.ttlMs);
    const listing = this.#listings.get(vaultId);
    if (
      listing &&
      acceptsList(freshness, listing.sent) &&
      this.options.clock.now() - listing.sent.at < maxAge
    )
      return listing.items;
    return (await this.#list(vaultId, freshness)).items;
  }

  /** Age of the vault's list in ms (Infinity when never listed). */
  ageOf(vaultId: string): number {
    const listing = this.#listings.get(vaultId);
    return listing ? this.options.clock.now() - listing.sent.at : Infinity;
  }

  /** Records an item this client created or updated. */
  upsert(summary: ConnectItemSummary): void {
    const listing = this.#listings.get(summary.vaultId);
    if (!listing) return;
    const items = listing.items.filter((i) => i.id !== summary.id);
    items.push(summary);
    this.#listings.set(summary.vaultId, { sent: listing.sent, items });
  }

  /** Records an item this client deleted. */
  remove(vaultId: string, itemId: string): void {
    const listing = this.#listings.get(vaultId);
    if (listing)
      this.#listings.set(vaultId, {
        sent: listing.sent,
        items: listing.items.filter((i) => i.id !== itemId),
      });
  }

  /** Forgets a vault's list. */
  invalidate(vaultId: string): void {
    this.#listings.delete(vaultId);
  }

  /** Lists the vault, sharing a list request in flight that `freshness` accepts. */
  #list(vaultId: string, freshness: ReadFreshness): Promise<Listing> {
    const pending = this.#pending.get(vaultId);
    if (pending && acceptsList(freshness, pending.sent)) return pending.listing;
    const sent = stampRequest(this.options.clock);
    const listing = this.options.api.listItems(vaultId).then((items) => {
      const fetched = { sent, items };
      // an older request finishing late must not replace a newer list
      if ((this.#listings.get(vaultId)?.sent.seq ?? 0) < sent.seq) this.#listings.set(vaultId, fetched);
      return fetched;
    });
    const entry = { sent, listing };
    this.#pending.set(vaultId, entry);
    const forget = () => {
      if (this.#pending.get(vaultId) === entry) this.#pending.delete(vaultId);
    };
    listing.then(forget, forget);
    return listing;
  }
}
