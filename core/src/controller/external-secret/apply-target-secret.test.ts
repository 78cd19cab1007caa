import type { ExternalSecret } from '../../api/v1/index.js';
import { KubeApiError, type SecretObject } from '../../kube/kube-port.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import { aSecret, anExternalSecret } from '../../testing/fixtures.js';
import { applyTargetSecret } from './apply-target-secret.js';
import { TakeOwnershipError, TargetImmutableError, TargetOwnedError } from './external-secret-errors.js';
import { settingsOf } from './load.js';
import { dataHash } from './object-hash.js';
import { renderTarget } from './render-target.js';
import {
  ANNOTATION_DATA_HASH,
  LABEL_CREATED_BY,
  LABEL_MANAGED,
  createdByValue,
} from './target-bookkeeping.js';
import { literalTemplateRenderer } from './template-renderer.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const SECRET = { apiVersion: 'v1', kind: 'Secret' } as const;

function setup(es: ExternalSecret, ...seeded: SecretObject[]) {
  const kube = new InMemoryKube();
  kube.seed(es, ...seeded);
  const stored = kube.peek<ExternalSecret>({
    apiVersion: es.apiVersion,
    kind: 'ExternalSecret',
    name: 'es',
    namespace: 'default',
  }) as ExternalSecret;
  const cache = kube.cache<SecretObject>(SECRET, { labelSelector: `${LABEL_MANAGED}=true` });
  const apply = (data: Record<string, string>) => {
    const providerData = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, bytes(v)]));
    const settings = settingsOf(stored);
    return applyTargetSecret({
      es: stored,
      settings,
      existing: cache.get(settings.targetName, 'default'),
      kube,
      render: (existing) =>
        renderTarget({ es: stored, settings, providerData, existing, renderer: literalTemplateRenderer }),
    });
  };
  const text = () => {
    const secret = kube.peek<SecretObject>({ ...SECRET, name: 'es', namespace: 'default' });
    return (
      secret &&
      Object.fromEntries(
        Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]),
      )
    );
  };
  return {
    kube,
    es: stored,
    apply,
    text,
    secret: () => kube.peek<SecretObject>({ ...SECRET, name: 'es', namespace: 'default' }),
  };
}

const owner = () => anExternalSecret('es').withData('k', 'k').withMetadata({ uid: 'es-uid' });

