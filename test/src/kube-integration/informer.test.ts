import type { KubeConnection, SecretObject, WatchEventType } from '@tessera/core';
import { eventually, startKubeWorld, uniqueName, type KubeWorld } from './kube-fixture.js';

let world: KubeWorld;

beforeAll(async () => {
  world = await startKubeWorld({ watchHistorySize: 1000, bookmarkIntervalMs: 600_000 });
});
afterAll(async () => world.stop());

const MANAGED = 'reconcile.external-secrets.io/managed';
const SECRET = { apiVersion: 'v1', kind: 'Secret' };

async function aNamespace(): Promise<string> {
  const name = uniqueName('inf');
  await world.kube.client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return name;
}

function secret(name: string, namespace: string, managed = true, value = 'v'): SecretObject {
  return {
    ...SECRET,
    metadata: { name, namespace, labels: managed ? { [MANAGED]: 'true' } : { other: 'x' } },
    stringData: { k: value },
  };
}

/** A fresh connection with one managed-Secrets cache in `namespace`, recording what it reports. */
async function aManagedSecretCache(namespace: string) {
  const connection: KubeConnection = world.connect({ cacheNamespace: namespace });
  const cache = connection.caches.cache<SecretObject>(SECRET, { labelSelector: `${MANAGED}=true` });
  const seen: string[] = [];
  cache.onChange((type: WatchEventType, object) => seen.push(`${type} ${object.metadata.name}`));
  await connection.caches.start();
  return { connection, cache, seen };
}

const watchesOf = (namespace: string, since: number) =>
  world.server.requestLog.entries({ since, verb: 'watch', resource: 'secrets', namespace });
const listsOf = (namespace: string, since: number) =>
  world.server.requestLog.count({ since, verb: 'list', resource: 'secrets', namespace });

