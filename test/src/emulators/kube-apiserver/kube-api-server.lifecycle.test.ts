import {
  PatchStrategy,
  setHeaderOptions,
  type V1ConfigMap,
  type V1OwnerReference,
} from '@kubernetes/client-node';
import { apiError, startKubeTestEnv, waitFor, type KubeTestEnv } from './testing/kube-test-client.js';

let env: KubeTestEnv;
const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

beforeAll(async () => {
  env = await startKubeTestEnv();
});
afterAll(async () => {
  await env.server.stop();
});

async function newNamespace(name: string): Promise<string> {
  await env.core.createNamespace({ body: { metadata: { name } } });
  return name;
}

const gone = async (namespace: string, name: string): Promise<boolean> =>
  (await apiError(env.core.readNamespacedConfigMap({ name, namespace }))).code === 404;

function ownedBy(owner: V1ConfigMap, extra: Partial<V1OwnerReference> = {}): V1OwnerReference {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
    ...extra,
  };
}

async function ownerWithDependents(
  namespace: string,
  prefix: string,
  blockOwnerDeletion = false,
): Promise<V1ConfigMap> {
  const owner = await env.core.createNamespacedConfigMap({
    namespace,
    body: { metadata: { name: `${prefix}-owner` } },
  });
  for (const n of ['a', 'b']) {
    await env.core.createNamespacedConfigMap({
      namespace,
      body: {
        metadata: { name: `${prefix}-dep-${n}`, ownerReferences: [ownedBy(owner, { blockOwnerDeletion })] },
      },
    });
  }
  return owner;
}

describe('finalizers', () => {
  test('a finalizer holds deletion until it is removed, and the last removal deletes the object', async () => {
    // GIVEN an object with a finalizer
    const ns = await newNamespace('fin');
    await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'held', finalizers: ['example.com/cleanup'] } },
    });
    // WHEN it is deleted
    await env.core.deleteNamespacedConfigMap({ name: 'held', namespace: ns });
    // THEN it stays, marked with deletionTimestamp, and new finalizers are refused
    const held = await env.core.readNamespacedConfigMap({ name: 'held', namespace: ns });
    expect(held.metadata?.deletionTimestamp).toBeInstanceOf(Date);
    expect(held.metadata?.deletionGracePeriodSeconds).toBe(0);
    const refused = await apiError(
      env.core.patchNamespacedConfigMap(
        {
          name: 'held',
          namespace: ns,
          body: { metadata: { finalizers: ['example.com/cleanup', 'example.com/other'] } },
        },
        merge,
      ),
    );
    expect(refused.code).toBe(422);
    expect(refused.status.message).toContain('no new finalizers can be added if the object is being deleted');
    // AND removing the finalizer deletes it
    await env.core.patchNamespacedConfigMap({
      name: 'held',
      namespace: ns,
      body: [{ op: 'remove', path: '/metadata/finalizers' }],
    });
    expect(await gone(ns, 'held')).toBe(true);
  });
});

