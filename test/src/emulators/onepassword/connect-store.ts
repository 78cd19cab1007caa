/**
 * The emulator's mutable state: vaults, items and the Connect token. Tests and the HTTP routes
 * share one instance; every change to an item bumps its `version` and its vault's
 * `contentVersion`, as Connect does.
 */
import { randomBytes } from 'node:crypto';
import { newConnectId } from './ids.js';
import type { ItemRecord, VaultRecord } from './model.js';
import type { SeedDoc, SeedItem } from './seed.js';
import { fieldFromSeed, fileFromSeed, itemFromSeed } from './seed-item.js';

/** Mutable state of one emulator. */
export class ConnectStore {
  #token: string;
  readonly #vaults = new Map<string, VaultRecord>();

  constructor(options: { readonly token?: string } = {}) {
    this.#token = options.token ?? ConnectStore.newToken();
  }

  /** A random token in the shape of a Connect JWT (three base64url parts). */
  static newToken(): string {
    const part = (n: number) => randomBytes(n).toString('base64url');
    return `${part(24)}.${part(48)}.${part(32)}`;
  }

  /** The only bearer token the emulator currently accepts. */
  get token(): string {
    return this.#token;
  }

  /** Replaces the token (as revoking and re-issuing a Connect token does); the old one gets 401. */
  rotateToken(next: string = ConnectStore.newToken()): string {
    this.#token = next;
    return next;
  }

  /** Loads vaults and items from a seed; vaults that exist already are reused by name. */
  loadSeed(seed: SeedDoc): void {
    if (seed.token !== undefined) this.#token = seed.token;
    for (const [vaultName, items] of Object.entries(seed.vaults ?? {})) {
      const vault = this.vault(vaultName) ?? this.addVault(vaultName);
      for (const [title, item] of Object.entries(items ?? {})) this.addItem(vault.id, title, item);
    }
  }

  /** Creates a vault (duplicate names are allowed, as in 1Password). */
  addVault(name: string, options: { readonly id?: string; readonly description?: string } = {}): VaultRecord {
    const now = new Date();
    const vault: VaultRecord = {
      id: options.id ?? newConnectId(),
      name,
      description: options.description ?? '',
      type: 'USER_CREATED',
      attributeVersion: 1,
      contentVersion: 1,
      createdAt: now,
      updatedAt: now,
      items: new Map(),
    };
    this.#vaults.set(vault.id, vault);
    return vault;
  }

  /** Removes a vault and its items. Returns false when there was none. */
  removeVault(nameOrId: string): boolean {
    const vault = this.vault(nameOrId);
    return vault ? this.#vaults.delete(vault.id) : false;
  }

  /** A vault by id, else the first vault with that name. */
  vault(nameOrId: string): VaultRecord | undefined {
    return this.#vaults.get(nameOrId) ?? [...this.#vaults.values()].find((v) => v.name === nameOrId);
  }

  /** All vaults in creation order. */
  vaults(): VaultRecord[] {
    return [...this.#vaults.values()];
  }

  /** Adds an item from the seed shape; duplicate titles are allowed (tests use them). */
  addItem(vaultNameOrId: string, title: string, seed: SeedItem = {}): ItemRecord {
    const vault = this.requireVault(vaultNameOrId);
    const item = itemFromSeed(vault.id, title, seed, new Date());
    this.insertItem(vault, item);
    return item;
  }

  /** Stores a fully built item (used by the POST route) and counts it as a vault change. */
  insertItem(vault: VaultRecord, item: ItemRecord): void {
    if (vault.items.has(item.id)) throw new Error(`item ${item.id} exists already`);
    vault.items.set(item.id, item);
    touchVault(vault);
  }

  /** An item by id, else the first item with that title. */
  item(vaultNameOrId: string, titleOrId: string): ItemRecord | undefined {
    const vault = this.vault(vaultNameOrId);
    if (!vault) return undefined;
    return vault.items.get(titleOrId) ?? [...vault.items.values()].find((i) => i.title === titleOrId);
  }

  /** All items of a vault in creation order. */
  items(vaultNameOrId: string): ItemRecord[] {
    return [...this.requireVault(vaultNameOrId).items.values()];
  }

  /** Applies `mutate` to an item, then bumps its version. Returns the item. */
  updateItem(vaultNameOrId: string, titleOrId: string, mutate: (item: ItemRecord) => void): ItemRecord {
    const item = this.requireItem(vaultNameOrId, titleOrId);
    mutate(item);
    this.bumpVersion(item);
    return item;
  }

  /** Sets (or adds) the field with that label. */
  setField(vaultNameOrId: string, titleOrId: string, label: string, value: string): ItemRecord {
    return this.updateItem(vaultNameOrId, titleOrId, (item) => {
      const field = item.fields.find((f) => f.label === label);
      if (field) field.value = value;
      else item.fields.push(fieldFromSeed(label, value, item.category));
    });
  }

  /** Sets (or adds) the file with that name. */
  setFile(vaultNameOrId: string, titleOrId: string, name: string, content: string | Uint8Array): ItemRecord {
    return this.updateItem(vaultNameOrId, titleOrId, (item) => {
      const next = fileFromSeed(name, content);
      const file = item.files.find((f) => f.name === name);
      if (file) file.content = next.content;
      else item.files.push(next);
    });
  }

  /** Deletes an item permanently. Returns false when there was none. */
  deleteItem(vaultNameOrId: string, titleOrId: string): boolean {
    const item = this.item(vaultNameOrId, titleOrId);
    if (!item) return false;
    const vault = this.requireVault(item.vaultId);
    vault.items.delete(item.id);
    touchVault(vault);
    return true;
  }

  /** Marks an item changed: `version` + 1, `updatedAt` now, vault `contentVersion` + 1. */
  bumpVersion(item: ItemRecord): void {
    item.version += 1;
    item.updatedAt = new Date();
    const vault = this.vault(item.vaultId);
    if (vault) touchVault(vault);
  }

  private requireVault(nameOrId: string): VaultRecord {
    const vault = this.vault(nameOrId);
    if (!vault) throw new Error(`no vault named or with id "${nameOrId}" in the emulator`);
    return vault;
  }

  private requireItem(vaultNameOrId: string, titleOrId: string): ItemRecord {
    const item = this.item(vaultNameOrId, titleOrId);
    if (!item) throw new Error(`no item "${titleOrId}" in vault "${vaultNameOrId}" of the emulator`);
    return item;
  }
}

function touchVault(vault: VaultRecord): void {
  vault.contentVersion += 1;
  vault.updatedAt = new Date();
}
