/**
 * The 1Password provider runs the provider conformance suite against the Connect emulator, through
 * the real `@1password/connect` SDK. Remote values are items in one vault, titled by key:
 * a plain value is a PASSWORD item's password field, a binary value a DOCUMENT item's file, and a
 * structured value an item with those fields (a nested field sits in a section of that name).
 */
import 'reflect-metadata';
import type { PushRemoteRef } from '@tessera/core';
import {
  CONFORMANCE_NAMESPACE,
  aSecret,
  describeProviderConformance,
  type ConformanceBackend,
  type ConformanceStoreContext,
  type ConformanceStoreSpec,
  type RemoteValue,
  type SeedOptions,
} from '@tessera/core/testing';
import {
  startOnePasswordConnect,
  type ConnectSeedField,
  type ConnectSeedItem,
  type OnePasswordConnectEmulator,
} from '@tessera/test/emulators/onepassword/index';
import { createOnePasswordModule } from './onepassword-module.js';
import type { OnePasswordProviderSpec } from './onepassword-spec.js';

const VAULT = 'conformance';
const TOKEN_SECRET = 'onepassword-connect-token';

/** Items in the emulator's `conformance` vault. */
class ConnectBackend implements ConformanceBackend {
  constructor(private readonly connect: OnePasswordConnectEmulator) {}

  storeSpec(store: ConformanceStoreContext): ConformanceStoreSpec {
    const namespace = store.kind === 'ClusterSecretStore' ? { namespace: CONFORMANCE_NAMESPACE } : {};
    const provider: OnePasswordProviderSpec = {
      connectHost: this.connect.url,
      vaults: { [VAULT]: 1 },
      auth: { secretRef: { connectTokenSecretRef: { name: TOKEN_SECRET, key: 'token', ...namespace } } },
    };
    return { provider, secrets: [aSecret(TOKEN_SECRET).withData({ token: this.connect.token }).build()] };
  }

  /** A plain value seeded over an existing item is edited in place (its version goes up), as a user would. */
  async seed(key: string, value: RemoteValue, options: SeedOptions = {}): Promise<void> {
    if (typeof value === 'string' && this.connect.store.item(VAULT, key) && !options.tags) {
      this.connect.store.setField(VAULT, key, 'password', value);
      return;
    }
    await this.remove(key);
    const tags = Object.entries(options.tags ?? {}).map(([name, tag]) => `${name}:${tag}`);
    this.connect.store.addItem(VAULT, key, { ...itemOf(key, value), tags });
  }

  async remove(key: string): Promise<void> {
    while (this.connect.store.deleteItem(VAULT, key));
  }

  async readPushed(remote: PushRemoteRef): Promise<Uint8Array | undefined> {
    const item = this.connect.store.item(VAULT, remote.remoteKey);
    const field = item?.fields.find((f) => f.label === (remote.property || 'password'));
    return field?.value === undefined ? undefined : new TextEncoder().encode(field.value);
  }

  async teardown(): Promise<void> {
    await this.connect.stop();
  }
}

function itemOf(key: string, value: RemoteValue): ConnectSeedItem {
  if (typeof value === 'string') return { category: 'PASSWORD', fields: { password: value } };
  if (value instanceof Uint8Array) return { category: 'DOCUMENT', files: { [`${key}.bin`]: value } };
  const fields: Record<string, ConnectSeedField> = {};
  for (const [label, field] of Object.entries(value.fields)) {
    if (typeof field === 'string') fields[label] = field;
    else for (const [inner, text] of Object.entries(field)) fields[inner] = { value: text, section: label };
  }
  return { category: 'LOGIN', fields };
}

describeProviderConformance({
  name: 'onepassword',
  module: ({ clock }) => createOnePasswordModule({ clock }),
  capabilities: {
    findReturns: 'field',
    supportsTags: true,
    findPath: 'itemKey',
    supportsNestedProperty: true,
    supportsBinary: true,
    supportsPush: true,
  },
  setup: async () => {
    const connect = await startOnePasswordConnect({ seed: { vaults: { [VAULT]: {} } } });
    return new ConnectBackend(connect);
  },
});
