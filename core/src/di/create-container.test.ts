import 'reflect-metadata';
import { ContainerModule } from 'inversify';
import { API_VERSION_V1 } from '../api/v1/constants.js';
import type { ClusterExternalSecretReconciler } from '../controller/cluster-external-secret/cluster-external-secret-reconciler.js';
import type { StoreReadyNotifier } from '../controller/secret-store/store-ready-notifier.js';
import type { StoreReconciler } from '../controller/secret-store/store-reconciler.js';
import type { ProviderClientCache } from '../provider/client-cache.js';
import type { ReadCoalescer } from '../provider/read-coalescer.js';
import type { AnyStore } from '../provider/store-view.js';
import { aSecretStore } from '../testing/fixtures.js';
import { InMemoryKube } from '../kube/in-memory-kube.js';
import { RecordingEventRecorder } from '../testing/recording-event-recorder.js';
import { stubContribution } from '../testing/stub-provider.js';
import { createContainer } from './create-container.js';
import * as tokens from './tokens.js';

function container(kube = new InMemoryKube()) {
  const stubModule = new ContainerModule(({ bind }) => {
    bind(tokens.ProviderContribution).toConstantValue(stubContribution('fake'));
  });
  return createContainer({
    providerModules: [stubModule],
    settings: { controllerClass: 'tessera' },
    constants: [
      { token: tokens.KubeClient, value: kube },
      { token: tokens.CacheFactory, value: kube },
      { token: tokens.EventRecorder, value: new RecordingEventRecorder() },
    ],
  });
}

describe('createContainer', () => {
  it('wires the store reconcilers to one client cache, one notifier and the given settings', async () => {
    // GIVEN a container over an in-memory cluster holding a store of our controller class
    const kube = new InMemoryKube();
    kube.seed(aSecretStore('s').withController('tessera').build());
    const c = container(kube);
    const notified: string[] = [];
    c.get<StoreReadyNotifier>(tokens.StoreReadyNotifier).onStoreReady((key) => notified.push(key));
    // WHEN the SecretStore reconciler runs
    await c.get<StoreReconciler>(tokens.SecretStoreReconciler).reconcile({ namespace: 'default', name: 's' });
    // THEN the store is Ready, its client sits in the shared cache, and the shared notifier fired
    const store = kube.peek<AnyStore>({
      apiVersion: API_VERSION_V1,
      kind: 'SecretStore',
      name: 's',
      namespace: 'default',
    });
    expect(store?.status?.conditions?.[0]?.reason).toBe('Valid');
    expect(c.get<ProviderClientCache>(tokens.ProviderClientCache).size()).toBe(1);
    expect(notified).toEqual(['SecretStore/default/s']);
  });

  it('gives singletons: one coalescer, one cache, one CES reconciler', () => {
    const c = container();
    expect(c.get<ReadCoalescer>(tokens.ReadCoalescer)).toBe(c.get<ReadCoalescer>(tokens.ReadCoalescer));
    expect(c.get<ProviderClientCache>(tokens.ProviderClientCache)).toBe(
      c.get<ProviderClientCache>(tokens.ProviderClientCache),
    );
    expect(c.get<ClusterExternalSecretReconciler>(tokens.ClusterExternalSecretReconciler)).toBe(
      c.get<ClusterExternalSecretReconciler>(tokens.ClusterExternalSecretReconciler),
    );
  });

  it('gives each container its own state', () => {
    expect(container().get(tokens.ProviderClientCache)).not.toBe(container().get(tokens.ProviderClientCache));
  });
});
