/**
 * PushSecret support. Items Tessera creates carry the tag {@link MANAGED_TAG}; an item without it
 * is never changed or deleted: a push to it is refused with a message saying why, and a delete
 * leaves it alone (Tessera never wrote there). New items are SERVER items with one CONCEALED field,
 * as ESO creates them, in the vault named by the metadata's `spec.vault` or the first-priority vault.
 */
import { InvalidRequestError, type PushRemoteRef, type PushRequest } from '@tessera/core';
import { describeConnectFailure } from './connect-errors.js';
import {
  ConnectApiError,
  type ConnectApi,
  type ConnectField,
  type ConnectItem,
  type ConnectItemSummary,
} from './connect-model.js';
import type { ItemIndex } from './item-index.js';
import type { ItemLocator, LocatedItem } from './item-locator.js';
import type { ItemReader } from './item-reader.js';
import { describeItem, fieldsLabelled } from './item-values.js';
import type { ResolvedVault, VaultDirectory } from './vault-directory.js';

/** The tag on every item Tessera created. */
export const MANAGED_TAG = 'managed-by:tessera';

/** What the writer works with. */
export interface PushWriterDeps {
  readonly api: ConnectApi;
  readonly vaults: VaultDirectory;
  readonly index: ItemIndex;
  readonly locator: ItemLocator;
  readonly reader: ItemReader;
}

/** Push, delete and exists for one client. */
export class PushWriter {
  constructor(private readonly deps: PushWriterDeps) {}

  async push(request: PushRequest): Promise<void> {
    const label = request.remote.property || 'password';
    const value = textOf(request.value, request.remote.remoteKey, label);
    const metadata = metadataOf(request.metadata);
    const vault = metadata.vault
      ? await this.deps.vaults.byName(metadata.vault)
      : (await this.deps.vaults.resolve())[0];
    const located = await this.deps.locator.find(request.remote.remoteKey, [vault]);
    if (located && (await this.#update(located, label, value, metadata.tags))) return;
    await this.#create(vault, request.remote.remoteKey, label, value, metadata.tags);
  }

  async delete(remote: PushRemoteRef): Promise<void> {
    const located = await this.deps.locator.find(remote.remoteKey);
    if (!located) return;
    const item = await this.deps.reader.item(located.summary);
    if (!item.tags.includes(MANAGED_TAG)) return;
    const label = remote.property || 'password';
    const remaining = item.fields.filter((f) => f.label !== label);
    if (remaining.length === item.fields.length) return;
    const action = `removing field "${label}" from ${describeItem({ item, vaultName: located.vault.name })}`;
    try {
      if (remaining.length === 0 && item.files.length === 0) {
        await this.deps.api.deleteItem(located.vault.id, item.id);
        this.deps.index.remove(located.vault.id, item.id);
        this.deps.reader.forget(item.id);
      } else {
        this.#record(
          await this.deps.api.updateItem(located.vault.id, item, { fields: remaining, tags: item.tags }),
        );
      }
    } catch (error) {
      if (error instanceof ConnectApiError && error.status === 404) return;
      throw describeConnectFailure(error, action);
    }
  }

  async exists(remote: PushRemoteRef): Promise<boolean> {
    const located = await this.deps.locator.find(remote.remoteKey);
    if (!located) return false;
    if (!remote.property) return true;
    const item = await this.deps.reader.item(located.summary);
    return (
      fieldsLabelled(item, remote.property).length > 0 || item.files.some((f) => f.name === remote.property)
    );
  }

  /** Updates a managed item; false when it vanished meanwhile (the caller creates it). */
  async #update(
    located: LocatedItem,
    label: string,
    value: string,
    tags: readonly string[] | undefined,
  ): Promise<boolean> {
    const item = await this.deps.reader.item(located.summary);
    const where = describeItem({ item, vaultName: located.vault.name });
    if (!item.tags.includes(MANAGED_TAG)) {
      throw new InvalidRequestError(
        `${where} was not created by Tessera (it lacks the tag "${MANAGED_TAG}"), so Tessera will not overwrite it; ` +
          `push to another remoteKey, or add the tag in 1Password to hand the item to Tessera`,
      );
    }
    const matching = item.fields.filter((f) => f.label === label);
    if (matching.length > 1)
      throw new InvalidRequestError(
        `field "${label}" occurs ${matching.length} times in ${where}; remove the duplicates`,
      );
    const nextTags = tags ? unique([MANAGED_TAG, ...tags]) : item.tags;
    if (matching[0]?.value === value && sameTags(item.tags, nextTags)) return true;
    const fields: ConnectField[] = matching[0]
      ? item.fields.map((f) => (f === matching[0] ? { ...f, value } : f))
      : [...item.fields, { label, value, type: 'CONCEALED' }];
    try {
      this.#record(await this.deps.api.updateItem(located.vault.id, item, { fields, tags: nextTags }));
      return true;
    } catch (error) {
      if (error instanceof ConnectApiError && error.status === 404) {
        this.deps.index.remove(located.vault.id, item.id);
        return false;
      }
      throw describeConnectFailure(error, `updating field "${label}" of ${where}`);
    }
  }

  async #create(
    vault: ResolvedVault,
    title: string,
    label: string,
    value: string,
    tags: readonly string[] | undefined,
  ): Promise<void> {
    try {
      const created = await this.deps.api.createItem(vault.id, {
        title,
        category: 'SERVER',
        tags: unique([MANAGED_TAG, ...(tags ?? [])]),
        fields: [{ label, value, type: 'CONCEALED' }],
      });
      this.#record(created);
    } catch (error) {
      throw describeConnectFailure(error, `creating item "${title}" in vault "${vault.name}"`);
    }
  }

  #record(item: ConnectItem): void {
    this.deps.reader.remember(item);
    const summary: ConnectItemSummary = {
      id: item.id,
      title: item.title,
      vaultId: item.vaultId,
      category: item.category,
      tags: item.tags,
      version: item.version,
    };
    this.deps.index.upsert(summary);
  }
}

function textOf(value: Uint8Array, key: string, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(value);
  } catch {
    throw new InvalidRequestError(
      `the value pushed to field "${label}" of item "${key}" is not UTF-8 text; 1Password fields hold text, so encode it (e.g. base64) in the PushSecret template`,
    );
  }
}

function metadataOf(metadata: unknown): { vault?: string; tags?: string[] } {
  const spec = (metadata as { spec?: { vault?: unknown; tags?: unknown } } | undefined)?.spec;
  if (!spec) return {};
  const tags = Array.isArray(spec.tags) ? spec.tags.map(String) : undefined;
  return {
    ...(typeof spec.vault === 'string' && spec.vault !== '' ? { vault: spec.vault } : {}),
    ...(tags ? { tags } : {}),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}
