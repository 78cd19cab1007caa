import type { SecretObject } from '../../kube/kube-port.js';
import { ReadCoalescer } from '../../provider/read-coalescer.js';
import { FaultyClient } from '../../testing/external-secret-fixtures.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import { RecordingEventRecorder } from '../../testing/recording-event-recorder.js';
import { reconcileQueued } from '../../testing/drain-queue.js';
import { aSecretStore, anExternalSecret } from '../../testing/fixtures.js';
import { EXTERNAL_SECRET_FINALIZER } from './target-bookkeeping.js';
import { ManualClock } from '../manual-clock.js';
import { objectKeyToString, type Reconciler } from '../reconciler.js';
import { WorkQueue } from '../work-queue.js';
import { externalSecretRegistration } from './external-secret-registration.js';

/** GIVEN the registration over an in-memory API, and a loop that reconciles whatever is queued. */
function setup() {
  const kube = new InMemoryKube();
  const client = new FaultyClient({ values: { k: 'v' } });
  const registration = externalSecretRegistration({
    caches: kube,
    kube,
    clients: { clientFor: async () => client },
    coalescer: new ReadCoalescer(),
    events: new RecordingEventRecorder(),
  });
  const queue = new WorkQueue({ clock: new ManualClock() });
  registration.watch?.(queue);
  const reconciled: string[] = [];
  const counting: Reconciler = {
    reconcile: (key) => {
      reconciled.push(objectKeyToString(key));
      return registration.reconciler.reconcile(key);
    },
  };
  const runQueued = () => reconcileQueued(queue, counting);
  const secret = () =>
    kube.peek<SecretObject>({ apiVersion: 'v1', kind: 'Secret', name: 'es', namespace: 'default' });
  /** The SecretStore's status turns Ready, as its own reconciler would write it. */
  const storeBecomesReady = () =>
    kube.patchStatus(
      { apiVersion: 'external-secrets.io/v1', kind: 'SecretStore', name: 'store', namespace: 'default' },
      { status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Valid' }] } },
      'merge',
    );
  /** A store that is Ready, and ExternalSecret `es` synced from it (reconciles counted from here). */
  const synced = async () => {
    await kube.create(aSecretStore('store').build());
    await storeBecomesReady();
    await kube.create(anExternalSecret('es').withData('k', 'k').build());
    await runQueued();
  };
  return { kube, registration, runQueued, secret, storeBecomesReady, reconciled, synced };
}

describe('ExternalSecret controller registration', () => {
  test('an ExternalSecret created through the API is synced by the queued reconcile', async () => {
    const { kube, runQueued, secret, registration, storeBecomesReady } = setup();
    expect(registration.name).toBe('externalsecret');
    await kube.create(aSecretStore('store').build());
    await storeBecomesReady();
    await kube.create(anExternalSecret('es').withData('k', 'k').build());
    await runQueued();
    expect(secret()?.data).toEqual({ k: Buffer.from('v').toString('base64') });
  });

  test('an ExternalSecret waiting for its store is synced as soon as the store becomes Ready', async () => {
    const { kube, runQueued, secret, storeBecomesReady } = setup();
    await kube.create(aSecretStore('store').build());
    await kube.create(anExternalSecret('es').withData('k', 'k').build());
    await runQueued();
    expect(secret()).toBeUndefined();
    // WHEN the store turns Ready
    await storeBecomesReady();
    // THEN the ExternalSecret is already queued and syncs on the next turn, without any backoff
    await runQueued();
    expect(secret()).toBeDefined();
  });

  test('a deleted target Secret is restored through its watch', async () => {
    const { kube, runQueued, secret, storeBecomesReady } = setup();
    await kube.create(aSecretStore('store').build());
    await storeBecomesReady();
    await kube.create(anExternalSecret('es').withData('k', 'k').build());
    await runQueued();
    await kube.delete({ apiVersion: 'v1', kind: 'Secret', name: 'es', namespace: 'default' });
    await runQueued();
    expect(secret()).toBeDefined();
  });

  test('a first sync is reconciled once: the echoes of its own finalizer patch and Secret create queue nothing', async () => {
    const { reconciled, secret, synced } = setup();
    // WHEN a new ExternalSecret is synced (its finalizer patch and Secret create come back as watch events)
    await synced();
    // THEN it was reconciled once, not once more for each echo
    expect(secret()).toBeDefined();
    expect(reconciled).toEqual(['default/es']);
  });

  test('changes by anyone else after the sync still queue the ExternalSecret', async () => {
    const { kube, reconciled, runQueued, secret, synced } = setup();
    await synced();
    const es = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      name: 'es',
      namespace: 'default',
    };
    // WHEN another controller adds its finalizer, a user labels the ExternalSecret, and a user edits the Secret
    await kube.patch(
      es,
      { metadata: { finalizers: [EXTERNAL_SECRET_FINALIZER, 'example.com/other'] } },
      'merge',
    );
    await runQueued();
    await kube.patch(es, { metadata: { labels: { team: 'a' } } }, 'merge');
    await runQueued();
    await kube.patch(
      { apiVersion: 'v1', kind: 'Secret', name: 'es', namespace: 'default' },
      { data: { k: Buffer.from('edited').toString('base64') } },
      'merge',
    );
    await runQueued();
    // THEN each change was reconciled, and the edited Secret was repaired
    expect(reconciled).toEqual(['default/es', 'default/es', 'default/es', 'default/es']);
    expect(secret()?.data).toEqual({ k: Buffer.from('v').toString('base64') });
  });
});
