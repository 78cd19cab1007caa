/**
 * Finds the item a `key` names (an item title, or a 26-character item id) by searching the store's
 * vaults in priority order. The first vault holding it wins; two items with that title in that
 * vault are an error naming the vault and both ids. On a miss, vault lists older than
 * `missRelistAfterMs` are fetched again once (the item may be new), so a missing key costs at most
 * one extra list per vault per that interval.
 */
import { InvalidRequestError, SecretNotFoundError } from '@tessera/core';
import { describeVaultFailure, isVaultNotFound } from './connect-errors.js';
import type { ConnectItemSummary } from './connect-model.js';
import type { ItemIndex, SummariesQuery } from './item-index.js';
import { ANY_AGE, type ReadFreshness } from './read-freshness.js';
import type { ResolvedVault, VaultDirectory } from './vault-directory.js';

/** Where an item was found. */
export interface LocatedItem {
  readonly vault: ResolvedVault;
  readonly summary: ConnectItemSummary;
}

/** Options of {@link ItemLocator}. */
export interface ItemLocatorOptions {
  readonly vaults: VaultDirectory;
  readonly index: ItemIndex;
  /** @default 5_000 */
  readonly missRelistAfterMs?: number;
}

const ITEM_ID = /^[a-z0-9]{26}$/;

/** Key → item, across the store's vaults. */
export class ItemLocator {
  constructor(private readonly options: ItemLocatorOptions) {}

  /** The item, or undefined when no vault holds it; lists are as fresh as `freshness` asks. */
  async find(
    key: string,
    vaults?: readonly ResolvedVault[],
    freshness: ReadFreshness = ANY_AGE,
  ): Promise<LocatedItem | undefined> {
    const searched = vaults ?? (await this.options.vaults.resolve());
    const found = await this.#search(key, searched, { freshness });
    if (found) return found;
    const relistAfter = this.options.missRelistAfterMs ?? 5_000;
    if (!searched.some((v) => this.options.index.ageOf(v.id) >= relistAfter)) return undefined;
    return this.#search(key, searched, { freshness, maxAgeMs: relistAfter });
  }

  /** The item; throws {@link SecretNotFoundError} naming the vaults searched when none holds it. */
  async require(key: string, freshness: ReadFreshness = ANY_AGE): Promise<LocatedItem> {
    const vaults = await this.options.vaults.resolve();
    const found = await this.find(key, vaults, freshness);
    if (found) return found;
    throw new SecretNotFoundError(
      `no item titled or with id "${key}" in vault${vaults.length > 1 ? 's' : ''} ${vaults.map((v) => `"${v.name}"`).join(', ')} (searched in priority order)`,
    );
  }

  /** The summaries of one vault, re-resolving the vault once if Connect says it is gone. */
  async summaries(
    vault: ResolvedVault,
    query: SummariesQuery = {},
  ): Promise<{ vault: ResolvedVault; items: readonly ConnectItemSummary[] }> {
    try {
      return { vault, items: await this.options.index.summaries(vault.id, query) };
    } catch (error) {
      if (!isVaultNotFound(error))
        throw describeVaultFailure(error, vault.name, `listing the items of vault "${vault.name}"`);
      this.options.vaults.invalidate();
      this.options.index.invalidate(vault.id);
      const again = await this.options.vaults.byName(vault.name);
      try {
        return { vault: again, items: await this.options.index.summaries(again.id, query) };
      } catch (retryError) {
        throw describeVaultFailure(retryError, vault.name, `listing the items of vault "${vault.name}"`);
      }
    }
  }

  async #search(
    key: string,
    vaults: readonly ResolvedVault[],
    query: SummariesQuery,
  ): Promise<LocatedItem | undefined> {
    for (const configured of vaults) {
      const { vault, items } = await this.summaries(configured, query);
      const byId = ITEM_ID.test(key) ? items.find((i) => i.id === key) : undefined;
      if (byId) return { vault, summary: byId };
      const titled = items.filter((i) => i.title === key);
      if (titled.length > 1) {
        throw new InvalidRequestError(
          `${titled.length} items are titled "${key}" in vault "${vault.name}" (ids ${titled.map((i) => i.id).join(', ')}); ` +
            'rename one of them or use the item id as the key',
        );
      }
      if (titled.length === 1) return { vault, summary: titled[0] };
    }
    return undefined;
  }
}