describe('garbage collection', () => {
  test('deleting an owner in the background garbage-collects its dependents', async () => {
    const ns = await newNamespace('gc-bg');
    await ownerWithDependents(ns, 'bg');
    await env.core.deleteNamespacedConfigMap({ name: 'bg-owner', namespace: ns });
    await waitFor(async () => (await gone(ns, 'bg-dep-a')) && (await gone(ns, 'bg-dep-b')), {
      what: 'dependents collected',
    });
  });

  test('foreground deletion keeps the owner until dependents that block owner deletion are gone', async () => {
    // GIVEN an owner with two blocking dependents, one of which has a finalizer
    const ns = await newNamespace('gc-fg');
    await ownerWithDependents(ns, 'fg', true);
    await env.core.patchNamespacedConfigMap(
      { name: 'fg-dep-a', namespace: ns, body: { metadata: { finalizers: ['example.com/slow'] } } },
      merge,
    );
    // WHEN the owner is deleted in the foreground
    await env.core.deleteNamespacedConfigMap({
      name: 'fg-owner',
      namespace: ns,
      propagationPolicy: 'Foreground',
    });
    // THEN the owner waits with the foregroundDeletion finalizer while dependent a is held
    await waitFor(() => gone(ns, 'fg-dep-b'), { what: 'dependent b deleted' });
    const owner = await env.core.readNamespacedConfigMap({ name: 'fg-owner', namespace: ns });
    expect(owner.metadata?.finalizers).toEqual(['foregroundDeletion']);
    expect(owner.metadata?.deletionTimestamp).toBeInstanceOf(Date);
    // AND once dependent a is released, the owner goes too
    await env.core.patchNamespacedConfigMap(
      { name: 'fg-dep-a', namespace: ns, body: { metadata: { finalizers: null } } },
      merge,
    );
    await waitFor(() => gone(ns, 'fg-owner'), { what: 'owner deleted' });
  });

  test('orphan deletion removes the owner reference from dependents and keeps them', async () => {
    const ns = await newNamespace('gc-orphan');
    await ownerWithDependents(ns, 'or');
    await env.core.deleteNamespacedConfigMap({
      name: 'or-owner',
      namespace: ns,
      propagationPolicy: 'Orphan',
    });
    await waitFor(() => gone(ns, 'or-owner'), { what: 'owner deleted' });
    const dep = await env.core.readNamespacedConfigMap({ name: 'or-dep-a', namespace: ns });
    expect(dep.metadata?.ownerReferences).toBeUndefined();
  });

  test('a dependent that loses one of two owners keeps the other reference and stays', async () => {
    // GIVEN a ConfigMap owned by two others
    const ns = await newNamespace('gc-two-owners');
    const first = await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'o1' } },
    });
    const second = await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'o2' } },
    });
    await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'dep', ownerReferences: [ownedBy(first), ownedBy(second)] } },
    });
    // WHEN one owner is deleted
    await env.core.deleteNamespacedConfigMap({ namespace: ns, name: 'o1' });
    // THEN only the reference to the remaining owner is left on the dependent
    const dep = await waitFor(
      async () => {
        const current = await env.core.readNamespacedConfigMap({ namespace: ns, name: 'dep' });
        return current.metadata?.ownerReferences?.length === 1 ? current : undefined;
      },
      { what: 'reference to the deleted owner dropped' },
    );
    expect(dep.metadata?.ownerReferences?.map((o) => o.name)).toEqual(['o2']);
  });

  test('an owner with the same name but a new uid does not keep a dependent alive', async () => {
    const ns = await newNamespace('gc-uid');
    await env.core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'same-name' } } });
    await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: {
        metadata: {
          name: 'dep',
          ownerReferences: [
            {
              apiVersion: 'v1',
              kind: 'ConfigMap',
              name: 'same-name',
              uid: '00000000-0000-4000-8000-000000000000',
            },
          ],
        },
      },
    });
    await waitFor(() => gone(ns, 'dep'), { what: 'dangling dependent collected' });
  });
});

describe('namespace lifecycle', () => {
  test('deleting a namespace deletes its objects, refuses new ones with 403, then removes the namespace', async () => {
    // GIVEN a namespace with a Secret and a held ConfigMap
    const ns = await newNamespace('doomed');
    await env.core.createNamespacedSecret({ namespace: ns, body: { metadata: { name: 's' } } });
    await env.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'held', finalizers: ['example.com/x'] } },
    });
    // WHEN the namespace is deleted
    const deleted = await env.core.deleteNamespace({ name: ns });
    expect((deleted as { status?: { phase?: string } }).status?.phase).toBe('Terminating');
    // THEN its content goes, creates are forbidden, a repeated delete conflicts
    await waitFor(
      async () => (await apiError(env.core.readNamespacedSecret({ name: 's', namespace: ns }))).code === 404,
      { what: 'secret deleted' },
    );
    const forbidden = await apiError(
      env.core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'late' } } }),
    );
    expect(forbidden.code).toBe(403);
    expect(forbidden.status.message).toBe(
      `configmaps "late" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
    );
    expect((await apiError(env.core.deleteNamespace({ name: ns }))).code).toBe(409);
    // AND when the held object is released the namespace disappears
    await env.core.patchNamespacedConfigMap(
      { name: 'held', namespace: ns, body: { metadata: { finalizers: null } } },
      merge,
    );
    await waitFor(async () => (await apiError(env.core.readNamespace({ name: ns }))).code === 404, {
      what: 'namespace deleted',
    });
  });
});
