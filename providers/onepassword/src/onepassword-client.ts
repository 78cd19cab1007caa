/**
 * The {@link SecretsClient} for one 1Password store generation. Reads go key → item (item lists per
 * vault, cached for the store's cache TTL) → full item (cached by id and version) → value, so any
 * number of `data[]` entries and ExternalSecrets naming one item cost one item read per change.
 *
 * Every read honours `ReadOptions.maxAgeMs` (see `read-freshness.ts`): item lists older than
 * min(cache TTL, maxAgeMs) are fetched again, and `maxAgeMs: 0` (a forced sync) also reads the items
 * and files again. One freshness is fixed per call, so the refs of a batch still share requests.
 */
import {
  NotSupportedError,
  type BatchReadResult,
  type Clock,
  type FindQuery,
  type PushRemoteRef,
  type PushRequest,
  type ReadOptions,
  type RemoteRef,
  type SecretsClient,
  type ValidationResult,
} from '@tessera/core';
import { describeConnectFailure, describeVaultFailure, withCheckContext } from './connect-errors.js';
import { ConnectApiError, type ConnectItemSummary } from './connect-model.js';
import type { ConnectSession } from './connect-session.js';
import { findSecrets } from './find-secrets.js';
import type { ItemIndex } from './item-index.js';
import type { ItemLocator, LocatedItem } from './item-locator.js';
import type { ItemReader } from './item-reader.js';
import { describeItem, itemSecretMap, selectValue, type ItemView } from './item-values.js';
import type { PushWriter } from './push-writer.js';
import { freshnessOf, type ReadFreshness } from './read-freshness.js';
import type { VaultDirectory } from './vault-directory.js';

/** The parts a client is made of (built by the provider). */
export interface OnePasswordClientParts {
  readonly session: ConnectSession;
  readonly vaults: VaultDirectory;
  readonly index: ItemIndex;
  readonly reader: ItemReader;
  readonly locator: ItemLocator;
  readonly writer: PushWriter;
  /** The clock the caches run on. */
  readonly clock: Clock;
}

/** 1Password Connect client. */
export class OnePasswordClient implements SecretsClient {
  constructor(private readonly parts: OnePasswordClientParts) {}

  getSecret(ref: RemoteRef, options?: ReadOptions): Promise<Uint8Array> {
    return this.#value(ref, freshnessOf(this.parts.clock, options));
  }

  /** Refs naming the same item share one read (concurrent reads of one item are merged). */
  getSecrets(refs: readonly RemoteRef[], options?: ReadOptions): Promise<BatchReadResult[]> {
    const freshness = freshnessOf(this.parts.clock, options);
    return Promise.all(
      refs.map((ref) =>
        this.#value(ref, freshness).then(
          (value): BatchReadResult => ({ value }),
          (error: unknown): BatchReadResult => ({
            error: error instanceof Error ? error : new Error(String(error)),
          }),
        ),
      ),
    );
  }

  async getSecretMap(ref: RemoteRef, options?: ReadOptions): Promise<Record<string, Uint8Array>> {
    rejectVersion(ref);
    const view = await this.#view(ref.key, freshnessOf(this.parts.clock, options));
    if (ref.property) return { [ref.property]: await selectValue(view, ref.property) };
    return itemSecretMap(view);
  }

  getAllSecrets(find: FindQuery, options?: ReadOptions): Promise<Record<string, Uint8Array>> {
    const freshness = freshnessOf(this.parts.clock, options);
    return findSecrets(
      {
        summariesByVault: async () => {
          const listed = [];
          for (const configured of await this.parts.vaults.resolve()) {
            const { vault, items } = await this.parts.locator.summaries(configured, { freshness });
            listed.push({
              vaultName: vault.name,
              items,
              located: (summary: ConnectItemSummary) => ({ vault, summary }),
            });
          }
          return listed;
        },
        view: (located) =>
          this.#read(located, freshness).catch((error: unknown) => {
            throw describeConnectFailure(
              error,
              `reading item "${located.summary.title}" in vault "${located.vault.name}"`,
            );
          }),
      },
      find,
    );
  }

  pushSecret(request: PushRequest): Promise<void> {
    return this.parts.writer.push(request);
  }

  deleteSecret(remote: PushRemoteRef): Promise<void> {
    return this.parts.writer.delete(remote);
  }

  secretExists(remote: PushRemoteRef): Promise<boolean> {
    return this.parts.writer.exists(remote);
  }

  /** Checks the token (read again from its Secret) and every vault with one `GetVault` each. */
  async validate(): Promise<ValidationResult> {
    await this.parts.session.recheckToken();
    const names = this.parts.vaults.names.map((n) => `"${n}"`).join(', ');
    const vaults = await this.parts.vaults.resolve().catch((error: unknown) => {
      throw withCheckContext(error, `vaults ${names}`);
    });
    await Promise.all(
      vaults.map((vault) =>
        this.parts.session.getVault(vault.id).catch((error: unknown) => {
          throw withCheckContext(
            describeVaultFailure(error, vault.name, `checking vault "${vault.name}"`),
            `vault "${vault.name}"`,
          );
        }),
      ),
    );
    return 'Ready';
  }

  async close(): Promise<void> {
    // Nothing to release: no timers, and fetch connections are pooled by Node.
  }

  /** One value of the item `ref` names. */
  async #value(ref: RemoteRef, freshness: ReadFreshness): Promise<Uint8Array> {
    rejectVersion(ref);
    return selectValue(await this.#view(ref.key, freshness), ref.property);
  }

  /** The item `key` names, read through the cache; a read racing a deletion looks the key up once more. */
  async #view(key: string, freshness: ReadFreshness): Promise<ItemView> {
    const located = await this.parts.locator.require(key, freshness);
    try {
      return await this.#read(located, freshness);
    } catch (error) {
      if (!(error instanceof ConnectApiError && error.status === 404)) throw error;
      this.parts.index.invalidate(located.vault.id);
      const again = await this.parts.locator.require(key, freshness);
      return this.#read(again, freshness).catch((retryError: unknown) => {
        throw describeConnectFailure(retryError, `reading item "${key}" in vault "${again.vault.name}"`);
      });
    }
  }

  /** Reads a located item; Connect errors other than 404 become Tessera errors naming it. */
  async #read(located: LocatedItem, freshness: ReadFreshness): Promise<ItemView> {
    const { vault, summary } = located;
    const where = describeItem({ item: summary, vaultName: vault.name });
    const item = await this.parts.reader.item(summary, freshness).catch((error: unknown) => {
      if (error instanceof ConnectApiError && error.status === 404) throw error;
      throw describeConnectFailure(error, `reading ${where}`);
    });
    return {
      item,
      vaultName: vault.name,
      readFile: (file) =>
        this.parts.reader.fileContent(item, file, freshness).catch((error: unknown) => {
          throw describeConnectFailure(
            error,
            `reading file "${file.name}" of ${describeItem({ item, vaultName: vault.name })}`,
          );
        }),
    };
  }
}

function rejectVersion(ref: RemoteRef): void {
  if (ref.version) {
    throw new NotSupportedError(
      `1Password Connect does not serve earlier item versions (key "${ref.key}", version "${ref.version}"); remove remoteRef.version`,
    );
  }
}
