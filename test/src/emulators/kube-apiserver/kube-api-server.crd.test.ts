import { PatchStrategy, setHeaderOptions, type KubernetesObject } from '@kubernetes/client-node';
import {
  aWidget,
  apiError,
  createCrd,
  rawRequest,
  startKubeTestEnv,
  waitFor,
  widgetCrd,
  WIDGETS,
  type KubeTestEnv,
} from './testing/kube-test-client.js';

let env: KubeTestEnv;
const ns = 'default';
const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

type Widget = KubernetesObject & {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  metadata: { generation?: number; resourceVersion?: string };
};

beforeAll(async () => {
  env = await startKubeTestEnv();
  await createCrd(env.server, widgetCrd({ tags: { type: 'array', items: { type: 'string' }, maxItems: 2 } }));
});
afterAll(async () => {
  await env.server.stop();
});

const createWidget = (name: string, spec?: Record<string, unknown>): Promise<Widget> =>
  env.custom.createNamespacedCustomObject({
    ...WIDGETS,
    namespace: ns,
    body: aWidget(name, ns, spec),
  }) as Promise<Widget>;

describe('CustomResourceDefinitions', () => {
  test('a created CRD is established at once and its kind is served through discovery', async () => {
    // GIVEN the CRD created in beforeAll
    const crd = await env.crds.readCustomResourceDefinition({ name: 'widgets.example.com' });
    // THEN it is Established and KubernetesObjectApi (discovery-driven) can create a Widget
    expect(crd.status?.conditions?.find((c) => c.type === 'Established')?.status).toBe('True');
    expect(crd.status?.storedVersions).toEqual(['v1alpha1']);
    const created = await env.objects.create(aWidget('via-discovery', ns) as KubernetesObject);
    expect(created.metadata?.uid).toBeTruthy();
  });

  test('a CRD whose name is not plural.group is refused with 422', async () => {
    const bad = widgetCrd() as { metadata: { name: string } };
    bad.metadata.name = 'wrong.example.com';
    const err = await apiError(env.crds.createCustomResourceDefinition({ body: bad as never }));
    expect(err.code).toBe(422);
    expect(err.status.message).toContain(
      'metadata.name: Invalid value: "wrong.example.com": must be spec.names.plural+"."+spec.group',
    );
  });
});

describe('custom resource validation', () => {
  test('a custom resource violating its schema gets 422 naming the field', async () => {
    const err = await apiError(createWidget('bad-type', { size: 'string' }));
    expect(err.code).toBe(422);
    expect(err.status.message).toBe(
      'Widget.example.com "bad-type" is invalid: spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"',
    );
    expect(err.status.details).toMatchObject({
      name: 'bad-type',
      group: 'example.com',
      kind: 'Widget',
      causes: [{ reason: 'FieldValueTypeInvalid', field: 'spec.size' }],
    });
  });

  test('several violations are reported together, each with its field', async () => {
    const err = await apiError(createWidget('bad-many', { size: 15, color: 'pink', tags: ['a', 'b', 'c'] }));
    expect(err.code).toBe(422);
    const fields = (err.status.details as { causes: Array<{ field: string; message: string }> }).causes.map(
      (c) => `${c.field}: ${c.message}`,
    );
    expect(fields).toEqual([
      'spec.size: Invalid value: 15: spec.size in body should be less than or equal to 10',
      'spec.color: Unsupported value: "pink": supported values: "blue", "red", "green"',
      'spec.tags: Too many: 3: must have at most 2 items',
    ]);
  });

  test('unknown fields are pruned with a warning by default and refused with 400 under fieldValidation=Strict', async () => {
    const body = JSON.stringify(aWidget('pruned', ns, { size: 2, bogus: true }));
    const warned = await rawRequest(
      env.server,
      'POST',
      `/apis/example.com/v1alpha1/namespaces/${ns}/widgets`,
      { body, headers: { 'Content-Type': 'application/json' } },
    );
    expect(warned.status).toBe(201);
    expect(warned.headers.warning).toBe('299 - "unknown field \\"spec.bogus\\""');
    expect((JSON.parse(warned.body) as Widget).spec).toEqual({ size: 2 });
    const strict = await rawRequest(
      env.server,
      'POST',
      `/apis/example.com/v1alpha1/namespaces/${ns}/widgets?fieldValidation=Strict`,
      { body: body.replace('pruned', 'strict'), headers: { 'Content-Type': 'application/json' } },
    );
    expect(strict.status).toBe(400);
    expect(JSON.parse(strict.body)).toMatchObject({
      reason: 'BadRequest',
      message:
        'Widget in version "v1alpha1" cannot be handled as a Widget: strict decoding error: unknown field "spec.bogus"',
    });
  });

  test('schema defaults fill missing fields', async () => {
    const created = await createWidget('defaulted', { color: 'red' });
    expect(created.spec).toEqual({ color: 'red', size: 1 });
  });
});

