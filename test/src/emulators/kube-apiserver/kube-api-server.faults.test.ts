import { startKubeTestEnv, apiError, waitFor, type KubeTestEnv } from './testing/kube-test-client.js';
import { startKubeApiServer } from './start-kube-api-server.js';
import { CoreV1Api, KubeConfig, makeInformer } from '@kubernetes/client-node';

let env: KubeTestEnv;

beforeAll(async () => {
  env = await startKubeTestEnv({ seed: 42 });
});
afterEach(() => {
  env.server.faults.clear();
});
afterAll(async () => {
  await env.server.stop();
});

/** The outcome codes of `n` gets of a missing-or-present ConfigMap under the current faults. */
async function outcomes(core: CoreV1Api, n: number): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < n; i++) {
    try {
      await core.readNamespace({ name: 'default' });
      codes.push(200);
    } catch (err) {
      codes.push((err as { code: number }).code);
    }
  }
  return codes;
}

describe('fault injection', () => {
  test('an error rate per verb and resource fails only matching requests, deterministically by seed', async () => {
    // GIVEN two servers with the same seed and the same rule
    const twin = await startKubeApiServer({ seed: 42 });
    try {
      const kc = new KubeConfig();
      kc.loadFromFile(twin.kubeconfigPath);
      const rule = { verb: 'get', resource: 'namespaces', errorRate: 0.5, errorCode: 503 };
      env.server.faults.configure({ seed: 42, rules: [rule] });
      twin.faults.configure({ seed: 42, rules: [rule] });
      // WHEN both serve the same sequence of requests
      const a = await outcomes(env.core, 20);
      const b = await outcomes(kc.makeApiClient(CoreV1Api), 20);
      // THEN they fail at exactly the same positions, some but not all
      expect(a).toEqual(b);
      expect(a.filter((c) => c === 503).length).toBeGreaterThan(0);
      expect(a.filter((c) => c === 200).length).toBeGreaterThan(0);
      // AND other verbs are untouched
      await env.core.listNamespace();
    } finally {
      await twin.stop();
    }
  });

  test('a rule limited to a number of times stops after that many failures', async () => {
    env.server.faults.addRule({
      verb: 'get',
      resource: 'namespaces',
      errorRate: 1,
      errorCode: 500,
      times: 2,
    });
    expect(await outcomes(env.core, 4)).toEqual([500, 500, 200, 200]);
  });

  test('a 429 fault carries Retry-After and a TooManyRequests Status', async () => {
    env.server.faults.addRule({ verb: 'list', resource: 'secrets', errorRate: 1, errorCode: 429, times: 1 });
    const err = await apiError(env.core.listNamespacedSecret({ namespace: 'default' }));
    expect(err.code).toBe(429);
    expect(err.status).toMatchObject({ reason: 'TooManyRequests', details: { retryAfterSeconds: 1 } });
  });

  test('latency is added to matching requests and recorded as served', async () => {
    env.server.faults.addRule({ verb: 'list', resource: 'configmaps', latencyMs: { min: 20, max: 30 } });
    const mark = env.server.requestLog.mark();
    await env.core.listNamespacedConfigMap({ namespace: 'default' });
    expect(
      env.server.requestLog.count({ verb: 'list', resource: 'configmaps', code: 200, since: mark }),
    ).toBe(1);
  });

  test('the whole server can be made unavailable and available again', async () => {
    env.server.faults.makeUnavailable();
    expect(env.server.faults.isUnavailable()).toBe(true);
    expect((await apiError(env.core.listNamespace())).code).toBe(503);
    env.server.faults.makeAvailable();
    await env.core.listNamespace();
  });

  test('an unavailability window in reset mode refuses connections until it ends', async () => {
    env.server.faults.makeUnavailable({ mode: 'reset' });
    await expect(env.core.listNamespace()).rejects.toThrow();
    env.server.faults.makeAvailable();
    await env.core.listNamespace();
  });
});

describe('watch faults', () => {
  test('a watch disconnect rate of 1 ends every stream after one event, and an informer still sees every change', async () => {
    // GIVEN an informer and a fault that closes each watch stream after its first event
    await env.core.createNamespace({ body: { metadata: { name: 'flaky' } } });
    const seen: string[] = [];
    const informer = makeInformer(env.kc, '/api/v1/namespaces/flaky/configmaps', () =>
      env.core.listNamespacedConfigMap({ namespace: 'flaky' }),
    );
    informer.on('add', (o) => seen.push(o.metadata?.name ?? ''));
    informer.on('error', () => undefined);
    await informer.start();
    env.server.faults.setWatchFaults({ disconnectRate: 1 });
    const mark = env.server.requestLog.mark();
    // WHEN five objects are created one after another
    for (let i = 0; i < 5; i++)
      await env.core.createNamespacedConfigMap({ namespace: 'flaky', body: { metadata: { name: `c${i}` } } });
    // THEN the informer saw all five, re-watching after each dropped stream
    await waitFor(() => seen.length === 5, { what: 'five adds' });
    await informer.stop();
    expect(seen).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(
      env.server.requestLog.count({ verb: 'watch', resource: 'configmaps', namespace: 'flaky', since: mark }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      env.server.requestLog.count({ verb: 'list', resource: 'configmaps', namespace: 'flaky', since: mark }),
    ).toBe(0);
  });
});

describe('unavailability windows', () => {
  test('a window with a duration ends by itself', async () => {
    env.server.faults.makeUnavailable({ durationMs: 300 });
    expect((await apiError(env.core.listNamespace())).code).toBe(503);
    await waitFor(() => !env.server.faults.isUnavailable(), { what: 'window end' });
    await env.core.listNamespace();
  });
});

describe('request log', () => {
  test('counts requests per verb, resource, subresource and namespace, and resets', async () => {
    env.server.requestLog.reset();
    await env.core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'counted' } },
    });
    await env.core.readNamespacedConfigMap({ name: 'counted', namespace: 'default' });
    await env.core.readNamespacedConfigMap({ name: 'counted', namespace: 'default' });
    await env.core.readNamespaceStatus({ name: 'default' });
    const log = env.server.requestLog;
    expect(log.count({ verb: 'create', resource: 'configmaps', namespace: 'default' })).toBe(1);
    expect(log.count({ verb: 'get', resource: 'configmaps', name: 'counted' })).toBe(2);
    expect(log.count({ verb: 'get', resource: 'namespaces' })).toBe(0);
    expect(log.count({ verb: 'get', resource: 'namespaces/status' })).toBe(1);
    expect(log.count({ verb: 'get', resource: 'namespaces', includeSubresources: true })).toBe(1);
    expect(log.counters()).toEqual({
      'create configmaps': 1,
      'get configmaps': 2,
      'get namespaces/status': 1,
    });
    log.reset();
    expect(log.count()).toBe(0);
  });
});
