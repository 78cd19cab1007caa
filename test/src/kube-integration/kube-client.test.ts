import { KubeApiError, type KubeObject, type SecretObject } from '@tessera/core';
import { eventually, startKubeWorld, uniqueName, type KubeWorld } from './kube-fixture.js';

let world: KubeWorld;

beforeAll(async () => {
  world = await startKubeWorld();
  await world.kube.client.create(widgetCrd);
  await eventually(async () => {
    const crd = await world.kube.client.get<
      KubeObject & { status?: { conditions?: { type: string; status: string }[] } }
    >({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      name: 'widgets.example.com',
    });
    return crd?.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True');
  }, 'the Widget CRD to be established');
});
afterAll(async () => world.stop());

const widgetCrd: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: { type: 'object', properties: { size: { type: 'integer' } } },
              status: { type: 'object', properties: { phase: { type: 'string' } } },
            },
          },
        },
      },
    ],
  },
};

interface Widget extends KubeObject {
  spec?: { size?: number };
  status?: { phase?: string };
}

const secret = (name: string, namespace: string, labels?: Record<string, string>): SecretObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace, labels },
  stringData: { password: 'p4ss' },
});

async function aNamespace(): Promise<string> {
  const name = uniqueName('ns');
  await world.kube.client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return name;
}