describe('generation and the status subresource', () => {
  test('a status update does not bump generation; a spec change does; a label change does not', async () => {
    // GIVEN a Widget at generation 1
    await createWidget('gen');
    // WHEN its status is patched
    const withStatus = (await env.custom.patchNamespacedCustomObjectStatus(
      { ...WIDGETS, namespace: ns, name: 'gen', body: { status: { observedGeneration: 1 } } },
      merge,
    )) as Widget;
    // THEN generation stays 1 while the resourceVersion moves
    expect(withStatus.metadata.generation).toBe(1);
    expect(withStatus.status).toEqual({ observedGeneration: 1 });
    const labelled = (await env.custom.patchNamespacedCustomObject(
      { ...WIDGETS, namespace: ns, name: 'gen', body: { metadata: { labels: { a: 'b' } } } },
      merge,
    )) as Widget;
    expect(labelled.metadata.generation).toBe(1);
    const respecced = (await env.custom.patchNamespacedCustomObject({
      ...WIDGETS,
      namespace: ns,
      name: 'gen',
      body: [{ op: 'replace', path: '/spec/size', value: 4 }],
    })) as Widget;
    expect(respecced.metadata.generation).toBe(2);
  });

  test('status sent to the main resource is ignored, and spec sent to /status is ignored', async () => {
    await createWidget('split');
    const main = (await env.custom.patchNamespacedCustomObject(
      { ...WIDGETS, namespace: ns, name: 'split', body: { status: { hacked: true } } },
      merge,
    )) as Widget;
    expect(main.status).toBeUndefined();
    const status = (await env.custom.patchNamespacedCustomObjectStatus(
      { ...WIDGETS, namespace: ns, name: 'split', body: { spec: { size: 9 }, status: { ok: true } } },
      merge,
    )) as Widget;
    expect(status.spec?.size).toBe(3);
    expect(status.status).toEqual({ ok: true });
  });

  test('replacing a custom resource with a stale resourceVersion gets 409, without one gets 422', async () => {
    const w = await createWidget('stale');
    await env.custom.patchNamespacedCustomObject(
      { ...WIDGETS, namespace: ns, name: 'stale', body: { spec: { size: 5 } } },
      merge,
    );
    const stale = await apiError(
      env.custom.replaceNamespacedCustomObject({ ...WIDGETS, namespace: ns, name: 'stale', body: w }),
    );
    expect(stale.code).toBe(409);
    const unconditional = await apiError(
      env.custom.replaceNamespacedCustomObject({
        ...WIDGETS,
        namespace: ns,
        name: 'stale',
        body: { ...w, metadata: { ...w.metadata, resourceVersion: undefined } },
      }),
    );
    expect(unconditional.code).toBe(422);
    expect(unconditional.status.message).toBe(
      'widgets.example.com "stale" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
    );
  });

  test("KubernetesObjectApi's default strategic merge patch on a custom resource gets 415", async () => {
    await createWidget('smp');
    const err = await apiError(
      env.objects.patch({ ...aWidget('smp', ns), spec: { size: 2 } } as KubernetesObject),
    );
    expect(err.code).toBe(415);
    expect(err.status.message).toBe(
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
  });
});

describe('CRD deletion', () => {
  test('deleting a CRD deletes its custom resources, then stops serving the kind', async () => {
    // GIVEN a second CRD with one object that has a finalizer
    const gadget = JSON.parse(
      JSON.stringify(widgetCrd())
        .replace(/widget/g, 'gadget')
        .replace(/Widget/g, 'Gadget')
        .replace('"wg"', '"gd"'),
    ) as Record<string, unknown>;
    await createCrd(env.server, gadget);
    const gadgets = { group: 'example.com', version: 'v1alpha1', plural: 'gadgets' };
    const body = {
      apiVersion: 'example.com/v1alpha1',
      kind: 'Gadget',
      metadata: { name: 'g1', finalizers: ['example.com/hold'] },
      spec: { size: 1 },
    };
    await env.custom.createNamespacedCustomObject({ ...gadgets, namespace: ns, body });
    // WHEN the CRD is deleted
    await env.crds.deleteCustomResourceDefinition({ name: 'gadgets.example.com' });
    // THEN it waits for its objects: terminating, creates refused with 405
    const crd = await env.crds.readCustomResourceDefinition({ name: 'gadgets.example.com' });
    expect(crd.status?.conditions?.find((c) => c.type === 'Terminating')?.status).toBe('True');
    const refused = await apiError(
      env.custom.createNamespacedCustomObject({
        ...gadgets,
        namespace: ns,
        body: { ...body, metadata: { name: 'g2' } },
      }),
    );
    expect(refused.code).toBe(405);
    // AND once the finalizer is removed, the object and the CRD go and the kind is no longer served
    await env.custom.patchNamespacedCustomObject({
      ...gadgets,
      namespace: ns,
      name: 'g1',
      body: [{ op: 'remove', path: '/metadata/finalizers' }],
    });
    await waitFor(
      async () =>
        (await apiError(env.crds.readCustomResourceDefinition({ name: 'gadgets.example.com' }))).code === 404,
      { what: 'CRD gone' },
    );
    const gone = await rawRequest(env.server, 'GET', `/apis/example.com/v1alpha1/namespaces/${ns}/gadgets`);
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.body).message).toBe('the server could not find the requested resource');
  });
});
