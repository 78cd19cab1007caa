import type { ExternalSecret } from '../../api/v1/index.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import { anExternalSecret } from '../../testing/fixtures.js';
import { syncedResourceVersionOf } from './object-hash.js';
import { nextStatus, writeStatus, StatusMessages, type StatusChange } from './write-status.js';
import { toKubeTime } from '../../kube/kube-time.js';

const T0 = new Date('2026-01-01T10:00:00.750Z');
const T1 = new Date('2026-01-01T11:00:00Z');
const synced: StatusChange = {
  ready: true,
  reason: 'SecretSynced',
  message: StatusMessages.synced,
  synced: true,
  binding: 'es',
};
const failed: StatusChange = {
  ready: false,
  reason: 'SecretSyncedError',
  message: `${StatusMessages.getDataFailed}: spec.data[0] (key=x): not found in SecretStore/store`,
};

function stored(): { kube: InMemoryKube; es: () => ExternalSecret } {
  const kube = new InMemoryKube();
  kube.seed(anExternalSecret('es').withData('k', 'k').build());
  const ref = {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    name: 'es',
    namespace: 'default',
  };
  return { kube, es: () => kube.peek<ExternalSecret>(ref) as ExternalSecret };
}

describe('status', () => {
  test('a successful sync records Ready, refreshTime in whole seconds, syncedResourceVersion and binding', () => {
    const es = anExternalSecret('es').withMetadata({ generation: 2 }).build();
    const status = nextStatus(es, synced, T0);
    expect(status).toEqual({
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'SecretSynced',
          message: 'secret synced',
          lastTransitionTime: '2026-01-01T10:00:00Z',
        },
      ],
      refreshTime: '2026-01-01T10:00:00Z',
      syncedResourceVersion: syncedResourceVersionOf(es),
      binding: { name: 'es' },
    });
  });

  test('a failure changes only the condition', () => {
    const es = {
      ...anExternalSecret('es').build(),
      status: nextStatus(anExternalSecret('es').build(), synced, T0),
    };
    const status = nextStatus(es, failed, T1);
    expect(status.refreshTime).toBe(es.status.refreshTime);
    expect(status.conditions).toEqual([
      {
        type: 'Ready',
        status: 'False',
        reason: 'SecretSyncedError',
        message: failed.message,
        lastTransitionTime: toKubeTime(T1),
      },
    ]);
  });

  test('lastTransitionTime is kept while the status does not flip', () => {
    const es = {
      ...anExternalSecret('es').build(),
      status: nextStatus(anExternalSecret('es').build(), synced, T0),
    };
    const status = nextStatus(
      es,
      { ...synced, reason: 'SecretDeleted', message: StatusMessages.deleted },
      T1,
    );
    expect(status.conditions?.[0].lastTransitionTime).toBe('2026-01-01T10:00:00Z');
  });

  test('an unchanged status is not written', async () => {
    const { kube, es } = stored();
    await writeStatus({ kube, es: es(), change: failed, now: T0 });
    kube.resetCalls();
    expect(await writeStatus({ kube, es: es(), change: failed, now: T1 })).toBeUndefined();
    expect(kube.calls).toEqual([]);
  });

  test('a changed status is written once through the status subresource', async () => {
    const { kube, es } = stored();
    kube.resetCalls();
    const updated = await writeStatus({ kube, es: es(), change: synced, now: T0 });
    expect(kube.calls.map((call) => call.verb)).toEqual(['updateStatus']);
    expect(updated?.status?.refreshTime).toBe('2026-01-01T10:00:00Z');
  });
});