describe('apply target secret', () => {
  test('Owner creates the Secret with controller reference, labels and data hash', async () => {
    const { apply, secret, text } = setup(owner().build());
    expect((await apply({ user: 'u' })).kind).toBe('created');
    const created = secret() as SecretObject;
    expect(text()).toEqual({ user: 'u' });
    expect(created.metadata.labels).toMatchObject({
      [LABEL_MANAGED]: 'true',
      [LABEL_CREATED_BY]: createdByValue('default', 'es'),
    });
    expect(created.metadata.annotations?.[ANNOTATION_DATA_HASH]).toBe(dataHash({ user: bytes('u') }));
    expect(created.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        name: 'es',
        uid: expect.any(String),
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
  });

  test('applying the same data again writes nothing', async () => {
    const { apply, kube } = setup(owner().build());
    await apply({ user: 'u' });
    kube.resetCalls();
    expect((await apply({ user: 'u' })).kind).toBe('unchanged');
    expect(kube.writes()).toEqual([]);
  });

  test('changed data is one update', async () => {
    const { apply, kube, text } = setup(owner().build());
    await apply({ user: 'u' });
    kube.resetCalls();
    expect((await apply({ user: 'v' })).kind).toBe('updated');
    expect(kube.writes().map((call) => call.verb)).toEqual(['update']);
    expect(text()).toEqual({ user: 'v' });
  });

  test('Orphan creates without owner reference or created-by label', async () => {
    const { apply, secret } = setup(owner().withTarget({ creationPolicy: 'Orphan' }).build());
    await apply({ user: 'u' });
    expect(secret()?.metadata.ownerReferences).toBeUndefined();
    expect(secret()?.metadata.labels?.[LABEL_CREATED_BY]).toBeUndefined();
  });

  test('Orphan removes the controller reference it set before as Owner', async () => {
    // GIVEN a Secret this ExternalSecret created as Owner
    const first = setup(owner().build());
    await first.apply({ user: 'u' });
    // WHEN the policy becomes Orphan
    const orphan = setup(
      owner().withTarget({ creationPolicy: 'Orphan' }).build(),
      first.secret() as SecretObject,
    );
    expect(orphan.secret()?.metadata.ownerReferences).toHaveLength(1);
    await orphan.apply({ user: 'u' });
    // THEN the controller reference and the created-by label are gone
    expect(orphan.secret()?.metadata.ownerReferences).toBeUndefined();
    expect(orphan.secret()?.metadata.labels?.[LABEL_CREATED_BY]).toBeUndefined();
  });

  test('Merge does not create a missing Secret', async () => {
    const { apply, secret } = setup(owner().withTarget({ creationPolicy: 'Merge' }).build());
    expect((await apply({ user: 'u' })).kind).toBe('missing');
    expect(secret()).toBeUndefined();
  });

  test('Merge adds its keys to an unlabelled existing Secret and keeps everything else', async () => {
    const existing = aSecret('es').withData({ foreign: 'keep' }).withLabels({ app: 'other' }).build();
    const { apply, secret, text } = setup(owner().withTarget({ creationPolicy: 'Merge' }).build(), existing);
    expect((await apply({ user: 'u' })).kind).toBe('updated');
    expect(text()).toEqual({ foreign: 'keep', user: 'u' });
    expect(secret()?.metadata.labels).toMatchObject({ app: 'other', [LABEL_MANAGED]: 'true' });
    expect(secret()?.metadata.ownerReferences).toBeUndefined();
  });

  test('CreateOrMerge creates when missing and merges when present', async () => {
    const created = setup(owner().withTarget({ creationPolicy: 'CreateOrMerge' }).build());
    expect((await created.apply({ user: 'u' })).kind).toBe('created');
    expect(created.secret()?.metadata.ownerReferences).toBeUndefined();
    const merged = setup(
      owner().withTarget({ creationPolicy: 'CreateOrMerge' }).build(),
      aSecret('es').withData({ foreign: 'f' }).build(),
    );
    await merged.apply({ user: 'u' });
    expect(merged.text()).toEqual({ foreign: 'f', user: 'u' });
  });

  test('None never writes', async () => {
    const { apply, kube } = setup(owner().withTarget({ creationPolicy: 'None' }).build());
    kube.resetCalls();
    expect((await apply({ user: 'u' })).kind).toBe('skipped');
    expect(kube.calls).toEqual([]);
  });

  test('an unlabelled Secret with the target name is adopted by Owner, its foreign labels kept', async () => {
    const { apply, secret, text, kube } = setup(
      owner().build(),
      aSecret('es').withData({ stale: 'x' }).withLabels({ keep: 'me' }).build(),
    );
    kube.resetCalls();
    expect((await apply({ user: 'u' })).kind).toBe('updated');
    expect(kube.calls.map((c) => c.verb)).toEqual(['create', 'get', 'update']);
    expect(text()).toEqual({ user: 'u' });
    expect(secret()?.metadata.labels).toMatchObject({ keep: 'me', [LABEL_MANAGED]: 'true' });
  });

  test('a Secret controlled by another ExternalSecret is refused', async () => {
    const other = anExternalSecret('other').withMetadata({ uid: 'other-uid' }).build();
    const existing = aSecret('es')
      .ownedBy(other)
      .withLabels({ [LABEL_MANAGED]: 'true' })
      .build();
    const { apply } = setup(owner().build(), existing);
    await expect(apply({ user: 'u' })).rejects.toThrow(TargetOwnedError);
  });

  test('a Secret controlled by another controller cannot be taken over by Owner', async () => {
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', uid: 'd' } };
    const existing = aSecret('es')
      .ownedBy(deployment)
      .withLabels({ [LABEL_MANAGED]: 'true' })
      .build();
    const { apply } = setup(owner().build(), existing);
    await expect(apply({ user: 'u' })).rejects.toThrow(TakeOwnershipError);
  });

  test('an immutable Secret gets metadata updates but a data change is refused', async () => {
    const { apply, secret, text } = setup(owner().withTarget({ immutable: true }).build());
    await apply({ user: 'u' });
    expect(secret()?.immutable).toBe(true);
    await expect(apply({ user: 'changed' })).rejects.toThrow(TargetImmutableError);
    expect(text()).toEqual({ user: 'u' });
  });

  test('a conflicting update surfaces as a 409 for the runner to retry', async () => {
    const { apply, kube } = setup(owner().build());
    await apply({ user: 'u' });
    kube.injectFault({
      verb: 'update',
      kind: 'Secret',
      error: () => new KubeApiError('conflict', 409, 'Conflict'),
    });
    const error = await apply({ user: 'v' }).catch((e: unknown) => e);
    expect((error as KubeApiError).isConflict).toBe(true);
  });
});
