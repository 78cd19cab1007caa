import type { ExternalSecret } from '../../api/v1/index.js';
import type { SecretObject } from '../../kube/kube-port.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import { aSecret, anExternalSecret, ES_REF, SECRET_REF } from '../../testing/fixtures.js';
import { ensureFinalizer, finalizeDeletion } from './finalizer.js';
import { settingsOf } from './load.js';
import { EXTERNAL_SECRET_FINALIZER, LABEL_MANAGED } from './target-bookkeeping.js';

function world(es: ExternalSecret, ...others: SecretObject[]) {
  const kube = new InMemoryKube();
  kube.seed(es, ...others);
  const secrets = kube.cache<SecretObject>(
    { apiVersion: 'v1', kind: 'Secret' },
    { labelSelector: `${LABEL_MANAGED}=true` },
  );
  const current = () => kube.peek<ExternalSecret>(ES_REF) as ExternalSecret;
  const finalize = () => finalizeDeletion({ es: current(), settings: settingsOf(es), kube, secrets });
  return { kube, secrets, es: current, finalize };
}

/** An ExternalSecret being deleted that still holds Tessera's finalizer. */
function aDeletedExternalSecret(deletionPolicy?: 'Delete'): ExternalSecret {
  const es = anExternalSecret('es').withMetadata({ uid: 'u', finalizers: [EXTERNAL_SECRET_FINALIZER] });
  return (deletionPolicy ? es.withTarget({ deletionPolicy }) : es).build();
}

/** The target Secret with the managed label, controlled by `owner` when one is given. */
function aManagedSecret(owner?: ExternalSecret): SecretObject {
  const secret = aSecret('es').withLabels({ [LABEL_MANAGED]: 'true' });
  return (owner ? secret.ownedBy(owner) : secret).build();
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
    const es = aDeletedExternalSecret('Delete');
    const w = world(es, aManagedSecret(es));
    expect(await w.finalize()).toBe(true);
    expect(w.kube.peek(SECRET_REF)).toBeUndefined();
    expect(w.es().metadata.finalizers).toEqual([]);
  });

  test('on deletion with deletionPolicy Retain the Secret stays', async () => {
    const es = aDeletedExternalSecret();
    const w = world(es, aManagedSecret(es));
    expect(await w.finalize()).toBe(false);
    expect(w.kube.peek(SECRET_REF)).toBeDefined();
    expect(w.es().metadata.finalizers).toEqual([]);
  });

  test('a Secret controlled by someone else is never deleted', async () => {
    const w = world(aDeletedExternalSecret('Delete'), aManagedSecret());
    expect(await w.finalize()).toBe(false);
    expect(w.kube.peek(SECRET_REF)).toBeDefined();
  });

  test('a concurrent change to the finalizers is a conflict, not a lost update', async () => {
    const w = world(anExternalSecret('es').withData('k', 'k').build());
    const stale = w.es();
    await w.kube.patch(ES_REF, { metadata: { finalizers: ['someone/else'] } }, 'merge');
    await expect(ensureFinalizer(w.kube, stale)).rejects.toMatchObject({ code: 409 });
  });
});
