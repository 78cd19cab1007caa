import type { ClusterExternalSecret } from '../../api/v1/cluster-external-secret.js';
import { API_VERSION_V1 } from '../../api/v1/constants.js';
import type { ExternalSecret } from '../../api/v1/external-secret.js';
import { KubeApiError, type KubeObject } from '../../kube/kube-port.js';
import { aClusterExternalSecret, aNamespace, anExternalSecret } from '../../testing/fixtures.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import type { WorkQueue } from '../work-queue.js';
import { CES_FINALIZER } from './ces-finalizer.js';
import { watchClusterExternalSecrets } from './ces-watch.js';
import {
  ClusterExternalSecretReconciler,
  ProvisioningConflictError,
} from './cluster-external-secret-reconciler.js';

const ES = (name: string, namespace: string) => ({
  apiVersion: API_VERSION_V1,
  kind: 'ExternalSecret',
  name,
  namespace,
});
/** ClusterExternalSecret `shared` selecting namespaces by `matchLabels`. */
const aCesSelecting = (matchLabels: Record<string, string>) =>
  aClusterExternalSecret('shared').withNamespaceSelectors({ matchLabels });
const CES = (name: string) => ({ apiVersion: API_VERSION_V1, kind: 'ClusterExternalSecret', name });

function harness(...objects: KubeObject[]) {
  const kube = new InMemoryKube();
  kube.seed(
    aNamespace('team-a').withLabels({ team: 'a', env: 'prod' }).build(),
    aNamespace('team-b').withLabels({ team: 'b', env: 'prod' }).build(),
    aNamespace('team-c').withLabels({ team: 'c', env: 'dev' }).build(),
    ...objects,
  );
  const reconciler = new ClusterExternalSecretReconciler({ kube, caches: kube });
  return {
    kube,
    reconciler,
    reconcile: (name = 'shared') => reconciler.reconcile({ name }),
    ces: (name = 'shared') => kube.peek<ClusterExternalSecret>(CES(name)),
    child: (namespace: string, name = 'shared') => kube.peek<ExternalSecret>(ES(name, namespace)),
    children: () => kube.peekAll<ExternalSecret>({ apiVersion: API_VERSION_V1, kind: 'ExternalSecret' }),
  };
}

const spec = anExternalSecret()
  .usingClusterStore('vault')
  .withData('password', { key: 'db', property: 'password' })
  .buildSpec();

