import type { ExternalSecret } from '../../api/v1/index.js';
import { ProviderUnavailableError, RateLimitedError } from '../../provider/errors.js';
import { ReadCoalescer } from '../../provider/read-coalescer.js';
import { storeKeyOfObject } from '../../provider/store-ref.js';
import type { AnyStore } from '../../provider/store-view.js';
import { FaultyClient } from '../../testing/external-secret-fixtures.js';
import { aClusterSecretStore, aSecretStore, anExternalSecret } from '../../testing/fixtures.js';
import { EntryReadError, InvalidSpecError } from './external-secret-errors.js';
import { fetchRemoteData, type FetchedEntry } from './fetch-remote-data.js';
import type { ResolvedStores } from './resolve-store.js';

const text = (value: Uint8Array) => new TextDecoder().decode(value);

function resolved(...stores: AnyStore[]): ResolvedStores {
  return { kind: 'resolved', byKey: new Map(stores.map((store) => [storeKeyOfObject(store), store])) };
}

function fetch(es: ExternalSecret, clients: Record<string, FaultyClient>, stores: ResolvedStores) {
  return fetchRemoteData({
    es,
    stores,
    clients: { clientFor: async (store) => clients[storeKeyOfObject(store)] },
    coalescer: new ReadCoalescer(),
  });
}

function values(entries: readonly FetchedEntry[]): string[] {
  return entries.map((entry) =>
    entry.source === 'data' ? text(entry.value) : JSON.stringify(Object.keys(entry.values)),
  );
}

const store = aSecretStore('store').ready().build();
const item = JSON.stringify({ user: 'app', password: 'pw', host: 'db.local' });
/** Three entries (keys x, y, db-prod) read through the ClusterSecretStore `onepassword`. */
const onePassword = aClusterSecretStore('onepassword').ready().build();
const threeEntries = anExternalSecret('es')
  .usingClusterStore('onepassword')
  .withData('a', 'x')
  .withData('b', 'y')
  .withData('pw', { key: 'db-prod', property: 'password' })
  .build();

