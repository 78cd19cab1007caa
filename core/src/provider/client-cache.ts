/**
 * Provider clients, cached per store generation (ESO rebuilds one per reconcile).
 *
 * Guarantees:
 * - one client per store uid + generation + namespace context, built once even when many reconciles
 *   ask at the same time (the promise is shared);
 * - a failed build is not cached: the next call tries again;
 * - when a store's uid or generation changes, or {@link ProviderClientCache.evict} is called, the old
 *   clients are retired: closed as soon as the calls already running on them finish;
 * - {@link ProviderClientCache.close} retires everything and refuses further requests.
 *
 * Namespace context: a SecretStore's clients always work in the store's namespace, so it has one;
 * a ClusterSecretStore gets one client per referent namespace (credentials may resolve there).
 */
import { inject, injectable, optional } from 'inversify';
import * as tokens from '../di/tokens.js';
import { noopProviderCallRecorder, type ProviderCallRecorder } from './provider-call-recorder.js';
import type { ProviderKubeAccessFactory } from './provider-kube-access.js';
import type { SecretsClient } from './provider.js';
import type { ProviderRegistry } from './provider-registry.js';
import { storeKeyOfObject, storeRefOfObject, type StoreKey } from './store-ref.js';
import { toStoreView, type AnyStore } from './store-view.js';
import { TrackedClient } from './tracked-client.js';

/** The cache was closed (operator shutting down). */
export class ClientCacheClosedError extends Error {
  constructor() {
    super('the provider client cache is closed because the operator is shutting down');
    this.name = 'ClientCacheClosedError';
  }
}

/** The store changed while its client was being built; retry with the current store. */
export class StoreChangedError extends Error {
  constructor(storeKey: StoreKey) {
    super(`${storeKey} changed while its provider client was being built; retrying with the new version`);
    this.name = 'StoreChangedError';
  }
}

interface StoreEntry {
  readonly identity: string;
  readonly clients: Map<string, Promise<TrackedClient>>;
}

/** Caches provider clients per store generation. One instance per process. */
@injectable()
export class ProviderClientCache {
  private readonly entries = new Map<StoreKey, StoreEntry>();
  private closed = false;

  constructor(
    @inject(tokens.ProviderRegistry) private readonly registry: ProviderRegistry,
    @inject(tokens.ProviderKubeAccessFactory) private readonly kubeAccess: ProviderKubeAccessFactory,
    @inject(tokens.ProviderCallRecorder)
    @optional()
    private readonly recorder: ProviderCallRecorder = noopProviderCallRecorder,
  ) {}

  /**
   * The client for `store` serving objects of `namespace` ('' to validate a ClusterSecretStore).
   * Callers must not close it. Rejects with the provider's error when the client cannot be built.
   */
  clientFor(store: AnyStore, namespace: string): Promise<SecretsClient> {
    if (this.closed) return Promise.reject(new ClientCacheClosedError());
    const key = storeKeyOfObject(store);
    const identity = `${store.metadata.uid ?? ''}/${store.metadata.generation ?? 0}`;
    let entry = this.entries.get(key);
    if (entry && entry.identity !== identity) {
      this.retireEntry(entry);
      entry = undefined;
    }
    if (!entry) {
      entry = { identity, clients: new Map() };
      this.entries.set(key, entry);
    }
    const context = store.kind === 'ClusterSecretStore' ? namespace : '';
    let client = entry.clients.get(context);
    if (!client) {
      client = this.build(
        store,
        store.kind === 'ClusterSecretStore' ? namespace : (store.metadata.namespace ?? ''),
        key,
        entry,
      );
      entry.clients.set(context, client);
      const created = client;
      const currentEntry = entry;
      created.catch(() => {
        if (currentEntry.clients.get(context) === created) currentEntry.clients.delete(context);
      });
    }
    return client;
  }

  /** Retires every client of the store (it changed or was deleted). Resolves once they are closed. */
  async evict(storeKey: StoreKey): Promise<void> {
    const entry = this.entries.get(storeKey);
    if (!entry) return;
    this.entries.delete(storeKey);
    await this.retireEntry(entry);
  }

  /** Number of clients currently cached (built or being built); for tests and metrics. */
  size(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.clients.size;
    return total;
  }

  /** Retires every client and refuses further requests (shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.entries.keys()].map((key) => this.evict(key)));
  }

  private async build(
    store: AnyStore,
    namespace: string,
    key: StoreKey,
    entry: StoreEntry,
  ): Promise<TrackedClient> {
    const resolved = this.registry.resolveValidated(store.spec);
    const ref = storeRefOfObject(store);
    const inner = await resolved.contribution.provider.newClient({
      store: toStoreView(store, resolved.block),
      namespace,
      kube: this.kubeAccess(ref, namespace),
      calls: this.recorder.observerFor({ store: ref, provider: resolved.name }),
    });
    const client = new TrackedClient(inner);
    if (this.closed || this.entries.get(key) !== entry) {
      await client.retire();
      throw this.closed ? new ClientCacheClosedError() : new StoreChangedError(key);
    }
    return client;
  }

  private async retireEntry(entry: StoreEntry): Promise<void> {
    const clients = [...entry.clients.values()];
    entry.clients.clear();
    await Promise.all(
      clients.map((promise) =>
        promise.then(
          (client) => client.retire(),
          () => undefined,
        ),
      ),
    );
  }
}
