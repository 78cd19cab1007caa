import type { SecretObject } from '../../kube/kube-port.js';
import { ReadCoalescer } from '../../provider/read-coalescer.js';
import { FaultyClient } from '../../testing/external-secret-fixtures.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import { RecordingEventRecorder } from '../../testing/recording-event-recorder.js';
import { reconcileQueued } from '../../testing/drain-queue.js';
import { aSecretStore, anExternalSecret } from '../../testing/fixtures.js';
import { ManualClock } from '../manual-clock.js';
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
  const runQueued = () => reconcileQueued(queue, registration.reconciler);
  const secret = () =>
    kube.peek<SecretObject>({ apiVersion: 'v1', kind: 'Secret', name: 'es', namespace: 'default' });
  /** The SecretStore's status turns Ready, as its own reconciler would write it. */
  const storeBecomesReady = () =>
    kube.patchStatus(
      { apiVersion: 'external-secrets.io/v1', kind: 'SecretStore', name: 'store', namespace: 'default' },
      { status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Valid' }] } },
      'merge',
    );
  return { kube, registration, runQueued, secret, storeBecomesReady };
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
});
