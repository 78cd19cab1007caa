/**
 * The `fake` provider (ESO-compatible): values come from the store's own
 * `spec.provider.fake.data[]`, so editing the store changes the "remote" data at run time; values
 * pushed by PushSecrets are kept per store for the provider's lifetime.
 */
import {
  InvalidProviderConfigError,
  type ClientContext,
  type Provider,
  type SecretsClient,
  type StoreView,
} from '@tessera/core';
import { FakeSecretsClient } from './fake-client.js';
import { FakeData, type PushedValues } from './fake-data.js';
import type { FakeProviderSpec } from './fake-descriptor.js';

/** Factory of fake clients; one instance per container (it holds pushed values). */
export class FakeProvider implements Provider<FakeProviderSpec> {
  private readonly pushed = new Map<string, PushedValues>();

  /** ESO's checks: every entry needs a key and a value. */
  validateStore(store: StoreView<FakeProviderSpec>): readonly string[] {
    (store.spec.data ?? []).forEach((entry, index) => {
      if (!entry.key)
        throw new InvalidProviderConfigError(`spec.provider.fake.data[${index}].key must be set`);
      if (!entry.value && !entry.valueMap) {
        throw new InvalidProviderConfigError(
          `spec.provider.fake.data[${index}] (key=${entry.key}) needs a value`,
        );
      }
    });
    return [];
  }

  async newClient(context: ClientContext<FakeProviderSpec>): Promise<SecretsClient> {
    const { store } = context;
    const id = `${store.kind}/${store.namespace ?? ''}/${store.name}`;
    let pushed = this.pushed.get(id);
    if (!pushed) this.pushed.set(id, (pushed = new Map()));
    return new FakeSecretsClient({
      data: new FakeData(store.spec.data ?? [], pushed),
      calls: context.calls,
      validationResult: store.spec.validationResult,
    });
  }
}
