import type { ClusterSecretStore, ExternalSecret, SecretStore } from '../../api/v1/index.js';
import type { SecretObject } from '../../kube/kube-port.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import { aClusterSecretStore, aSecret, aSecretStore, anExternalSecret } from '../../testing/fixtures.js';
import { takeQueuedKeys } from '../../testing/drain-queue.js';
import { ManualClock } from '../manual-clock.js';
import { StoreReadyNotifier } from '../secret-store/store-ready-notifier.js';
import { WorkQueue } from '../work-queue.js';
import { ExternalSecretController } from './external-secret-controller.js';
import { EXTERNAL_SECRET_FINALIZER, LABEL_MANAGED } from './target-bookkeeping.js';

const V1 = 'external-secrets.io/v1';
const esRef = (name: string, namespace = 'default') => ({
  apiVersion: V1,
  kind: 'ExternalSecret',
  name,
  namespace,
});

/** GIVEN caches over an in-memory API and a controller watching them. */
function setup() {
  const kube = new InMemoryKube();
  const notifier = new StoreReadyNotifier();
  const queue = new WorkQueue({ clock: new ManualClock() });
  const controller = new ExternalSecretController({
    externalSecrets: kube.cache<ExternalSecret>({ apiVersion: V1, kind: 'ExternalSecret' }),
    secrets: kube.cache<SecretObject>(
      { apiVersion: 'v1', kind: 'Secret' },
      { labelSelector: `${LABEL_MANAGED}=true` },
    ),
    secretStores: kube.cache<SecretStore>({ apiVersion: V1, kind: 'SecretStore' }),
    clusterSecretStores: kube.cache<ClusterSecretStore>({ apiVersion: V1, kind: 'ClusterSecretStore' }),
    storeReady: notifier,
  });
  controller.watch(queue);
  /** Takes every queued key, sorted. */
  const drain = async (): Promise<string[]> => (await takeQueuedKeys(queue)).sort();
  return { kube, queue, notifier, controller, drain };
}

