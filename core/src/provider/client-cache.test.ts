import { aClusterSecretStore, aSecretStore } from '../testing/fixtures.js';
import { waitUntil } from '../testing/wait-until.js';
import { CountingCallRecorder } from '../testing/counting-call-recorder.js';
import { StubProvider, StubSecretsClient, stubContribution } from '../testing/stub-provider.js';
import { InvalidProviderConfigError } from './errors.js';
import { ClientCacheClosedError, ProviderClientCache } from './client-cache.js';
import type { ClientContext, ProviderKubeAccess } from './provider.js';
import { ProviderRegistry } from './provider-registry.js';

const noKube: ProviderKubeAccess = {
  readSecretKey: () => Promise.reject(new Error('unused')),
  createServiceAccountToken: () => Promise.reject(new Error('unused')),
};

function setUp() {
  const clients: StubSecretsClient[] = [];
  const provider = new StubProvider(() => {
    const client = new StubSecretsClient({ values: { k: 'v' } });
    clients.push(client);
    return client;
  });
  const recorder = new CountingCallRecorder();
  const cache = new ProviderClientCache(
    new ProviderRegistry([stubContribution('fake', provider)]),
    () => noKube,
    recorder,
  );
  return { cache, provider, clients, recorder };
}

const store = (generation = 1) =>
  aSecretStore('s').inNamespace('ns').withMetadata({ uid: 'uid-1', generation }).build();

describe('ProviderClientCache', () => {
  it('builds one client per store generation and reuses it', async () => {
    const { cache, provider } = setUp();
    const first = await cache.clientFor(store(), 'ns');
    const second = await cache.clientFor(store(), 'ns');
    expect(second).toBe(first);
    expect(provider.contexts).toHaveLength(1);
  });

  it('builds the client once when many reconciles ask at the same time', async () => {
    const { cache, provider } = setUp();
    const clients = await Promise.all(Array.from({ length: 20 }, () => cache.clientFor(store(), 'ns')));
    expect(new Set(clients).size).toBe(1);
    expect(provider.contexts).toHaveLength(1);
  });

  it('gives the provider the store view, namespace and a call observer labelled with the store', async () => {
    const { cache, provider, recorder } = setUp();
    await cache.clientFor(store(), 'ns');
    const context = provider.contexts[0] as ClientContext;
    expect(context.store).toMatchObject({
      kind: 'SecretStore',
      name: 's',
      namespace: 'ns',
      generation: 1,
      spec: { data: [] },
    });
    expect(context.namespace).toBe('ns');
    context.calls.observe({ operation: 'GetSecret', outcome: 'success', seconds: 0 });
    expect(recorder.calls).toEqual([
      { store: 'SecretStore/ns/s', provider: 'fake', operation: 'GetSecret', outcome: 'success' },
    ]);
  });

  it('closes the old client and builds a new one when the store generation changes', async () => {
    const { cache, clients } = setUp();
    const old = await cache.clientFor(store(1), 'ns');
    const current = await cache.clientFor(store(2), 'ns');
    expect(current).not.toBe(old);
    await waitUntil(() => clients[0].closed === 1);
    expect(clients[1].closed).toBe(0);
  });

  it('closes a retired client only after the reads already running on it finish', async () => {
    // GIVEN a read in flight on the current client
    const { cache, clients } = setUp();
    const client = await cache.clientFor(store(), 'ns');
    clients[0].hold();
    const read = client.getSecret({ key: 'k' });
    // WHEN the store is deleted
    const evicted = cache.evict('SecretStore/ns/s');
    await new Promise((resolve) => setImmediate(resolve)); // every pending promise job has run
    // THEN the client stays open until the read completes
    expect(clients[0].closed).toBe(0);
    clients[0].release();
    await expect(read).resolves.toEqual(new TextEncoder().encode('v'));
    await evicted;
    expect(clients[0].closed).toBe(1);
  });

  it('keeps one client per referent namespace for a ClusterSecretStore and one for a SecretStore', async () => {
    const { cache, provider } = setUp();
    const css = aClusterSecretStore('c').withMetadata({ uid: 'u', generation: 1 }).build();
    await cache.clientFor(css, 'team-a');
    await cache.clientFor(css, 'team-b');
    await cache.clientFor(css, 'team-a');
    expect(provider.contexts.map((context) => context.namespace)).toEqual(['team-a', 'team-b']);
    expect(cache.size()).toBe(2);
  });

  it('does not cache a failed build, so the next call tries again', async () => {
    const { cache, provider } = setUp();
    provider.failWith = new InvalidProviderConfigError('credentials Secret "ns/creds" was not found');
    await expect(cache.clientFor(store(), 'ns')).rejects.toThrow(
      'credentials Secret "ns/creds" was not found',
    );
    provider.failWith = undefined;
    await expect(cache.clientFor(store(), 'ns')).resolves.toBeDefined();
    expect(provider.contexts).toHaveLength(2);
  });

  it('rejects a store whose provider is unknown without calling any provider', async () => {
    const { cache, provider } = setUp();
    const bad = aSecretStore('s').withProvider('vault', {}).build();
    await expect(cache.clientFor(bad, 'default')).rejects.toThrow(/spec\.provider\.vault is not a provider/);
    expect(provider.contexts).toHaveLength(0);
  });

  it('closes every client on shutdown and refuses new requests', async () => {
    const { cache, clients } = setUp();
    await cache.clientFor(store(), 'ns');
    await cache.close();
    expect(clients[0].closed).toBe(1);
    await expect(cache.clientFor(store(), 'ns')).rejects.toThrow(ClientCacheClosedError);
  });

  it('does not let callers close a cached client', async () => {
    const { cache, clients } = setUp();
    const client = await cache.clientFor(store(), 'ns');
    await client.close();
    expect(clients[0].closed).toBe(0);
  });
});
