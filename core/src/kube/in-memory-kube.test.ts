import { KubeApiError, type KubeObject, type SecretObject } from './kube-port.js';
import { aNamespace, aSecret, aSecretStore, anExternalSecret } from '../testing/fixtures.js';
import { InMemoryKube } from './in-memory-kube.js';

const STORE = {
  apiVersion: 'external-secrets.io/v1',
  kind: 'SecretStore',
  name: 'store',
  namespace: 'default',
};
const SECRET = { apiVersion: 'v1', kind: 'Secret', name: 's', namespace: 'default' };

describe('InMemoryKube', () => {
  it('assigns uid, resourceVersion and generation 1 on create, and drops status of custom resources', async () => {
    const kube = new InMemoryKube();
    const created = await kube.create(aSecretStore().ready().build());
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata.resourceVersion).toBeDefined();
    expect(created.metadata.generation).toBe(1);
    expect(created.status).toBeUndefined();
  });

  it('refuses to create an object that exists', async () => {
    const kube = new InMemoryKube();
    await kube.create(aSecret('s').build());
    await expect(kube.create(aSecret('s').build())).rejects.toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
    });
  });

  it('returns undefined for a missing object and lists by namespace and label selector, sorted', async () => {
    const kube = new InMemoryKube();
    kube.seed(
      aSecret('b').withLabels({ managed: 'true' }).build(),
      aSecret('a').withLabels({ managed: 'true' }).build(),
      aSecret('c').inNamespace('other').build(),
    );
    expect(await kube.get(SECRET)).toBeUndefined();
    const listed = await kube.list({ apiVersion: 'v1', kind: 'Secret' }, { labelSelector: 'managed=true' });
    expect(listed.map((secret) => secret.metadata.name)).toEqual(['a', 'b']);
    expect(
      (await kube.list({ apiVersion: 'v1', kind: 'Secret' }, { namespace: 'other' })).map(
        (s) => s.metadata.name,
      ),
    ).toEqual(['c']);
  });

  it('rejects an update carrying a stale resourceVersion with 409 Conflict', async () => {
    const kube = new InMemoryKube();
    const created = await kube.create(aSecret('s').withData({ a: '1' }).build());
    await kube.update({ ...created, data: { a: 'Mg==' } });
    const stale = kube.update({ ...created, data: { a: 'Mw==' } });
    await expect(stale).rejects.toBeInstanceOf(KubeApiError);
    await expect(kube.update({ ...created, data: { a: 'Mw==' } })).rejects.toMatchObject({
      code: 409,
      isConflict: true,
    });
  });

  it('keeps the resourceVersion when an update changes nothing', async () => {
    const kube = new InMemoryKube();
    const created = await kube.create(aSecret('s').withData({ a: '1' }).build());
    const again = await kube.update(created);
    expect(again.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });

  it('bumps generation on spec changes only, and keeps status and spec on their own endpoints', async () => {
    const kube = new InMemoryKube();
    const created = await kube.create(aSecretStore().build());
    const labelled = await kube.update({
      ...created,
      metadata: { ...created.metadata, labels: { a: 'b' } },
      status: { capabilities: 'ReadOnly' },
    });
    expect(labelled.metadata.generation).toBe(1);
    expect(labelled.status).toBeUndefined();
    const withStatus = await kube.updateStatus({
      ...labelled,
      spec: { provider: { other: {} } },
      status: { capabilities: 'ReadWrite' },
    });
    expect(withStatus.status).toEqual({ capabilities: 'ReadWrite' });
    expect(withStatus.spec).toEqual(created.spec);
    const respecced = await kube.patch(STORE, { spec: { refreshInterval: '1m' } }, 'merge');
    expect(respecced.metadata.generation).toBe(2);
    expect(respecced.status).toEqual({ capabilities: 'ReadWrite' });
  });

  it('applies merge patches (null removes) and JSON patches, and merge-patches status', async () => {
    const kube = new InMemoryKube();
    await kube.create(aSecretStore().withAnnotations({ a: '1', b: '2' }).build());
    await kube.patch(STORE, { metadata: { annotations: { a: null, c: '3' } } }, 'merge');
    await kube.patch(STORE, [{ op: 'add', path: '/metadata/labels', value: { x: 'y' } }], 'json');
    await kube.patchStatus(STORE, { status: { capabilities: 'ReadOnly' } }, 'merge');
    const store = kube.peek<KubeObject>(STORE);
    expect(store?.metadata.annotations).toEqual({ b: '2', c: '3' });
    expect(store?.metadata.labels).toEqual({ x: 'y' });
    expect(store?.status).toEqual({ capabilities: 'ReadOnly' });
  });

  it('folds stringData into base64 data and enforces immutable Secrets', async () => {
    const kube = new InMemoryKube();
    const created = await kube.create<SecretObject>({
      ...aSecret('s').build(),
      stringData: { token: 'abc' },
      immutable: true,
    });
    expect(created.data).toEqual({ token: 'YWJj' });
    expect(created.stringData).toBeUndefined();
    await expect(kube.update({ ...created, data: { token: 'eHl6' } })).rejects.toMatchObject({ code: 422 });
    await expect(kube.update({ ...created, type: 'kubernetes.io/tls' })).rejects.toMatchObject({ code: 422 });
  });

  it('holds an object with finalizers until they are removed, then deletes it', async () => {
    const kube = new InMemoryKube();
    await kube.create(
      anExternalSecret('es')
        .withMetadata({ finalizers: ['x/y'] })
        .build(),
    );
    const ref = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      name: 'es',
      namespace: 'default',
    };
    await kube.delete(ref);
    const held = kube.peek<KubeObject>(ref);
    expect(held?.metadata.deletionTimestamp).toBeDefined();
    await kube.patch(ref, { metadata: { finalizers: null } }, 'merge');
    expect(kube.peek(ref)).toBeUndefined();
  });

  it('garbage-collects dependents of a deleted owner, and deleting a missing object is success', async () => {
    const kube = new InMemoryKube();
    const owner = await kube.create(anExternalSecret('es').build());
    await kube.create(aSecret('s').ownedBy(owner).build());
    await kube.delete({ apiVersion: owner.apiVersion, kind: owner.kind, name: 'es', namespace: 'default' });
    expect(kube.peek(SECRET)).toBeUndefined();
    await expect(kube.delete(SECRET)).resolves.toBeUndefined();
  });

  it('checks the uid precondition on delete', async () => {
    const kube = new InMemoryKube();
    await kube.create(aSecret('s').build());
    await expect(kube.delete(SECRET, { uid: 'other' })).rejects.toMatchObject({ code: 409 });
  });

  it('records every call and fails the calls a fault names', async () => {
    const kube = new InMemoryKube();
    kube.injectFault({
      verb: 'create',
      kind: 'Secret',
      error: () => new KubeApiError('boom', 500, 'InternalError'),
    });
    await expect(kube.create(aSecret('s').build())).rejects.toThrow('boom');
    await kube.create(aSecret('s').build());
    await kube.get(SECRET);
    expect(kube.calls.map((call) => call.verb)).toEqual(['create', 'create', 'get']);
    expect(kube.writes('Secret')).toHaveLength(2);
  });

  it('keeps caches in sync, reporting objects entering and leaving a label selection', async () => {
    const kube = new InMemoryKube();
    const cache = kube.cache<SecretObject>(
      { apiVersion: 'v1', kind: 'Secret' },
      { labelSelector: 'managed=true' },
    );
    const seen: string[] = [];
    cache.onChange((type, secret) => seen.push(`${type}:${secret.metadata.name}`));
    const created = await kube.create(aSecret('s').build());
    await kube.update({ ...created, metadata: { ...created.metadata, labels: { managed: 'true' } } });
    expect(cache.get('s', 'default')?.metadata.labels).toEqual({ managed: 'true' });
    await kube.patch(SECRET, { metadata: { labels: null } }, 'merge');
    expect(seen).toEqual(['added:s', 'deleted:s']);
    expect(cache.list()).toEqual([]);
  });

  it('hands out frozen objects from caches so controllers cannot mutate them', async () => {
    const kube = new InMemoryKube();
    kube.seed(aNamespace('ns').build());
    const namespace = kube.cache<KubeObject>({ apiVersion: 'v1', kind: 'Namespace' }).get('ns');
    expect(() => {
      (namespace as KubeObject).metadata.labels = {};
    }).toThrow(TypeError);
  });
});
