/**
 * End to end: when the operator refreshes (refreshPolicy, refreshInterval incl. 0, forced sync by
 * annotation), drift repair, target rename, and what a refresh costs (provider reads and Kubernetes
 * writes). The operator runs as its own process with one ExternalSecret worker, so its work queue
 * is first-in first-out: a "barrier" ExternalSecret refreshed after a change proves that the
 * change has been reconciled before the assertions that nothing happened.
 */
import type { E2eWorld } from './harness/e2e-world.js';
import { aFakeStore, anExternalSecret, dataEntries, type FakeEntry } from './harness/fixtures.js';
import type { OperatorProcess } from './harness/operator-process.js';
import { metricValue } from './harness/prometheus-text.js';
import { waitFor } from './harness/wait-for.js';
import { useE2eWorld } from './harness/use-e2e-world.js';

let world: E2eWorld;
let operator: OperatorProcess;

useE2eWorld(async (started) => {
  world = started;
  operator = await world.startOperator(['--concurrent', '1']);
});

/** A namespace with a fake store holding `/k` = `value` and `/barrier`, plus the barrier ExternalSecret. */
async function aNamespaceWithBarrier(prefix: string, value: string): Promise<string> {
  const namespace = await world.namespace(prefix);
  await world.user.create(aFakeStore('store', namespace, storeData(value)));
  await world.user.create(anExternalSecret('barrier', namespace, { data: dataEntries({ b: '/barrier' }) }));
  await waitForValue(namespace, 'barrier', 'b', 'barrier');
  return namespace;
}

function storeData(value: string): FakeEntry[] {
  return [
    { key: '/k', value },
    { key: '/barrier', value: 'barrier' },
  ];
}

/** Changes the remote value of `/k` (the fake provider's data lives in the store). */
async function changeRemoteValue(namespace: string, value: string): Promise<void> {
  await world.user.patch('SecretStore', 'store', namespace, {
    spec: { provider: { fake: { data: storeData(value) } } },
  });
}

async function waitForValue(namespace: string, secret: string, key: string, value: string): Promise<void> {
  await waitFor(async () => (await world.user.secretData(secret, namespace))?.[key] === value, {
    what: `Secret ${namespace}/${secret} to hold the expected ${key}`,
  });
}

/** Forces a sync by annotation and waits until the ExternalSecret's status records it. */
async function forceAndWaitForRefresh(namespace: string, name: string): Promise<void> {
  const before = (await world.user.get('ExternalSecret', name, namespace))?.status?.syncedResourceVersion;
  await world.user.forceSync(name, namespace);
  await waitFor(
    async () =>
      (await world.user.get('ExternalSecret', name, namespace))?.status?.syncedResourceVersion !== before,
    {
      what: `a refresh of ${namespace}/${name}`,
    },
  );
}

/** Waits until everything queued before now has been reconciled (see the module comment). */
const drainQueue = (namespace: string) => forceAndWaitForRefresh(namespace, 'barrier');

async function providerReads(namespace: string): Promise<number> {
  return metricValue(await operator.metrics(), 'tessera_provider_calls_total', {
    store: `SecretStore/${namespace}/store`,
  });
}

