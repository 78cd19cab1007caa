import type { ExternalSecret } from '../../api/v1/index.js';
import type { SecretObject } from '../../kube/kube-port.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import { aSecret, anExternalSecret, SECRET_REF } from '../../testing/fixtures.js';
import { TerminalError } from '../reconciler.js';
import { handleDeletionPolicy } from './handle-deletion-policy.js';
import { settingsOf } from './load.js';

function run(es: ExternalSecret, providerData: Record<string, Uint8Array>, existing?: SecretObject) {
  const kube = new InMemoryKube();
  if (existing) kube.seed(existing);
  const stored = existing ? kube.peek<SecretObject>(SECRET_REF) : undefined;
  const outcome = handleDeletionPolicy({
    es,
    settings: settingsOf(es),
    providerData,
    existing: stored,
    kube,
  });
  return { kube, outcome };
}

const es = (deletionPolicy: 'Retain' | 'Delete' | 'Merge', creationPolicy: 'Owner' | 'Orphan' = 'Owner') =>
  anExternalSecret('es')
    .withMetadata({ uid: 'es-uid' })
    .withData('k', 'k')
    .withTarget({ deletionPolicy, creationPolicy })
    .build();
const owned = (owner: ExternalSecret) => aSecret('es').withData({ k: 'v' }).ownedBy(owner).build();

describe('deletionPolicy when the provider returned nothing', () => {
  test('any data at all means carry on, whatever the policy', async () => {
    const { outcome } = run(es('Delete'), { k: new Uint8Array([1]) });
    expect(await outcome).toEqual({ kind: 'continue' });
  });

  test('Retain leaves the Secret untouched', async () => {
    const { outcome, kube } = run(es('Retain'), {}, owned(es('Retain')));
    expect(await outcome).toEqual({ kind: 'retained' });
    expect(kube.writes()).toEqual([]);
  });

  test('Delete removes a Secret this ExternalSecret controls', async () => {
    const { outcome, kube } = run(es('Delete'), {}, owned(es('Delete')));
    expect(await outcome).toEqual({ kind: 'deleted', deleted: true });
    expect(kube.peek(SECRET_REF)).toBeUndefined();
  });

  test('Delete leaves alone a Secret it never controlled', async () => {
    const { outcome, kube } = run(es('Delete'), {}, aSecret('es').withData({ k: 'v' }).build());
    expect(await outcome).toEqual({ kind: 'deleted', deleted: false });
    expect(kube.peek(SECRET_REF)).toBeDefined();
  });

  test('Delete without creationPolicy Owner is a terminal error with ESO wording', async () => {
    const { outcome } = run(es('Delete', 'Orphan'), {});
    await expect(outcome).rejects.toThrow(TerminalError);
    await expect(run(es('Delete', 'Orphan'), {}).outcome).rejects.toThrow(
      'unable to delete secret es: creationPolicy=Orphan is not Owner',
    );
  });

  test('Merge carries on so the managed keys are removed by the normal update', async () => {
    const { outcome } = run(es('Merge'), {});
    expect(await outcome).toEqual({ kind: 'continue' });
  });
});
