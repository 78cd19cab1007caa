/**
 * The fake provider runs the provider conformance suite. Its "remote" data is the store's own
 * `spec.provider.fake.data`, so seeding edits that list (the suite writes it into the store, which
 * bumps the store's generation and so the client, as a user's edit would).
 */
import 'reflect-metadata';
import type { PushRemoteRef } from '@tessera/core';
import {
  describeProviderConformance,
  type ConformanceBackend,
  type ConformanceProbe,
  type ConformanceStoreSpec,
  type RemoteValue,
} from '@tessera/core/testing';
import type { FakeProviderData } from './fake-descriptor.js';
import { fakeModule } from './fake-module.js';

/** The fake's data as a map of key → value, turned into `spec.provider.fake.data` on demand. */
class FakeBackend implements ConformanceBackend {
  private readonly data = new Map<string, string>();

  storeSpec(): ConformanceStoreSpec {
    const data: FakeProviderData[] = [...this.data].map(([key, value]) => ({ key, value }));
    return { provider: { data } };
  }

  async seed(key: string, value: RemoteValue): Promise<void> {
    if (value instanceof Uint8Array) throw new Error('the fake provider holds text values only');
    this.data.set(key, typeof value === 'string' ? value : JSON.stringify(value.fields));
  }

  async remove(key: string): Promise<void> {
    this.data.delete(key);
  }

  /** Pushed values live in the provider itself, so they are read through a new client of the store. */
  async readPushed(remote: PushRemoteRef, probe: ConformanceProbe): Promise<Uint8Array | undefined> {
    const client = await probe.freshClient();
    try {
      if (!(await client.secretExists(remote))) return undefined;
      return await client.getSecret({ key: remote.remoteKey, property: remote.property });
    } finally {
      await client.close();
    }
  }

  async teardown(): Promise<void> {}
}

describeProviderConformance({
  name: 'fake',
  module: () => fakeModule,
  capabilities: {
    findReturns: 'key',
    supportsNestedProperty: true,
    supportsPush: true,
  },
  setup: async () => new FakeBackend(),
});