describe('ClusterExternalSecret reconcile', () => {
  it('creates the ExternalSecret in every namespace any selector matches, owned by the CES', async () => {
    // GIVEN a CES selecting team a OR team b
    const h = harness(
      aClusterExternalSecret('shared')
        .withExternalSecretSpec(spec)
        .withNamespaceSelectors(
          { matchLabels: { team: 'a' } },
          { matchExpressions: [{ key: 'team', operator: 'In', values: ['b'] }] },
        )
        .withSpec({ externalSecretMetadata: { labels: { app: 'db' }, annotations: { note: 'hi' } } })
        .build(),
    );
    // WHEN reconciled
    const result = await h.reconcile();
    // THEN both namespaces have the child, with the spec, metadata and a controller reference
    expect(h.children().map((es) => es.metadata.namespace)).toEqual(['team-a', 'team-b']);
    const child = h.child('team-a');
    expect(child?.spec).toEqual(spec);
    expect(child?.metadata.labels).toEqual({ app: 'db' });
    expect(child?.metadata.annotations).toEqual({ note: 'hi' });
    expect(child?.metadata.ownerReferences).toEqual([
      {
        apiVersion: API_VERSION_V1,
        kind: 'ClusterExternalSecret',
        name: 'shared',
        uid: h.ces()?.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    // AND the status lists them, Ready, and the CES carries its finalizer; it rechecks after 1h
    expect(h.ces()?.status).toEqual({
      externalSecretName: 'shared',
      provisionedNamespaces: ['team-a', 'team-b'],
      conditions: [{ type: 'Ready', status: 'True' }],
    });
    expect(h.ces()?.metadata.finalizers).toEqual([CES_FINALIZER]);
    expect(result).toEqual({ requeueAfter: 3_600_000 });
  });

  it('also honours the deprecated namespaceSelector and namespaces fields', async () => {
    const h = harness(
      aClusterExternalSecret('shared')
        .withNamespaceSelector({ matchLabels: { env: 'dev' } })
        .withNamespaces('team-a', 'missing')
        .build(),
    );
    await h.reconcile();
    expect(h.ces()?.status?.provisionedNamespaces).toEqual(['team-a', 'team-c']);
  });

  it('selects nothing without selectors or names', async () => {
    const h = harness(aClusterExternalSecret('shared').build());
    await h.reconcile();
    expect(h.children()).toEqual([]);
    expect(h.ces()?.status?.conditions).toEqual([{ type: 'Ready', status: 'True' }]);
  });

  it('refuses to adopt an ExternalSecret it does not own and reports the namespace as failed', async () => {
    // GIVEN a hand-made ExternalSecret with the same name in team-b
    const foreign = anExternalSecret('shared').inNamespace('team-b').withData('x', 'y').build();
    const h = harness(aCesSelecting({ env: 'prod' }).build(), foreign);
    // WHEN reconciled
    await h.reconcile();
    // THEN team-b failed, the foreign object is untouched, team-a is provisioned
    expect(h.ces()?.status).toMatchObject({
      provisionedNamespaces: ['team-a'],
      failedNamespaces: [{ namespace: 'team-b', reason: 'external secret already exists in namespace' }],
      conditions: [{ type: 'Ready', status: 'False', message: 'one or more namespaces failed' }],
    });
    expect(h.child('team-b')?.spec).toEqual(foreign.spec);
    expect(h.child('team-b')?.metadata.ownerReferences).toBeUndefined();
  });

  it('copies the force-sync annotation down and removes it when the CES drops it', async () => {
    const h = harness(
      aCesSelecting({ team: 'a' })
        .withAnnotations({ 'external-secrets.io/force-sync': '1700000000' })
        .build(),
    );
    await h.reconcile();
    expect(h.child('team-a')?.metadata.annotations).toEqual({
      'external-secrets.io/force-sync': '1700000000',
    });
    await h.kube.patch(CES('shared'), { metadata: { annotations: null } }, 'merge');
    await h.reconcile();
    expect(h.child('team-a')?.metadata.annotations).toBeUndefined();
  });

  it('writes nothing when nothing changed', async () => {
    const h = harness(aCesSelecting({ env: 'prod' }).build());
    await h.reconcile();
    h.kube.resetCalls();
    await h.reconcile();
    expect(h.kube.writes()).toEqual([]);
  });

  it('updates the children when the CES spec changes', async () => {
    const h = harness(aCesSelecting({ team: 'a' }).build());
    await h.reconcile();
    const changed = anExternalSecret().withData('token', 'api-token').buildSpec();
    await h.kube.patch(CES('shared'), { spec: { externalSecretSpec: changed } }, 'merge');
    await h.reconcile();
    expect(h.child('team-a')?.spec).toEqual(changed);
  });

  it('deletes its child from a namespace that stops matching', async () => {
    const h = harness(aCesSelecting({ env: 'prod' }).build());
    await h.reconcile();
    await h.kube.patch(
      { apiVersion: 'v1', kind: 'Namespace', name: 'team-b' },
      { metadata: { labels: { env: 'dev' } } },
      'merge',
    );
    await h.reconcile();
    expect(h.children().map((es) => es.metadata.namespace)).toEqual(['team-a']);
    expect(h.ces()?.status?.provisionedNamespaces).toEqual(['team-a']);
  });

  it('deletes the old children when externalSecretName changes', async () => {
    const h = harness(aCesSelecting({ env: 'prod' }).build());
    await h.reconcile();
    await h.kube.patch(CES('shared'), { spec: { externalSecretName: 'renamed' } }, 'merge');
    await h.reconcile();
    expect(h.children().map((es) => `${es.metadata.namespace}/${es.metadata.name}`)).toEqual([
      'team-a/renamed',
      'team-b/renamed',
    ]);
    expect(h.ces()?.status?.externalSecretName).toBe('renamed');
  });

  it('leaves alone an ExternalSecret it does not own in a namespace that stops matching', async () => {
    const foreign = anExternalSecret('shared').inNamespace('team-c').build();
    const h = harness(aClusterExternalSecret('shared').withNamespaces('team-c').build(), foreign);
    await h.reconcile();
    await h.kube.patch(CES('shared'), { spec: { namespaces: [] } }, 'merge');
    await h.reconcile();
    expect(h.child('team-c')).toBeDefined();
  });

  it('skips namespaces that are being deleted', async () => {
    const h = harness(aCesSelecting({ env: 'prod' }).build());
    h.kube.seed(
      aNamespace('team-d')
        .withLabels({ env: 'prod' })
        .withMetadata({ deletionTimestamp: '2024-01-01T00:00:00Z', finalizers: ['kubernetes'] })
        .build(),
    );
    await h.reconcile();
    expect(h.ces()?.status?.provisionedNamespaces).toEqual(['team-a', 'team-b']);
  });

  it('rechecks after spec.refreshTime', async () => {
    const h = harness(aClusterExternalSecret('shared').withSpec({ refreshTime: '10m' }).build());
    expect(await h.reconcile()).toEqual({ requeueAfter: 600_000 });
  });

  it('reports a write conflict for the namespace and retries', async () => {
    const h = harness(aCesSelecting({ team: 'a' }).build());
    h.kube.injectFault({
      verb: 'create',
      kind: 'ExternalSecret',
      error: () => new KubeApiError('the object has been modified', 409, 'Conflict'),
    });
    await expect(h.reconcile()).rejects.toBeInstanceOf(ProvisioningConflictError);
    expect(h.ces()?.status?.failedNamespaces).toEqual([
      {
        namespace: 'team-a',
        reason: 'could not create or update ExternalSecret: the object has been modified',
      },
    ]);
    await h.reconcile();
    expect(h.ces()?.status?.failedNamespaces).toBeUndefined();
    expect(h.child('team-a')).toBeDefined();
  });

  it('deletes its children and then releases the CES when it is deleted', async () => {
    // GIVEN a provisioned CES
    const h = harness(aCesSelecting({ env: 'prod' }).build());
    await h.reconcile();
    // WHEN it is deleted (the finalizer holds it)
    await h.kube.delete(CES('shared'));
    expect(h.ces()?.metadata.deletionTimestamp).toBeDefined();
    expect(await h.reconcile()).toBe('awaitChange');
    // THEN the children are gone and so is the CES
    expect(h.children()).toEqual([]);
    expect(h.ces()).toBeUndefined();
  });

  it('re-queues the CES when a namespace starts matching, and when its own child changes', () => {
    const h = harness(aCesSelecting({ team: 'z' }).build());
    const queued: string[] = [];
    watchClusterExternalSecrets(
      {
        ...h.reconciler.sources,
        externalSecrets: h.kube.cache<ExternalSecret>({ apiVersion: API_VERSION_V1, kind: 'ExternalSecret' }),
      },
      { add: (key: string) => queued.push(key) } as unknown as WorkQueue,
    );
    h.kube.seed(aNamespace('team-z').withLabels({ team: 'z' }).build());
    h.kube.seed(aNamespace('unrelated').build());
    expect(queued).toEqual(['shared']);
    h.kube.seed(
      anExternalSecret('x')
        .inNamespace('team-z')
        .withMetadata({
          ownerReferences: [
            {
              apiVersion: API_VERSION_V1,
              kind: 'ClusterExternalSecret',
              name: 'shared',
              uid: 'u',
              controller: true,
            },
          ],
        })
        .build(),
    );
    expect(queued).toEqual(['shared', 'shared']);
  });
});