describe('RestKubeClient against the API emulator', () => {
  it('creates, reads, updates and deletes a Secret', async () => {
    const ns = await aNamespace();
    const created = await world.kube.client.create(secret('db', ns));
    expect(created.data).toEqual({ password: Buffer.from('p4ss').toString('base64') });
    const read = await world.kube.client.get<SecretObject>({
      apiVersion: 'v1',
      kind: 'Secret',
      name: 'db',
      namespace: ns,
    });
    expect(read?.metadata.uid).toBe(created.metadata.uid);
    const updated = await world.kube.client.update<SecretObject>({
      ...read!,
      data: { password: Buffer.from('n3w').toString('base64') },
    });
    expect(Number(updated.metadata.resourceVersion)).toBeGreaterThan(Number(read!.metadata.resourceVersion));
    await world.kube.client.delete({ apiVersion: 'v1', kind: 'Secret', name: 'db', namespace: ns });
    expect(
      await world.kube.client.get({ apiVersion: 'v1', kind: 'Secret', name: 'db', namespace: ns }),
    ).toBeUndefined();
  });

  it('answers undefined for a missing object and treats deleting one as success', async () => {
    const ref = { apiVersion: 'v1', kind: 'Secret', name: 'nope', namespace: 'default' };
    expect(await world.kube.client.get(ref)).toBeUndefined();
    await expect(world.kube.client.delete(ref)).resolves.toBeUndefined();
  });

  it('reports a stale update as a conflict and a taken name as AlreadyExists', async () => {
    const ns = await aNamespace();
    const first = await world.kube.client.create(secret('db', ns));
    await world.kube.client.update({ ...first, metadata: { ...first.metadata, labels: { a: '1' } } });
    const stale = await world.kube.client
      .update({ ...first, metadata: { ...first.metadata, labels: { a: '2' } } })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(KubeApiError);
    expect((stale as KubeApiError).isConflict).toBe(true);
    const taken = await world.kube.client.create(secret('db', ns)).catch((e: unknown) => e);
    expect((taken as KubeApiError).isAlreadyExists).toBe(true);
    expect((taken as KubeApiError).code).toBe(409);
  });

  it('applies merge, JSON and strategic merge patches, sending its field manager', async () => {
    const ns = await aNamespace();
    await world.kube.client.create(secret('db', ns));
    const ref = { apiVersion: 'v1', kind: 'Secret', name: 'db', namespace: ns };
    await world.kube.client.patch(ref, { metadata: { labels: { merged: 'yes' } } }, 'merge');
    await world.kube.client.patch(
      ref,
      [{ op: 'add', path: '/metadata/annotations', value: { json: 'yes' } }],
      'json',
    );
    const patched = await world.kube.client.patch<SecretObject>(
      ref,
      { metadata: { labels: { strategic: 'yes' } } },
      'strategic',
    );
    expect(patched.metadata.labels).toEqual({ merged: 'yes', strategic: 'yes' });
    expect(patched.metadata.annotations).toEqual({ json: 'yes' });
    const patches = world.server.requestLog.entries({ verb: 'patch', resource: 'secrets', namespace: ns });
    expect(patches.map((p) => new URL(p.path, world.server.url).searchParams.get('fieldManager'))).toEqual([
      'tessera',
      'tessera',
      'tessera',
    ]);
  });

  it('writes status through the status subresource without touching spec or generation', async () => {
    const ns = await aNamespace();
    const widget = await world.kube.client.create<Widget>({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', namespace: ns },
      spec: { size: 1 },
    });
    const withStatus = await world.kube.client.updateStatus<Widget>({
      ...widget,
      spec: { size: 99 },
      status: { phase: 'Ready' },
    });
    expect(withStatus.status).toEqual({ phase: 'Ready' });
    expect(withStatus.spec).toEqual({ size: 1 });
    expect(withStatus.metadata.generation).toBe(1);
    const ref = { apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', namespace: ns };
    const patched = await world.kube.client.patchStatus<Widget>(ref, { status: { phase: 'Done' } }, 'merge');
    expect(patched.status).toEqual({ phase: 'Done' });
    expect(world.server.requestLog.count({ resource: 'widgets/status', namespace: ns })).toBe(2);
  });

  it('surfaces the server’s reason: strategic merge on a custom resource is UnsupportedMediaType', async () => {
    const ns = await aNamespace();
    await world.kube.client.create<Widget>({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', namespace: ns },
      spec: { size: 1 },
    });
    const error = await world.kube.client
      .patch(
        { apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', namespace: ns },
        { spec: { size: 2 } },
        'strategic',
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
  });

  it('lists by label selector across pages', async () => {
    const ns = await aNamespace();
    for (let i = 0; i < 7; i++)
      await world.kube.client.create(
        secret(`s${i}`, ns, i % 2 === 0 ? { 'reconcile.external-secrets.io/managed': 'true' } : undefined),
      );
    const paged = world.connect({ pageSize: 2 });
    const mark = world.server.requestLog.mark();
    const managed = await paged.client.list<SecretObject>(
      { apiVersion: 'v1', kind: 'Secret' },
      { namespace: ns, labelSelector: 'reconcile.external-secrets.io/managed=true' },
    );
    expect(managed.map((s) => s.metadata.name).sort()).toEqual(['s0', 's2', 's4', 's6']);
    expect(managed.every((s) => s.kind === 'Secret' && s.apiVersion === 'v1')).toBe(true);
    const lists = world.server.requestLog.entries({ since: mark, verb: 'list', resource: 'secrets' });
    expect(lists.length).toBe(2);
    expect(new URL(lists[1].path, world.server.url).searchParams.get('continue')).toBeTruthy();
  });

  it('deletes with a uid precondition and refuses when the uid differs', async () => {
    const ns = await aNamespace();
    const created = await world.kube.client.create(secret('db', ns));
    const ref = { apiVersion: 'v1', kind: 'Secret', name: 'db', namespace: ns };
    const refused = await world.kube.client.delete(ref, { uid: 'not-the-uid' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 409 });
    await world.kube.client.delete(ref, { uid: created.metadata.uid, propagationPolicy: 'Background' });
    expect(await world.kube.client.get(ref)).toBeUndefined();
  });

  it('maps an injected server failure to a KubeApiError with its code', async () => {
    const remove = world.server.faults.addRule({
      verb: 'get',
      resource: 'secrets',
      errorRate: 1,
      errorCode: 503,
      times: 1,
    });
    const error = await world.kube.client
      .get({ apiVersion: 'v1', kind: 'Secret', name: 'x', namespace: 'default' })
      .catch((e: unknown) => e);
    remove();
    expect(error).toBeInstanceOf(KubeApiError);
    expect(error).toMatchObject({ code: 503, reason: 'ServiceUnavailable' });
  });

  it('keeps to the client-side QPS limit', async () => {
    // GIVEN a connection limited to a burst of 3 and 20 requests per second
    const limited = world.connect({ qps: 20, burst: 3 });
    await limited.client.get({ apiVersion: 'v1', kind: 'Secret', name: 'warm-up', namespace: 'default' });
    const mark = world.server.requestLog.mark();
    // WHEN it sends 8 requests at once
    await Promise.all(
      Array.from({ length: 8 }, () =>
        limited.client.get({ apiVersion: 'v1', kind: 'Secret', name: 'x', namespace: 'default' }),
      ),
    );
    // THEN they were spread out: the last arrived at least (8 - 2 tokens left) / 20 s after the first
    const times = world.server.requestLog
      .entries({ since: mark, verb: 'get', resource: 'secrets' })
      .map((r) => r.time);
    expect(times).toHaveLength(8);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(250);
  });
});
