import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { apiError, startKubeTestEnv, type KubeTestEnv } from './testing/kube-test-client.js';

let env: KubeTestEnv;
const ns = 'default';

beforeAll(async () => {
  env = await startKubeTestEnv();
});
afterAll(async () => {
  await env.server.stop();
});

describe('Events', () => {
  test('an events.k8s.io/v1 Event is visible as a core/v1 Event with involvedObject field selectors', async () => {
    // GIVEN an event recorded through events.k8s.io/v1
    await env.events.createNamespacedEvent({
      namespace: ns,
      body: {
        metadata: { name: 'w1.reconciled' },
        eventTime: new Date('2025-01-01T00:00:00.000000Z'),
        reportingController: 'tessera.io/operator',
        reportingInstance: 'tessera-0',
        action: 'Reconcile',
        reason: 'Reconciled',
        note: 'synced',
        type: 'Normal',
        regarding: {
          apiVersion: 'example.com/v1alpha1',
          kind: 'Widget',
          name: 'w1',
          namespace: ns,
          uid: 'uid-1',
        },
      },
    });
    // WHEN core/v1 events are listed the way kubectl describe does
    const list = await env.core.listNamespacedEvent({
      namespace: ns,
      fieldSelector:
        'involvedObject.kind=Widget,involvedObject.uid=uid-1,involvedObject.name=w1,involvedObject.namespace=default',
    });
    // THEN the same event appears with core field names
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      reason: 'Reconciled',
      message: 'synced',
      reportingComponent: 'tessera.io/operator',
      involvedObject: { kind: 'Widget', name: 'w1' },
    });
  });

  test('an events.k8s.io/v1 Event without reportingController or action is refused with 422', async () => {
    const err = await apiError(
      env.events.createNamespacedEvent({
        namespace: ns,
        body: {
          metadata: { name: 'bad' },
          eventTime: new Date(),
          reportingInstance: 'x',
          reason: 'R',
          type: 'Normal',
        },
      }),
    );
    expect(err.code).toBe(422);
    expect(err.status.message).toBe(
      'Event.events.k8s.io "bad" is invalid: [reportingController: Required value, action: Required value]',
    );
  });

  test('a core/v1 Event for a cluster-scoped object must live in the default namespace', async () => {
    const body = {
      metadata: { name: 'css.1' },
      involvedObject: { kind: 'ClusterSecretStore', name: 'css' },
      reason: 'Valid',
      message: 'ok',
      type: 'Normal',
      count: 1,
    };
    await env.core.createNamespacedEvent({ namespace: 'default', body });
    const err = await apiError(env.core.createNamespacedEvent({ namespace: 'kube-public', body }));
    expect(err.code).toBe(422);
    expect(err.status.message).toBe(
      'Event "css.1" is invalid: involvedObject.namespace: Invalid value: "": does not match event.namespace',
    );
  });
});

describe('Leases', () => {
  test('two candidates renewing one Lease from the same resourceVersion: one wins, one gets 409', async () => {
    // GIVEN a Lease held by nobody
    const lease = await env.coordination.createNamespacedLease({
      namespace: ns,
      body: { metadata: { name: 'tessera-leader' }, spec: { leaseDurationSeconds: 15 } },
    });
    const take = (holder: string) =>
      env.coordination.replaceNamespacedLease({
        name: 'tessera-leader',
        namespace: ns,
        body: {
          ...lease,
          spec: { ...lease.spec, holderIdentity: holder, acquireTime: new Date(), renewTime: new Date() },
        },
      });
    // WHEN two candidates try to take it
    const results = await Promise.allSettled([take('a'), take('b')]);
    // THEN exactly one holds it
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect((await apiError(Promise.reject(loser?.reason))).code).toBe(409);
    const holder = (await env.coordination.readNamespacedLease({ name: 'tessera-leader', namespace: ns }))
      .spec?.holderIdentity;
    expect(['a', 'b']).toContain(holder);
  });

  test('a Lease with a non-positive duration is refused', async () => {
    const err = await apiError(
      env.coordination.createNamespacedLease({
        namespace: ns,
        body: { metadata: { name: 'bad-lease' }, spec: { leaseDurationSeconds: 0 } },
      }),
    );
    expect(err.code).toBe(422);
  });
});

describe('workloads and typed Secrets', () => {
  test('a Deployment is stored with defaults and generation; its status is a subresource', async () => {
    const template = {
      metadata: { labels: { app: 'x' } },
      spec: { containers: [{ name: 'c', image: 'i' }] },
    };
    const created = await env.apps.createNamespacedDeployment({
      namespace: ns,
      body: { metadata: { name: 'x' }, spec: { selector: { matchLabels: { app: 'x' } }, template } },
    });
    expect(created.spec?.replicas).toBe(1);
    expect(created.metadata?.generation).toBe(1);
    const status = await env.apps.patchNamespacedDeploymentStatus(
      { name: 'x', namespace: ns, body: { status: { readyReplicas: 1 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(status.metadata?.generation).toBe(1);
    expect(status.status?.readyReplicas).toBe(1);
  });

  test('a Deployment whose selector does not match its template is refused', async () => {
    const template = {
      metadata: { labels: { app: 'y' } },
      spec: { containers: [{ name: 'c', image: 'i' }] },
    };
    const err = await apiError(
      env.apps.createNamespacedDeployment({
        namespace: ns,
        body: { metadata: { name: 'y' }, spec: { selector: { matchLabels: { app: 'z' } }, template } },
      }),
    );
    expect(err.code).toBe(422);
    expect(err.status.message).toContain('`selector` does not match template `labels`');
  });

  test('a kubernetes.io/tls Secret must carry tls.crt and tls.key', async () => {
    const err = await apiError(
      env.core.createNamespacedSecret({
        namespace: ns,
        body: { metadata: { name: 'tls' }, type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'x' } },
      }),
    );
    expect(err.code).toBe(422);
    expect(err.status.message).toBe('Secret "tls" is invalid: data[tls.key]: Required value');
  });
});
