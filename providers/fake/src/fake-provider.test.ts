import 'reflect-metadata';
import {
  InvalidProviderConfigError,
  InvalidRequestError,
  NotSupportedError,
  ReadCoalescer,
  SecretNotFoundError,
  createContainer,
  tokens,
  type AnyStore,
  type ProviderClientCache,
  type SecretsClient,
  type StoreView,
} from '@tessera/core';
import { CountingCallRecorder, InMemoryKube, aClusterSecretStore, aSecretStore } from '@tessera/core/testing';
import type { FakeProviderSpec } from './fake-descriptor.js';
import { fakeModule } from './fake-module.js';
import { FakeProvider } from './fake-provider.js';

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);
const bytes = (value: string) => new TextEncoder().encode(value);

function setUp() {
  const recorder = new CountingCallRecorder();
  const kube = new InMemoryKube();
  const container = createContainer({
    providerModules: [fakeModule],
    constants: [
      { token: tokens.KubeClient, value: kube },
      { token: tokens.ProviderCallRecorder, value: recorder },
    ],
  });
  const cache = container.get<ProviderClientCache>(tokens.ProviderClientCache);
  return {
    recorder,
    cache,
    clientFor: (store: AnyStore, namespace = 'default') => cache.clientFor(store, namespace),
  };
}

const DB = '{"user":"app","password":"canary-pw","port":5432,"nested":{"a":{"b":"deep"}},"list":[1, 2]}';

const store = aSecretStore('fake')
  .withMetadata({ uid: 'uid-fake', generation: 1 })
  .withFakeData([
    { key: 'db', value: DB },
    { key: 'api-key', value: 'plain-value' },
    { key: 'api-key', value: 'old-value', version: 'v1' },
    { key: 'app/one', value: 'first' },
    { key: 'app/two', value: 'second', version: 'v2' },
    { key: 'app/two', value: 'second-old', version: 'v1' },
  ])
  .build();

