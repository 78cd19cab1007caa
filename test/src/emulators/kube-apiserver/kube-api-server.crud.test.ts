import { PatchStrategy, setHeaderOptions, type V1Secret } from '@kubernetes/client-node';
import { apiError, rawRequest, startKubeTestEnv, type KubeTestEnv } from './testing/kube-test-client.js';

let env: KubeTestEnv;

beforeAll(async () => {
  env = await startKubeTestEnv();
});
afterAll(async () => {
  await env.server.stop();
});

const ns = 'default';
const secret = (name: string, extra: Partial<V1Secret> = {}): V1Secret => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name },
  ...extra,
});

describe('create, get and update', () => {
  test('a created Secret folds stringData into base64 data and gets uid, creationTimestamp and a resourceVersion', async () => {
    // GIVEN a Secret with stringData
    // WHEN it is created
    const created = await env.core.createNamespacedSecret({
      namespace: ns,
      body: secret('folded', { stringData: { a: 'b' } }),
    });
    // THEN data holds the base64 value and stringData is gone
    expect(created.data).toEqual({ a: 'Yg==' });
    expect(created.stringData).toBeUndefined();
    expect(created.type).toBe('Opaque');
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.resourceVersion).toMatch(/^\d+$/);
    expect(created.metadata?.creationTimestamp).toBeInstanceOf(Date);
  });

  test('creating a name that exists answers 409 AlreadyExists', async () => {
    await env.core.createNamespacedSecret({ namespace: ns, body: secret('taken') });
    const err = await apiError(env.core.createNamespacedSecret({ namespace: ns, body: secret('taken') }));
    expect(err.code).toBe(409);
    expect(err.status).toMatchObject({
      kind: 'Status',
      reason: 'AlreadyExists',
      message: 'secrets "taken" already exists',
      details: { name: 'taken', kind: 'secrets' },
    });
  });

  test('reading a missing Secret answers the exact NotFound Status', async () => {
    const err = await apiError(env.core.readNamespacedSecret({ name: 'nope', namespace: ns }));
    expect(err.code).toBe(404);
    expect(err.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'secrets "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', kind: 'secrets' },
      code: 404,
    });
  });

  test('creating in a missing namespace answers 404 naming the namespace', async () => {
    const err = await apiError(env.core.createNamespacedSecret({ namespace: 'nosuch', body: secret('x') }));
    expect(err.code).toBe(404);
    expect(err.status).toMatchObject({
      message: 'namespaces "nosuch" not found',
      details: { name: 'nosuch', kind: 'namespaces' },
    });
  });

  test('two writers updating from the same resourceVersion get exactly one 409 Conflict', async () => {
    // GIVEN a ConfigMap read by two writers
    await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'race' }, data: { v: '0' } },
    });
    const a = await env.core.readNamespacedConfigMap({ name: 'race', namespace: ns });
    const b = await env.core.readNamespacedConfigMap({ name: 'race', namespace: ns });
    // WHEN both replace it concurrently
    const results = await Promise.allSettled([
      env.core.replaceNamespacedConfigMap({ name: 'race', namespace: ns, body: { ...a, data: { v: 'a' } } }),
      env.core.replaceNamespacedConfigMap({ name: 'race', namespace: ns, body: { ...b, data: { v: 'b' } } }),
    ]);
    // THEN one wins and the other gets a Conflict Status
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const err = await apiError(Promise.reject((rejected[0] as PromiseRejectedResult).reason));
    expect(err.code).toBe(409);
    expect(err.status.message).toBe(
      'Operation cannot be fulfilled on configmaps "race": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  test('an update that changes nothing keeps the resourceVersion', async () => {
    const created = await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'noop' }, data: { k: 'v' } },
    });
    const again = await env.core.replaceNamespacedConfigMap({ name: 'noop', namespace: ns, body: created });
    const patched = await env.core.patchNamespacedConfigMap(
      { name: 'noop', namespace: ns, body: {} },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(again.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
    expect(patched.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
  });

  test('an immutable Secret refuses data changes with 422', async () => {
    await env.core.createNamespacedSecret({
      namespace: ns,
      body: secret('frozen', { immutable: true, stringData: { a: '1' } }),
    });
    const err = await apiError(
      env.core.patchNamespacedSecret(
        { name: 'frozen', namespace: ns, body: { stringData: { a: '2' } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    );
    expect(err.code).toBe(422);
    expect(err.status.message).toBe(
      'Secret "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    );
  });

  test('generateName makes a unique name with a five-character suffix', async () => {
    const created = await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { generateName: 'gen-' } },
    });
    expect(created.metadata?.name).toMatch(/^gen-[a-z0-9]{5}$/);
  });

  test('a dry-run create returns the object but stores nothing', async () => {
    await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'dry' } },
      dryRun: 'All',
    });
    expect((await apiError(env.core.readNamespacedConfigMap({ name: 'dry', namespace: ns }))).code).toBe(404);
  });
});