describe('ExternalSecret controller watches', () => {
  test('a created ExternalSecret is queued at high priority', async () => {
    const { kube, drain } = setup();
    await kube.create(anExternalSecret('db').withData('k', 'k').build());
    expect(await drain()).toEqual(['default/db']);
  });

  test('status-only updates are ignored; annotation, spec and finalizer changes are not', async () => {
    const { kube, drain } = setup();
    await kube.create(anExternalSecret('db').withData('k', 'k').build());
    await drain();
    await kube.patchStatus(esRef('db'), { status: { refreshTime: '2026-01-01T00:00:00Z' } }, 'merge');
    expect(await drain()).toEqual([]);
    await kube.patch(esRef('db'), { metadata: { annotations: { 'force-sync': '1' } } }, 'merge');
    expect(await drain()).toEqual(['default/db']);
    await kube.patch(esRef('db'), { spec: { refreshInterval: '5m' } }, 'merge');
    expect(await drain()).toEqual(['default/db']);
    await kube.patch(esRef('db'), { metadata: { finalizers: [EXTERNAL_SECRET_FINALIZER] } }, 'merge');
    expect(await drain()).toEqual(['default/db']);
  });

  test('a change to a managed Secret queues the ExternalSecret that targets it', async () => {
    const { kube, drain } = setup();
    await kube.create(anExternalSecret('db').withData('k', 'k').withTarget({ name: 'db-creds' }).build());
    await drain();
    await kube.create(
      aSecret('db-creds')
        .withLabels({ [LABEL_MANAGED]: 'true' })
        .build(),
    );
    expect(await drain()).toEqual(['default/db']);
    await kube.delete({ apiVersion: 'v1', kind: 'Secret', name: 'db-creds', namespace: 'default' });
    expect(await drain()).toEqual(['default/db']);
  });

  test('unmanaged Secrets and Secrets nobody targets queue nothing', async () => {
    const { kube, drain } = setup();
    await kube.create(anExternalSecret('db').withData('k', 'k').build());
    await drain();
    await kube.create(aSecret('db').build());
    await kube.create(
      aSecret('unrelated')
        .withLabels({ [LABEL_MANAGED]: 'true' })
        .build(),
    );
    expect(await drain()).toEqual([]);
  });

  test('after a target rename the index follows the new name', async () => {
    const { kube, drain, controller } = setup();
    await kube.create(anExternalSecret('db').withData('k', 'k').build());
    await kube.patch(esRef('db'), { spec: { target: { name: 'renamed' } } }, 'merge');
    await drain();
    expect(controller.index.targeting('default', 'db')).toEqual([]);
    expect(controller.index.targeting('default', 'renamed')).toEqual([{ namespace: 'default', name: 'db' }]);
  });

  test('a store turning Ready queues every ExternalSecret using it at once', async () => {
    const { kube, drain } = setup();
    await kube.create(aSecretStore('vault').notReady().build());
    await kube.create(anExternalSecret('a').usingStore('vault').withData('k', 'k').build());
    await kube.create(anExternalSecret('b').usingStore('other').withData('k', 'k').build());
    await drain();
    await kube.patchStatus(
      { apiVersion: V1, kind: 'SecretStore', name: 'vault', namespace: 'default' },
      { status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Valid' }] } },
      'merge',
    );
    expect(await drain()).toEqual(['default/a']);
  });

  test('a store status write that does not change readiness queues nothing', async () => {
    const { kube, drain } = setup();
    await kube.create(aSecretStore('vault').ready().build());
    await kube.create(anExternalSecret('a').usingStore('vault').withData('k', 'k').build());
    await drain();
    await kube.patchStatus(
      { apiVersion: V1, kind: 'SecretStore', name: 'vault', namespace: 'default' },
      { status: { capabilities: 'ReadOnly' } },
      'merge',
    );
    expect(await drain()).toEqual([]);
  });

  test('a ClusterSecretStore change queues its users in every namespace, including sourceRef users', async () => {
    const { kube, drain } = setup();
    await kube.create(aClusterSecretStore('shared').ready().build());
    await kube.create(
      anExternalSecret('a').inNamespace('team-a').usingClusterStore('shared').withData('k', 'k').build(),
    );
    await kube.create(
      anExternalSecret('b')
        .inNamespace('team-b')
        .withSpec({
          data: [
            {
              secretKey: 'k',
              remoteRef: { key: 'k' },
              sourceRef: { storeRef: { name: 'shared', kind: 'ClusterSecretStore' } },
            },
          ],
        })
        .build(),
    );
    await drain();
    await kube.patch(
      { apiVersion: V1, kind: 'ClusterSecretStore', name: 'shared' },
      { spec: { refreshInterval: 60 } },
      'merge',
    );
    expect(await drain()).toEqual(['team-a/a', 'team-b/b']);
  });

  test('the store controller notification queues the store users', async () => {
    const { kube, drain, notifier } = setup();
    await kube.create(anExternalSecret('a').usingStore('vault').withData('k', 'k').build());
    await drain();
    notifier.notify('SecretStore/default/vault');
    expect(await drain()).toEqual(['default/a']);
  });

  test('ExternalSecrets that already exist when watching starts are indexed', async () => {
    const kube = new InMemoryKube();
    kube.seed(anExternalSecret('early').usingStore('vault').withData('k', 'k').build());
    const controller = new ExternalSecretController({
      externalSecrets: kube.cache<ExternalSecret>({ apiVersion: V1, kind: 'ExternalSecret' }),
      secrets: kube.cache<SecretObject>({ apiVersion: 'v1', kind: 'Secret' }),
    });
    controller.watch(new WorkQueue({ clock: new ManualClock() }));
    expect(controller.index.using('SecretStore/default/vault')).toEqual([
      { namespace: 'default', name: 'early' },
    ]);
  });
});
