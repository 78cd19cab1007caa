/**
 * The store's vaults in priority order, resolved from name to id with one `ListVaults` call for the
 * client's lifetime. A vault that later answers 404 is re-resolved (it may have been recreated).
 */
import { InvalidProviderConfigError } from '@tessera/core';
import type { ConnectApi, ConnectVault } from './connect-model.js';
import { describeConnectFailure } from './connect-errors.js';

/** A configured vault with its id. */
export interface ResolvedVault {
  readonly name: string;
  readonly id: string;
  readonly priority: number;
}

/** Vault name → id, cached. */
export class VaultDirectory {
  #resolved: Promise<ResolvedVault[]> | undefined;
  readonly #ordered: readonly { name: string; priority: number }[];

  constructor(
    private readonly api: ConnectApi,
    vaults: Readonly<Record<string, number>>,
  ) {
    this.#ordered = Object.entries(vaults)
      .map(([name, priority]) => ({ name, priority }))
      .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
  }

  /** Configured vault names in priority order (no network). */
  get names(): readonly string[] {
    return this.#ordered.map((v) => v.name);
  }

  /** Every configured vault with its id, in priority order. */
  resolve(): Promise<ResolvedVault[]> {
    if (!this.#resolved) {
      const pending = this.#lookUp();
      this.#resolved = pending;
      pending.catch(() => {
        if (this.#resolved === pending) this.#resolved = undefined;
      });
    }
    return this.#resolved;
  }

  /** One configured vault by name. */
  async byName(name: string): Promise<ResolvedVault> {
    const vault = (await this.resolve()).find((v) => v.name === name);
    if (!vault)
      throw new InvalidProviderConfigError(
        `vault "${name}" is not one of the store's vaults (${this.names.join(', ')})`,
      );
    return vault;
  }

  /** Forgets the resolution so the next call lists vaults again. */
  invalidate(): void {
    this.#resolved = undefined;
  }

  async #lookUp(): Promise<ResolvedVault[]> {
    let visible: ConnectVault[];
    try {
      visible = await this.api.listVaults();
    } catch (error) {
      throw describeConnectFailure(error, 'listing the vaults the Connect token can read');
    }
    return this.#ordered.map(({ name, priority }) => ({ name, priority, id: pick(name, visible) }));
  }
}

function pick(name: string, visible: readonly ConnectVault[]): string {
  const byId = visible.find((v) => v.id === name);
  if (byId) return byId.id;
  const named = visible.filter((v) => v.name === name);
  if (named.length === 1) return named[0].id;
  if (named.length > 1) {
    throw new InvalidProviderConfigError(
      `${named.length} vaults named "${name}" are visible to the Connect token (ids ${named.map((v) => v.id).join(', ')}); ` +
        'rename one of them or list the vault by its id in spec.provider.onepassword.vaults',
    );
  }
  throw new InvalidProviderConfigError(
    `vault "${name}" was not found among the ${visible.length} vaults the Connect token can read (HTTP 404); ` +
      'check the vault name in spec.provider.onepassword.vaults and that the token has access to it',
  );
}
