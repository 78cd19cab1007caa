import 'reflect-metadata';
import {
  API_VERSION_V1,
  StoreValidationError,
  createContainer,
  tokens,
  type AnyStore,
  type StoreReconciler,
} from '@tessera/core';
import {
  InMemoryKube,
  RecordingEventRecorder,
  aClusterSecretStore,
  aSecretStore,
} from '@tessera/core/testing';
import { fakeModule } from './fake-module.js';

function reconcileStore(store: AnyStore) {
  const kube = new InMemoryKube();
  kube.seed(store);
  const container = createContainer({
    providerModules: [fakeModule],
    constants: [
      { token: tokens.KubeClient, value: kube },
      { token: tokens.CacheFactory, value: kube },
      { token: tokens.EventRecorder, value: new RecordingEventRecorder() },
    ],
  });
  const kind = store.kind;
  const reconciler = container.get<StoreReconciler>(
    kind === 'SecretStore' ? tokens.SecretStoreReconciler : tokens.ClusterSecretStoreReconciler,
  );
  const { name = '', namespace } = store.metadata;
  return {
    result: reconciler.reconcile({ name, namespace }),
    ready: () =>
      kube
        .peek<AnyStore>({ apiVersion: API_VERSION_V1, kind, name, namespace })
        ?.status?.conditions?.find((c) => c.type === 'Ready'),
  };
}

describe('a fake store through the store controller', () => {
  it('becomes Ready/Valid', async () => {
    const run = reconcileStore(aSecretStore('fake').withFakeData({ key: 'value' }).build());
    await run.result;
    expect(run.ready()).toMatchObject({ status: 'True', reason: 'Valid' });
  });

  it('stays Ready with ValidationUnknown when told validation is unknown', async () => {
    const run = reconcileStore(aClusterSecretStore('fake').withFakeValidationResult(1).build());
    await run.result;
    expect(run.ready()).toMatchObject({ status: 'True', reason: 'ValidationUnknown' });
  });

  it('becomes InvalidProviderConfig when told to fail, with the provider message', async () => {
    const run = reconcileStore(aClusterSecretStore('fake').withFakeValidationResult(2).build());
    await expect(run.result).rejects.toBeInstanceOf(StoreValidationError);
    expect(run.ready()).toMatchObject({ status: 'False', reason: 'InvalidProviderConfig' });
    expect(run.ready()?.message).toContain('validationResult: 2');
  });

  it('rejects a data entry without a value, naming the entry', async () => {
    const run = reconcileStore(
      aSecretStore('fake')
        .withFakeData([{ key: 'k', value: '' }])
        .build(),
    );
    await expect(run.result).rejects.toThrow();
    expect(run.ready()?.message).toBe(
      'invalid store configuration: spec.provider.fake.data[0] (key=k) needs a value',
    );
  });
});
