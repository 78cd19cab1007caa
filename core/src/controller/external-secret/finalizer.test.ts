import type { ExternalSecret } from '../../api/v1/index.js';
import type { SecretObject } from '../../kube/kube-port.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import { aSecret, anExternalSecret } from '../../testing/fixtures.js';
import { ensureFinalizer, finalizeDeletion } from './finalizer.js';
import { settingsOf } from './load.js';
import { EXTERNAL_SECRET_FINALIZER, LABEL_MANAGED } from './target-bookkeeping.js';

const ES_REF = {
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  name: 'es',
  namespace: 'default',
};
const SECRET_REF = { apiVersion: 'v1', kind: 'Secret', name: 'es', namespace: 'default' };

function world(es: ExternalSecret, ...others: SecretObject[]) {
  const kube = new InMemoryKube();
  kube.seed(es, ...others);
  const secrets = kube.cache<SecretObject>(
    { apiVersion: 'v1', kind: 'Secret' },
    { labelSelector: `${LABEL_MANAGED}=true` },
  );
  return { kube, secrets, es: () => kube.peek<ExternalSecret>(ES_REF) as ExternalSecret };
}

describe('finalizer', () => {
  test('is added once with a merge patch, keeping other finalizers', async () => {
    const w = world(
      anExternalSecret('es')
        .withMetadata({ finalizers: ['other/keep'] })
        .withData('k', 'k')
        .build(),
    );
    await ensureFinalizer(w.kube, w.es());
    expect(w.es().metadata.finalizers).toEqual(['other/keep', EXTERNAL_SECRET_FINALIZER]);
    w.kube.resetCalls();
    expect(await ensureFinalizer(w.kube, w.es())).toBeUndefined();
    expect(w.kube.calls).toEqual([]);
  });

  test('on deletion with deletionPolicy Delete the controlled Secret is deleted, then the finalizer removed', async () => {
    const es = anExternalSecret('es')
      .withMetadata({ uid: 'u', finalizers: [EXTERNAL_SECRET_FINALIZER] })
      .withTarget({ deletionPolicy: 'Delete' })
      .build();
    const w = world(
      es,
      aSecret('es')
        .withLabels({ [LABEL_MANAGED]: 'true' })
        .ownedBy(es)
        .build(),
    );
    expect(
      await finalizeDeletion({ es: w.es(), settings: settingsOf(es), kube: w.kube, secrets: w.secrets }),
    ).toBe(true);
    expect(w.kube.peek(SECRET_REF)).toBeUndefined();
    expect(w.es().metadata.finalizers).toEqual([]);
  });

  test('on deletion with deletionPolicy Retain the Secret stays', async () => {
    const es = anExternalSecret('es')
      .withMetadata({ uid: 'u', finalizers: [EXTERNAL_SECRET_FINALIZER] })
      .build();
    const w = world(
      es,
      aSecret('es')
        .withLabels({ [LABEL_MANAGED]: 'true' })
        .ownedBy(es)
        .build(),
    );
    expect(
      await finalizeDeletion({ es: w.es(), settings: settingsOf(es), kube: w.kube, secrets: w.secrets }),
    ).toBe(false);
    expect(w.kube.peek(SECRET_REF)).toBeDefined();
    expect(w.es().metadata.finalizers).toEqual([]);
  });

  test('a Secret controlled by someone else is never deleted', async () => {
    const es = anExternalSecret('es')
      .withMetadata({ uid: 'u', finalizers: [EXTERNAL_SECRET_FINALIZER] })
      .withTarget({ deletionPolicy: 'Delete' })
      .build();
    const w = world(
      es,
      aSecret('es')
        .withLabels({ [LABEL_MANAGED]: 'true' })
        .build(),
    );
    expect(
      await finalizeDeletion({ es: w.es(), settings: settingsOf(es), kube: w.kube, secrets: w.secrets }),
    ).toBe(false);
    expect(w.kube.peek(SECRET_REF)).toBeDefined();
  });

  test('a concurrent change to the finalizers is a conflict, not a lost update', async () => {
    const w = world(anExternalSecret('es').withData('k', 'k').build());
    const stale = w.es();
    await w.kube.patch(ES_REF, { metadata: { finalizers: ['someone/else'] } }, 'merge');
    await expect(ensureFinalizer(w.kube, stale)).rejects.toMatchObject({ code: 409 });
  });
});