describe('fake provider', () => {
  describe('reads', () => {
    let client: SecretsClient;
    beforeEach(async () => {
      client = await setUp().clientFor(store);
    });

    it('returns a whole value, or one property by gjson path', async () => {
      expect(text(await client.getSecret({ key: 'api-key' }))).toBe('plain-value');
      expect(text(await client.getSecret({ key: 'db', property: 'user' }))).toBe('app');
      expect(text(await client.getSecret({ key: 'db', property: 'nested.a.b' }))).toBe('deep');
      expect(text(await client.getSecret({ key: 'db', property: 'port' }))).toBe('5432');
    });

    it('serves the exact version asked for, and the unversioned entry by default', async () => {
      expect(text(await client.getSecret({ key: 'api-key', version: 'v1' }))).toBe('old-value');
      await expect(client.getSecret({ key: 'api-key', version: 'v9' })).rejects.toThrow(SecretNotFoundError);
      await expect(client.getSecret({ key: 'app/two' })).rejects.toThrow(SecretNotFoundError);
    });

    it('reports a missing key or property as SecretNotFoundError naming it', async () => {
      await expect(client.getSecret({ key: 'nope' })).rejects.toThrow('fake secret "nope" does not exist');
      await expect(client.getSecret({ key: 'db', property: 'missing' })).rejects.toThrow(
        'fake secret "db" has no property "missing"',
      );
    });

    it('flattens a JSON object for extract: strings unquoted, other values as raw JSON', async () => {
      const map = await client.getSecretMap({ key: 'db' });
      expect(Object.fromEntries(Object.entries(map).map(([key, value]) => [key, text(value)]))).toEqual({
        user: 'app',
        password: 'canary-pw',
        port: '5432',
        nested: '{"a":{"b":"deep"}}',
        list: '[1, 2]',
      });
      expect(text((await client.getSecretMap({ key: 'db', property: 'nested' })).a)).toBe('{"b":"deep"}');
    });

    it('refuses to extract a value that is not a JSON object', async () => {
      await expect(client.getSecretMap({ key: 'api-key' })).rejects.toThrow(InvalidRequestError);
    });

    it('finds by name (RE2, unanchored), returning the latest version of each key', async () => {
      const found = await client.getAllSecrets({ name: { regexp: '^app/' } });
      expect(Object.fromEntries(Object.entries(found).map(([key, value]) => [key, text(value)]))).toEqual({
        'app/one': 'first',
        'app/two': 'second',
      });
      expect(Object.keys(await client.getAllSecrets({ name: { regexp: 'pi-k' } }))).toEqual(['api-key']);
    });

    it('says clearly that finding by tags is not supported', async () => {
      await expect(client.getAllSecrets({ tags: { team: 'a' } })).rejects.toThrow(NotSupportedError);
      await expect(client.getAllSecrets({ name: { regexp: '.*' }, tags: { team: 'a' } })).rejects.toThrow(
        /tags/,
      );
    });
  });

  it('costs one read for several refs of the same key in a batch', async () => {
    // GIVEN three data entries of one remote item and one of another
    const { clientFor, recorder } = setUp();
    const client = await clientFor(store);
    // WHEN they are read through the coalescer in one reconcile
    const outcomes = await new ReadCoalescer().readAll(client, [
      { key: 'db', property: 'user' },
      { key: 'db', property: 'password' },
      { key: 'db', property: 'port' },
      { key: 'api-key' },
    ]);
    // THEN the provider read each remote item once
    expect(outcomes.map((outcome) => text(outcome.value))).toEqual([
      'app',
      'canary-pw',
      '5432',
      'plain-value',
    ]);
    expect(recorder.count({ operation: 'GetSecret' })).toBe(2);
  });

  it('counts every read, labelled with the store and its outcome', async () => {
    const { clientFor, recorder } = setUp();
    const client = await clientFor(store);
    await client.getSecret({ key: 'db' });
    await expect(client.getSecret({ key: 'nope' })).rejects.toThrow();
    expect(recorder.calls).toEqual([
      { store: 'SecretStore/default/fake', provider: 'fake', operation: 'GetSecret', outcome: 'success' },
      { store: 'SecretStore/default/fake', provider: 'fake', operation: 'GetSecret', outcome: 'not_found' },
    ]);
  });

  it('serves new data after the store is edited (new generation)', async () => {
    const { clientFor } = setUp();
    await clientFor(store);
    const edited = aSecretStore('fake')
      .withMetadata({ uid: 'uid-fake', generation: 2 })
      .withFakeData({ 'api-key': 'rotated' })
      .build();
    expect(text(await (await clientFor(edited)).getSecret({ key: 'api-key' }))).toBe('rotated');
  });

  describe('push', () => {
    it('pushes, reads back, checks existence and deletes idempotently', async () => {
      const client = await setUp().clientFor(store);
      await client.pushSecret({ remote: { remoteKey: 'pushed' }, value: bytes('v1') });
      expect(text(await client.getSecret({ key: 'pushed' }))).toBe('v1');
      expect(await client.secretExists({ remoteKey: 'pushed' })).toBe(true);
      await client.deleteSecret({ remoteKey: 'pushed' });
      await client.deleteSecret({ remoteKey: 'pushed' });
      expect(await client.secretExists({ remoteKey: 'pushed' })).toBe(false);
    });

    it('pushes properties into one JSON value and deletes them one by one', async () => {
      const client = await setUp().clientFor(store);
      await client.pushSecret({ remote: { remoteKey: 'bundle', property: 'a' }, value: bytes('1') });
      await client.pushSecret({ remote: { remoteKey: 'bundle', property: 'b' }, value: bytes('2') });
      expect(text(await client.getSecret({ key: 'bundle' }))).toBe('{"a":"1","b":"2"}');
      expect(await client.secretExists({ remoteKey: 'bundle', property: 'a' })).toBe(true);
      await client.deleteSecret({ remoteKey: 'bundle', property: 'a' });
      expect(text(await client.getSecret({ key: 'bundle' }))).toBe('{"b":"2"}');
    });

    it('refuses to overwrite an entry that comes from the store spec, and never deletes one', async () => {
      const client = await setUp().clientFor(store);
      await expect(
        client.pushSecret({ remote: { remoteKey: 'api-key' }, value: bytes('x') }),
      ).rejects.toThrow(/cannot be overwritten/);
      await client.deleteSecret({ remoteKey: 'api-key' });
      expect(text(await client.getSecret({ key: 'api-key' }))).toBe('plain-value');
    });

    it('keeps pushed values when the store is edited', async () => {
      const { clientFor } = setUp();
      await (await clientFor(store)).pushSecret({ remote: { remoteKey: 'pushed' }, value: bytes('kept') });
      const edited = aSecretStore('fake')
        .withMetadata({ uid: 'uid-fake', generation: 2 })
        .withFakeData({ other: 'x' })
        .build();
      expect(text(await (await clientFor(edited)).getSecret({ key: 'pushed' }))).toBe('kept');
    });
  });

  describe('validation', () => {
    it('is Ready by default, Unknown or failing when the store says so', async () => {
      const { clientFor } = setUp();
      expect(await (await clientFor(store)).validate()).toBe('Ready');
      const unknown = aClusterSecretStore('u').withMetadata({ uid: 'u' }).withFakeValidationResult(1).build();
      expect(await (await clientFor(unknown, '')).validate()).toBe('Unknown');
      const failing = aClusterSecretStore('f').withMetadata({ uid: 'f' }).withFakeValidationResult(2).build();
      await expect((await clientFor(failing, '')).validate()).rejects.toThrow(InvalidProviderConfigError);
    });

    it('rejects entries without a key or a value, naming the entry', () => {
      const view = (data: FakeProviderSpec['data']): StoreView<FakeProviderSpec> => ({
        kind: 'SecretStore',
        name: 'bad',
        namespace: 'default',
        generation: 1,
        annotations: {},
        spec: { data },
      });
      const provider = new FakeProvider();
      expect(() => provider.validateStore(view([{ key: 'k', value: '' }]))).toThrow(
        'spec.provider.fake.data[0] (key=k) needs a value',
      );
      expect(() => provider.validateStore(view([{ key: '', value: 'v' }]))).toThrow(
        'spec.provider.fake.data[0].key must be set',
      );
      expect(provider.validateStore(view([{ key: 'k', value: 'v' }]))).toEqual([]);
    });
  });
});