describe('refresh policies', () => {
  it('refreshPolicy Periodic picks up a remote change at its interval without any user action', async () => {
    const first = world.canaries.plant('periodic');
    const namespace = await aNamespaceWithBarrier('periodic', first);
    await world.user.create(
      anExternalSecret('es', namespace, {
        refreshPolicy: 'Periodic',
        refreshInterval: '1s',
        data: dataEntries({ k: '/k' }),
      }),
    );
    await waitForValue(namespace, 'es', 'k', first);
    // WHEN the remote value changes THEN the next periodic refresh brings it in
    const second = world.canaries.plant('periodic');
    await changeRemoteValue(namespace, second);
    await waitForValue(namespace, 'es', 'k', second);
  });

  it('refreshPolicy CreatedOnce keeps the first value even when a sync is forced', async () => {
    const first = world.canaries.plant('once');
    const namespace = await aNamespaceWithBarrier('created-once', first);
    await world.user.create(
      anExternalSecret('es', namespace, { refreshPolicy: 'CreatedOnce', data: dataEntries({ k: '/k' }) }),
    );
    await waitForValue(namespace, 'es', 'k', first);
    const refreshTime = (await world.user.get('ExternalSecret', 'es', namespace))?.status?.refreshTime;
    // WHEN the remote value changes and a sync is forced
    await changeRemoteValue(namespace, world.canaries.plant('once'));
    await world.user.forceSync('es', namespace);
    await drainQueue(namespace);
    // THEN nothing was fetched again
    expect((await world.user.secretData('es', namespace))?.k).toBe(first);
    expect((await world.user.get('ExternalSecret', 'es', namespace))?.status?.refreshTime).toBe(refreshTime);
  });

  it('refreshPolicy OnChange refreshes when the ExternalSecret changes, not when the remote value does', async () => {
    const first = world.canaries.plant('onchange');
    const namespace = await aNamespaceWithBarrier('on-change', first);
    await world.user.create(
      anExternalSecret('es', namespace, { refreshPolicy: 'OnChange', data: dataEntries({ k: '/k' }) }),
    );
    await waitForValue(namespace, 'es', 'k', first);
    // WHEN only the remote value changes THEN the Secret keeps the old one
    const second = world.canaries.plant('onchange');
    await changeRemoteValue(namespace, second);
    await drainQueue(namespace);
    expect((await world.user.secretData('es', namespace))?.k).toBe(first);
    // WHEN the ExternalSecret changes THEN it refreshes
    await world.user.forceSync('es', namespace);
    await waitForValue(namespace, 'es', 'k', second);
  });

  it('refreshInterval 0 syncs once and then never again, not even when forced', async () => {
    const first = world.canaries.plant('zero');
    const namespace = await aNamespaceWithBarrier('interval-zero', first);
    await world.user.create(
      anExternalSecret('es', namespace, { refreshInterval: '0', data: dataEntries({ k: '/k' }) }),
    );
    await waitForValue(namespace, 'es', 'k', first);
    // WHEN the remote value changes and a sync is forced THEN the Secret keeps the first value
    await changeRemoteValue(namespace, world.canaries.plant('zero'));
    await world.user.forceSync('es', namespace);
    await drainQueue(namespace);
    expect((await world.user.secretData('es', namespace))?.k).toBe(first);
  });

  it('a forced sync by annotation refreshes a Periodic ExternalSecret long before its interval', async () => {
    const first = world.canaries.plant('forced');
    const namespace = await aNamespaceWithBarrier('forced', first);
    await world.user.create(
      anExternalSecret('es', namespace, { refreshInterval: '1h', data: dataEntries({ k: '/k' }) }),
    );
    await waitForValue(namespace, 'es', 'k', first);
    // GIVEN a remote change the hourly refresh has not picked up
    const second = world.canaries.plant('forced');
    await changeRemoteValue(namespace, second);
    await drainQueue(namespace);
    expect((await world.user.secretData('es', namespace))?.k).toBe(first);
    // WHEN the user annotates the ExternalSecret THEN it refreshes at once
    await world.user.forceSync('es', namespace);
    await waitForValue(namespace, 'es', 'k', second);
  });
});