describe('patch', () => {
  test('a JSON patch is the default of generated patch methods and applies RFC 6902 operations', async () => {
    await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'jp' }, data: { a: '1' } },
    });
    const patched = await env.core.patchNamespacedConfigMap({
      name: 'jp',
      namespace: ns,
      body: [{ op: 'add', path: '/data/b', value: '2' }],
    });
    expect(patched.data).toEqual({ a: '1', b: '2' });
  });

  test('a JSON patch whose test fails answers 422', async () => {
    await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'jp-test' }, data: { a: '1' } },
    });
    const err = await apiError(
      env.core.patchNamespacedConfigMap({
        name: 'jp-test',
        namespace: ns,
        body: [{ op: 'test', path: '/data/a', value: 'x' }],
      }),
    );
    expect(err.code).toBe(422);
  });

  test('a strategic merge patch merges containers of a Deployment by name', async () => {
    // GIVEN a Deployment with two containers
    const template = {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          { name: 'a', image: 'a:1' },
          { name: 'b', image: 'b:1' },
        ],
      },
    };
    await env.apps.createNamespacedDeployment({
      namespace: ns,
      body: { metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template } },
    });
    // WHEN a strategic merge patch changes only container b
    const patched = await env.objects.patch({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: ns },
      spec: { template: { spec: { containers: [{ name: 'b', image: 'b:2' }] } } },
    } as never);
    // THEN container a is kept and b is updated; the spec change bumped generation
    const containers = (patched as { spec: { template: { spec: { containers: unknown[] } } } }).spec.template
      .spec.containers;
    expect(containers).toEqual([
      { name: 'a', image: 'a:1' },
      { name: 'b', image: 'b:2' },
    ]);
    expect((patched as { metadata: { generation: number } }).metadata.generation).toBe(2);
  });

  test('a strategic merge patch merges finalizers as a set', async () => {
    await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'smp-fin', finalizers: ['example.com/a'] } },
    });
    const patched = await env.core.patchNamespacedConfigMap(
      { name: 'smp-fin', namespace: ns, body: { metadata: { finalizers: ['example.com/b'] } } },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    expect(patched.metadata?.finalizers).toEqual(['example.com/a', 'example.com/b']);
  });

  test('an unknown patch content type answers 415 listing the accepted types', async () => {
    await env.core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'p415' } } });
    const reply = await rawRequest(env.server, 'PATCH', `/api/v1/namespaces/${ns}/configmaps/p415`, {
      body: '{}',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(reply.status).toBe(415);
    expect(JSON.parse(reply.body)).toMatchObject({ reason: 'UnsupportedMediaType', code: 415 });
  });
});

describe('list', () => {
  beforeAll(async () => {
    await env.core.createNamespace({ body: { metadata: { name: 'listing' } } });
    for (const [name, tier] of [
      ['l1', 'gold'],
      ['l2', 'silver'],
      ['l3', 'bronze'],
      ['l4', 'gold'],
    ]) {
      await env.core.createNamespacedSecret({
        namespace: 'listing',
        body: secret(name, {
          metadata: { name, labels: { tier } },
          type: name === 'l4' ? 'kubernetes.io/basic-auth' : undefined,
          stringData: { username: 'u' },
        }),
      });
    }
  });

  test('a list carries the current global resourceVersion and items sorted by name', async () => {
    const probe = await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'rv-probe' } },
    });
    const list = await env.core.listNamespacedSecret({ namespace: 'listing' });
    expect(list.metadata?.resourceVersion).toBe(probe.metadata?.resourceVersion);
    expect(list.items.map((s) => s.metadata?.name)).toEqual(['l1', 'l2', 'l3', 'l4']);
  });

  test('label selectors support equality, set and existence forms', async () => {
    const names = async (labelSelector: string): Promise<string[]> =>
      (await env.core.listNamespacedSecret({ namespace: 'listing', labelSelector })).items.map(
        (s) => s.metadata?.name ?? '',
      );
    expect(await names('tier=gold')).toEqual(['l1', 'l4']);
    expect(await names('tier in (gold,silver)')).toEqual(['l1', 'l2', 'l4']);
    expect(await names('tier notin (gold),tier')).toEqual(['l2', 'l3']);
    expect(await names('!tier')).toEqual([]);
  });

  test('field selectors filter by name and Secret type, and unknown fields answer 400', async () => {
    const byType = await env.core.listNamespacedSecret({
      namespace: 'listing',
      fieldSelector: 'type=kubernetes.io/basic-auth',
    });
    expect(byType.items.map((s) => s.metadata?.name)).toEqual(['l4']);
    const byName = await env.core.listNamespacedSecret({
      namespace: 'listing',
      fieldSelector: 'metadata.name!=l1',
    });
    expect(byName.items).toHaveLength(3);
    const err = await apiError(
      env.core.listNamespacedSecret({ namespace: 'listing', fieldSelector: 'spec.bogus=1' }),
    );
    expect(err.code).toBe(400);
  });

  test('limit and continue page through a list at one resourceVersion', async () => {
    const first = await env.core.listNamespacedSecret({ namespace: 'listing', limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.metadata?._continue).toBeTruthy();
    const second = await env.core.listNamespacedSecret({
      namespace: 'listing',
      limit: 3,
      _continue: first.metadata?._continue,
    });
    expect(second.items.map((s) => s.metadata?.name)).toEqual(['l4']);
    expect(second.metadata?._continue).toBeUndefined();
    expect(second.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
  });

  test('a Table Accept gets server-side columns with the object metadata in each row', async () => {
    const reply = await rawRequest(env.server, 'GET', '/api/v1/namespaces/listing/secrets?limit=500', {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
    });
    const table = JSON.parse(reply.body) as {
      kind: string;
      columnDefinitions: Array<{ name: string }>;
      rows: Array<{ cells: unknown[]; object: { metadata: { name: string } } }>;
    };
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Type', 'Data', 'Age']);
    expect(table.rows[3].cells.slice(0, 3)).toEqual(['l4', 'kubernetes.io/basic-auth', 1]);
    expect(table.rows[0].object.metadata.name).toBe('l1');
  });

  test('deletecollection removes only the selected objects', async () => {
    await env.core.deleteCollectionNamespacedSecret({ namespace: 'listing', labelSelector: 'tier=bronze' });
    const left = await env.core.listNamespacedSecret({ namespace: 'listing' });
    expect(left.items.map((s) => s.metadata?.name)).toEqual(['l1', 'l2', 'l4']);
  });
});
