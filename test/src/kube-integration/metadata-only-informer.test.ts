/** `CacheOptions.metadataOnly`: an informer that notices every change but keeps no contents. */
import type { KubeObject, WatchEventType } from '@tessera/core';
import { eventually, startKubeWorld, uniqueName, type KubeWorld } from './kube-fixture.js';

let world: KubeWorld;

beforeAll(async () => {
  world = await startKubeWorld({ watchHistorySize: 1000, bookmarkIntervalMs: 600_000 });
});
afterAll(async () => world.stop());

const CONFIG_MAP = { apiVersion: 'v1', kind: 'ConfigMap' };

describe('a metadata-only InformerCache against the API emulator', () => {
  it('holds only the identity of each object and reports every change of it', async () => {
    // GIVEN a ConfigMap with contents, labels and annotations
    const namespace = uniqueName('meta');
    await world.kube.client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    await world.kube.client.create({
      ...CONFIG_MAP,
      metadata: { name: 'tpl', namespace, labels: { a: 'b' }, annotations: { c: 'd' } },
      data: { template: 'x'.repeat(10_000) },
    });
    // WHEN a metadata-only cache of ConfigMaps loads
    const connection = world.connect({ cacheNamespace: namespace });
    const cache = connection.caches.cache<KubeObject>(CONFIG_MAP, { metadataOnly: true });
    const seen: string[] = [];
    cache.onChange((type: WatchEventType, object) => seen.push(`${type} ${object.metadata.resourceVersion}`));
    await connection.caches.start();
    // THEN it holds the identity and nothing else
    const held = cache.get('tpl', namespace)!;
    expect(Object.keys(held).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(Object.keys(held.metadata).sort()).toEqual(['name', 'namespace', 'resourceVersion', 'uid']);
    // AND an edit of the contents is reported with the new resourceVersion
    const updated = await world.kube.client.patch<KubeObject>(
      { ...CONFIG_MAP, name: 'tpl', namespace },
      { data: { template: 'y' } },
      'merge',
    );
    await eventually(
      () => seen.includes(`updated ${updated.metadata.resourceVersion}`),
      'the edit to be seen',
    );
    expect(cache.get('tpl', namespace)?.metadata.resourceVersion).toBe(updated.metadata.resourceVersion);
    expect(cache.get('tpl', namespace)).not.toHaveProperty('data');
    await connection.caches.stop();
  });

  it('is a separate informer from a full cache of the same kind', async () => {
    const connection = world.connect({});
    const full = connection.caches.cache<KubeObject>(CONFIG_MAP);
    const meta = connection.caches.cache<KubeObject>(CONFIG_MAP, { metadataOnly: true });
    expect(meta).not.toBe(full);
    expect(connection.caches.cache<KubeObject>(CONFIG_MAP, { metadataOnly: true })).toBe(meta);
  });
});