describe('InformerCache against the API emulator', () => {
  it('holds only Secrets with the managed label, and follows label changes', async () => {
    // GIVEN managed and unmanaged Secrets
    const ns = await aNamespace();
    await world.kube.client.create(secret('managed-1', ns));
    await world.kube.client.create(secret('unmanaged', ns, false));
    const { cache, seen } = await aManagedSecretCache(ns);
    expect(cache.list().map((s) => s.metadata.name)).toEqual(['managed-1']);
    // WHEN an unmanaged Secret gains the label, and a managed one loses it
    await world.kube.client.patch(
      { ...SECRET, name: 'unmanaged', namespace: ns },
      { metadata: { labels: { [MANAGED]: 'true' } } },
      'merge',
    );
    await world.kube.client.patch(
      { ...SECRET, name: 'managed-1', namespace: ns },
      { metadata: { labels: { [MANAGED]: null } } },
      'merge',
    );
    // THEN the cache follows
    await eventually(() => seen.includes('deleted managed-1'), 'the un-labelled Secret to leave the cache');
    expect(seen).toEqual(['added managed-1', 'added unmanaged', 'deleted managed-1']);
    expect(cache.list().map((s) => s.metadata.name)).toEqual(['unmanaged']);
  });

  it('reports updates with the old object, and deletions', async () => {
    const ns = await aNamespace();
    await world.kube.client.create(secret('s', ns));
    const { cache } = await aManagedSecretCache(ns);
    const updates: [string | undefined, string | undefined][] = [];
    cache.onChange((type, object, old) => type === 'updated' && updates.push([old?.data?.k, object.data?.k]));
    await world.kube.client.patch(
      { ...SECRET, name: 's', namespace: ns },
      { stringData: { k: 'w' } },
      'merge',
    );
    await eventually(() => updates.length === 1, 'the update');
    expect(updates).toEqual([[Buffer.from('v').toString('base64'), Buffer.from('w').toString('base64')]]);
    await world.kube.client.delete({ ...SECRET, name: 's', namespace: ns });
    await eventually(() => cache.get('s', ns) === undefined, 'the deletion');
  });

  it('resumes a dropped watch from its last resourceVersion, without relisting or losing an event', async () => {
    // GIVEN a synced cache that has seen one change
    const ns = await aNamespace();
    await world.kube.client.create(secret('a', ns));
    const mark = world.server.requestLog.mark();
    const { cache, seen } = await aManagedSecretCache(ns);
    const b = await world.kube.client.create(secret('b', ns));
    await eventually(() => cache.get('b', ns), 'b in the cache');
    // WHEN the server drops the watch and a change happens before the informer re-watches
    expect(world.server.faults.disconnectWatches({ resource: 'secrets', namespace: ns })).toBe(1);
    await world.kube.client.create(secret('c', ns));
    // THEN the informer re-watches from the resourceVersion it had, sees the change, and never relists
    await eventually(() => cache.get('c', ns), 'c in the cache after the drop');
    const watches = watchesOf(ns, mark);
    expect(watches.length).toBeGreaterThanOrEqual(2);
    expect(new URL(watches[1].path, world.server.url).searchParams.get('resourceVersion')).toBe(
      b.metadata.resourceVersion,
    );
    expect(listsOf(ns, mark)).toBe(1);
    expect(seen).toEqual(['added a', 'added b', 'added c']);
  });

  it('relists after 410 Expired and reconciles the cache with what changed meanwhile', async () => {
    // GIVEN a synced cache
    const ns = await aNamespace();
    await world.kube.client.create(secret('keep', ns));
    await world.kube.client.create(secret('gone', ns));
    const mark = world.server.requestLog.mark();
    const { cache, seen } = await aManagedSecretCache(ns);
    // WHEN history is compacted, changes happen, and the watch is told it is too old
    await eventually(
      () => world.server.faults.disconnectWatches({ resource: 'secrets', namespace: ns }) === 1,
      'an open watch to drop',
    );
    world.server.faults.expireNextWatches(1);
    world.server.faults.compactHistory();
    await world.kube.client.delete({ ...SECRET, name: 'gone', namespace: ns });
    await world.kube.client.create(secret('new', ns));
    // THEN it relists and reports exactly the differences
    await eventually(
      () => cache.get('new', ns) && !cache.get('gone', ns),
      'the cache to match the server after the relist',
    );
    expect(listsOf(ns, mark)).toBeGreaterThanOrEqual(2);
    expect(seen.slice(0, 2)).toEqual(['added gone', 'added keep']);
    expect(seen.slice(2).sort()).toEqual(['added new', 'deleted gone']);
    expect(
      cache
        .list(ns)
        .map((s) => s.metadata.name)
        .sort(),
    ).toEqual(['keep', 'new']);
  });

  it('relists when the 410 arrives inside an open watch stream', async () => {
    const ns = await aNamespace();
    const mark = world.server.requestLog.mark();
    const { cache } = await aManagedSecretCache(ns);
    await eventually(
      () => world.server.faults.expireWatches({ resource: 'secrets', namespace: ns }) === 1,
      'an open watch to expire',
    );
    await world.kube.client.create(secret('after-expiry', ns));
    await eventually(() => cache.get('after-expiry', ns), 'the object created after the expiry');
    expect(listsOf(ns, mark)).toBeGreaterThanOrEqual(2);
  });

  it('keeps retrying through an outage and catches up afterwards', async () => {
    // GIVEN a synced cache with an open watch
    const ns = await aNamespace();
    const { cache } = await aManagedSecretCache(ns);
    const since = world.server.requestLog.mark();
    // WHEN the API server goes down (its open watches are dropped) and refuses the cache's retries
    world.server.faults.makeUnavailable();
    // (refused requests are logged before routing, so they are matched on their path)
    const refused = () =>
      world.server.requestLog
        .entries({ since, code: 503 })
        .filter((r) => r.path.startsWith(`/api/v1/namespaces/${ns}/secrets?watch=true`)).length;
    await eventually(() => refused() >= 2, 'two refused retries of the dropped watch', 15_000);
    world.server.faults.makeAvailable();
    // THEN it comes back on its own and sees what changed after the outage
    await world.kube.client.create(secret('after-outage', ns));
    await eventually(() => cache.get('after-outage', ns), 'the object created after the outage', 15_000);
  });

  it('pages the initial list', async () => {
    const ns = await aNamespace();
    for (let i = 0; i < 5; i++) await world.kube.client.create(secret(`p${i}`, ns));
    const mark = world.server.requestLog.mark();
    const connection = world.connect({ cacheNamespace: ns, pageSize: 2 });
    const cache = connection.caches.cache<SecretObject>(SECRET, { labelSelector: `${MANAGED}=true` });
    await connection.caches.start();
    expect(cache.list().length).toBe(5);
    expect(listsOf(ns, mark)).toBe(3);
  });
});
