import { type KubernetesObject } from '@kubernetes/client-node';
import {
  createCrd,
  rawRequest,
  startKubeTestEnv,
  widgetCrd,
  type KubeTestEnv,
} from './testing/kube-test-client.js';

let env: KubeTestEnv;

beforeAll(async () => {
  env = await startKubeTestEnv();
});
afterAll(async () => {
  await env.server.stop();
});

const getJson = async (path: string, accept = 'application/json'): Promise<Record<string, unknown>> =>
  JSON.parse((await rawRequest(env.server, 'GET', path, { headers: { Accept: accept } })).body) as Record<
    string,
    unknown
  >;

describe('discovery', () => {
  test('each resource is listed before its subresources', async () => {
    const list = (await getJson('/api/v1')) as { resources: Array<{ name: string }> };
    const names = list.resources.map((r) => r.name);
    expect(names.indexOf('namespaces')).toBeLessThan(names.indexOf('namespaces/status'));
    expect(names).toContain('serviceaccounts/token');
    expect(names.filter((n) => !n.includes('/'))).toEqual([
      'configmaps',
      'events',
      'limitranges',
      'namespaces',
      'resourcequotas',
      'secrets',
      'serviceaccounts',
    ]);
  });

  test('aggregated discovery is served when asked for, with the apidiscovery content type', async () => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const reply = await rawRequest(env.server, 'GET', '/apis', { headers: { Accept: accept } });
    expect(reply.headers['content-type']).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    const doc = JSON.parse(reply.body) as {
      items: Array<{ metadata: { name: string }; versions: Array<{ freshness: string }> }>;
    };
    expect(doc.items.map((i) => i.metadata.name)).toContain('coordination.k8s.io');
    expect(doc.items.every((i) => i.versions.every((v) => v.freshness === 'Current'))).toBe(true);
  });

  test('a new CRD appears in /apis, its group-version list and /openapi/v3 at once, with a new hash', async () => {
    const before = (await getJson('/openapi/v3')) as { paths: Record<string, { serverRelativeURL: string }> };
    await createCrd(env.server, widgetCrd());
    const groups = (await getJson('/apis')) as { groups: Array<{ name: string }> };
    expect(groups.groups.map((g) => g.name)).toContain('example.com');
    const after = (await getJson('/openapi/v3')) as { paths: Record<string, { serverRelativeURL: string }> };
    expect(before.paths['apis/example.com/v1alpha1']).toBeUndefined();
    const doc = (await getJson(after.paths['apis/example.com/v1alpha1'].serverRelativeURL)) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual([
      '/apis/example.com/v1alpha1/namespaces/{namespace}/widgets/{name}',
    ]);
    const created = await env.objects.create({
      apiVersion: 'example.com/v1alpha1',
      kind: 'Widget',
      metadata: { name: 'w', namespace: 'default' },
    } as KubernetesObject);
    expect(created.kind).toBe('Widget');
  });

  test('/openapi/v2 answers an empty protobuf document, as kubectl apply needs', async () => {
    const reply = await rawRequest(env.server, 'GET', '/openapi/v2', {
      headers: { Accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    expect(reply.body).toBe('');
  });

  test('an unknown resource answers the generic 404 Status', async () => {
    const reply = await rawRequest(env.server, 'GET', '/apis/nope.example.com/v1/things');
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  });
});