describe('fetch remote data', () => {
  test('three data entries naming one remote item cost one provider read', async () => {
    // GIVEN a batch-capable provider and three properties of one item
    const client = new FaultyClient({ values: { 'db-prod': item }, batch: true });
    const es = anExternalSecret('es')
      .withData('user', { key: 'db-prod', property: 'user' })
      .withData('password', { key: 'db-prod', property: 'password' })
      .withData('host', { key: 'db-prod', property: 'host' })
      .build();
    // WHEN fetched
    const result = await fetch(es, { 'SecretStore/default/store': client }, resolved(store));
    // THEN one batch call carried all three
    expect(client.calls).toEqual([{ operation: 'getSecrets', keys: ['db-prod', 'db-prod', 'db-prod'] }]);
    expect(values(result.entries)).toEqual(['app', 'pw', 'db.local']);
  });

  test('identical refs are read once even without a batch API', async () => {
    const client = new FaultyClient({ values: { token: 't' } });
    const es = anExternalSecret('es').withData('a', 'token').withData('b', 'token').build();
    await fetch(es, { 'SecretStore/default/store': client }, resolved(store));
    expect(client.count('getSecret')).toBe(1);
  });

  test('each store gets its own batch', async () => {
    const local = new FaultyClient({ values: { a: '1' }, batch: true });
    const shared = new FaultyClient({ values: { b: '2' }, batch: true });
    const css = aClusterSecretStore('shared').ready().build();
    const es = anExternalSecret('es')
      .withData('a', 'a')
      .withSpec({
        data: [
          { secretKey: 'a', remoteRef: { key: 'a' } },
          {
            secretKey: 'b',
            remoteRef: { key: 'b' },
            sourceRef: { storeRef: { name: 'shared', kind: 'ClusterSecretStore' } },
          },
        ],
      })
      .build();
    const result = await fetch(
      es,
      { 'SecretStore/default/store': local, 'ClusterSecretStore/shared': shared },
      resolved(store, css),
    );
    expect([local.count('getSecrets'), shared.count('getSecrets')]).toEqual([1, 1]);
    expect(values(result.entries)).toEqual(['1', '2']);
  });

  test('extract and find results come back per dataFrom entry', async () => {
    const client = new FaultyClient({ values: { app: '{"a":"1"}', 'db/one': 'x' } });
    const es = anExternalSecret('es')
      .withDataFromExtract('app')
      .withDataFromFind({ name: { regexp: '^db/' } })
      .build();
    const result = await fetch(es, { 'SecretStore/default/store': client }, resolved(store));
    expect(values(result.entries)).toEqual(['["a"]', '["db/one"]']);
  });

  test('with deletionPolicy Retain a missing remote secret fails, naming the entry and the store', async () => {
    const client = new FaultyClient({ values: {} });
    const error = await fetch(
      threeEntries,
      { 'ClusterSecretStore/onepassword': client },
      resolved(onePassword),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryReadError);
    expect((error as Error).message).toBe(
      'spec.data[0] (key=x): not found in ClusterSecretStore/onepassword',
    );
  });

  test('the failing entry in the message is the first one in ESO order', async () => {
    const client = new FaultyClient({ values: { x: '1', y: '2' } });
    await expect(
      fetch(threeEntries, { 'ClusterSecretStore/onepassword': client }, resolved(onePassword)),
    ).rejects.toThrow(
      'spec.data[2] (key=db-prod, property=password): not found in ClusterSecretStore/onepassword',
    );
  });

  test('with deletionPolicy Delete or Merge missing entries are skipped and reported', async () => {
    const client = new FaultyClient({ values: { present: 'v' } });
    const es = anExternalSecret('es')
      .withTarget({ deletionPolicy: 'Merge' })
      .withDataFromExtract('gone-map')
      .withData('a', 'present')
      .withData('b', 'gone')
      .build();
    const result = await fetch(es, { 'SecretStore/default/store': client }, resolved(store));
    expect(values(result.entries)).toEqual(['v']);
    expect(result.missing).toEqual([
      { source: 'dataFrom', index: 0 },
      { source: 'data', index: 1, key: 'gone' },
    ]);
  });

  test('other provider errors are never skipped, whatever the deletionPolicy', async () => {
    const client = new FaultyClient({ values: { a: 'v' } });
    client.failure = new ProviderUnavailableError('backend returned 503');
    const es = anExternalSecret('es').withTarget({ deletionPolicy: 'Delete' }).withData('a', 'a').build();
    await expect(fetch(es, { 'SecretStore/default/store': client }, resolved(store))).rejects.toThrow(
      'spec.data[0] (key=a): reading from SecretStore/store failed: backend returned 503',
    );
  });

  test('a throttled read keeps the provider’s RateLimitedError as cause', async () => {
    const client = new FaultyClient({ values: { a: 'v' } });
    client.failure = new RateLimitedError('slow down', 2000);
    const es = anExternalSecret('es').withData('a', 'a').build();
    const error = (await fetch(es, { 'SecretStore/default/store': client }, resolved(store)).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.cause).toBeInstanceOf(RateLimitedError);
  });

  test('a client that cannot be built fails the entries of that store', async () => {
    const es = anExternalSecret('es').withData('a', 'a').build();
    const error = await fetchRemoteData({
      es,
      stores: resolved(store),
      clients: { clientFor: async () => Promise.reject(new Error('bad credentials')) },
      coalescer: new ReadCoalescer(),
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'spec.data[0] (key=a): reading from SecretStore/store failed: bad credentials',
    );
  });

  test('generators are refused as an invalid spec', async () => {
    const es = anExternalSecret('es')
      .withDataFrom({ sourceRef: { generatorRef: { kind: 'Password', name: 'pw' } } })
      .build();
    await expect(fetch(es, {}, resolved())).rejects.toThrow(InvalidSpecError);
  });
});