describe('drift and renames', () => {
  it('restores an Owner-managed Secret that was deleted or edited by hand', async () => {
    const value = world.canaries.plant('drift');
    const namespace = await aNamespaceWithBarrier('drift', value);
    await world.user.create(anExternalSecret('es', namespace, { data: dataEntries({ k: '/k' }) }));
    await waitForValue(namespace, 'es', 'k', value);
    // WHEN the Secret is deleted THEN it comes back
    await world.user.deleteSecret('es', namespace);
    await waitForValue(namespace, 'es', 'k', value);
    // WHEN its value is edited by hand THEN the edit is reverted
    await world.user.patchSecret('es', namespace, {
      data: { k: Buffer.from('tampered').toString('base64') },
    });
    await waitForValue(namespace, 'es', 'k', value);
  });

  it('moves the data to the renamed target and deletes the orphaned Secret', async () => {
    const value = world.canaries.plant('rename');
    const namespace = await aNamespaceWithBarrier('rename', value);
    await world.user.create(
      anExternalSecret('es', namespace, { target: { name: 'first' }, data: dataEntries({ k: '/k' }) }),
    );
    await waitForValue(namespace, 'first', 'k', value);
    // WHEN the target is renamed
    await world.user.patch('ExternalSecret', 'es', namespace, { spec: { target: { name: 'second' } } });
    // THEN the new Secret holds the data and the old one is gone
    await waitForValue(namespace, 'second', 'k', value);
    await waitFor(async () => (await world.user.secret('first', namespace)) === undefined, {
      what: 'the old target to be deleted',
    });
    const managed = await world.user.secrets(namespace, 'reconcile.external-secrets.io/managed=true');
    expect(managed.map((secret) => secret.metadata?.name).sort()).toEqual(['barrier', 'second']);
  });
});

describe('what a refresh costs', () => {
  it('three data entries from one remote item cost one provider read per refresh', async () => {
    // GIVEN an ExternalSecret taking three properties of the same remote item
    const namespace = await world.namespace('one-read');
    const [user, password] = [world.canaries.plant('user'), world.canaries.plant('password')];
    await world.user.create(
      aFakeStore('store', namespace, [
        { key: '/db', value: JSON.stringify({ user, password, host: 'db.local' }) },
      ]),
    );
    const data = dataEntries({
      user: { key: '/db', property: 'user' },
      password: { key: '/db', property: 'password' },
      host: { key: '/db', property: 'host' },
    });
    await world.user.create(anExternalSecret('es', namespace, { data }));
    await waitForValue(namespace, 'es', 'host', 'db.local');
    expect(await world.user.secretData('es', namespace)).toEqual({ user, password, host: 'db.local' });
    // THEN the first sync read the item once
    expect(await providerReads(namespace)).toBe(1);
    // WHEN two more refreshes are forced THEN each read it once more
    await forceAndWaitForRefresh(namespace, 'es');
    await forceAndWaitForRefresh(namespace, 'es');
    expect(await providerReads(namespace)).toBe(3);
  });

  it('a refresh that changes nothing writes nothing to the Secret and at most one status', async () => {
    // GIVEN an ExternalSecret refreshing every second, synced
    const namespace = await world.namespace('no-change');
    const value = world.canaries.plant('nochange');
    await world.user.create(aFakeStore('store', namespace, [{ key: '/k', value }]));
    await world.user.create(
      anExternalSecret('es', namespace, { refreshInterval: '1s', data: dataEntries({ k: '/k' }) }),
    );
    await waitForValue(namespace, 'es', 'k', value);
    const log = world.server.requestLog;
    const mark = log.mark();
    const readsBefore = await providerReads(namespace);
    // WHEN three status writes have happened since (so at least two refreshes)
    const statusWrites = {
      verb: ['update', 'patch'],
      resource: 'externalsecrets/status',
      namespace,
      name: 'es',
      since: mark,
    };
    await log.waitFor(statusWrites, 3, 15_000);
    const writes = log.count(statusWrites);
    const reads = (await providerReads(namespace)) - readsBefore;
    // THEN the Secret was never written, and there was at most one status write per refresh
    expect(
      log.count({
        verb: ['create', 'update', 'patch', 'delete'],
        resource: 'secrets',
        namespace,
        since: mark,
      }),
    ).toBe(0);
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(writes).toBeLessThanOrEqual(reads + 1);
  }, 20_000);
});
