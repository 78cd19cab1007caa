import { InvalidRequestError } from '@tessera/core';
import { MANAGED_TAG } from './push-writer.js';
import { useSeededConnect } from './seeded-connect.js';
import { text } from './test-support.js';

const bytes = (value: string) => new TextEncoder().encode(value);

describe('1Password provider: push, delete and exists', () => {
  const world = useSeededConnect();

  it('creates a tagged SERVER item with one concealed field in the first-priority vault', async () => {
    await world.client.pushSecret({
      remote: { remoteKey: 'pushed-db', property: 'dsn' },
      value: bytes('postgres://x'),
    });
    const item = world.connect.store.item('infrastructure', 'pushed-db')!;
    expect(item.category).toBe('SERVER');
    expect(item.tags).toEqual([MANAGED_TAG]);
    expect(item.fields.map((f) => [f.label, f.type, f.value])).toEqual([
      ['dsn', 'CONCEALED', 'postgres://x'],
    ]);
  });

  it('reads a pushed value back at once, without waiting for Connect to list it', async () => {
    await world.client.pushSecret({ remote: { remoteKey: 'read-after-write' }, value: bytes('v1') });
    expect(text(await world.client.getSecret({ key: 'read-after-write' }))).toBe('v1');
  });

  it('updates the field of an item it created, and adds new fields beside it', async () => {
    await world.client.pushSecret({ remote: { remoteKey: 'updated', property: 'a' }, value: bytes('1') });
    await world.client.pushSecret({ remote: { remoteKey: 'updated', property: 'a' }, value: bytes('2') });
    await world.client.pushSecret({ remote: { remoteKey: 'updated', property: 'b' }, value: bytes('3') });
    const item = world.connect.store.item('infrastructure', 'updated')!;
    expect(item.fields.map((f) => [f.label, f.value])).toEqual([
      ['a', '2'],
      ['b', '3'],
    ]);
    expect(item.version).toBe(3);
  });

  it('sends nothing when the pushed value is already there', async () => {
    await world.client.pushSecret({ remote: { remoteKey: 'unchanged' }, value: bytes('same') });
    world.connect.requestLog.reset();
    await world.client.pushSecret({ remote: { remoteKey: 'unchanged' }, value: bytes('same') });
    expect(world.connect.requestLog.count(['UpdateVaultItem', 'CreateVaultItem'])).toBe(0);
  });

  it('honours the vault and tags of PushSecret metadata', async () => {
    await world.client.pushSecret({
      remote: { remoteKey: 'tagged' },
      value: bytes('x'),
      metadata: {
        apiVersion: 'kubernetes.external-secrets.io/v1alpha1',
        kind: 'PushSecretMetadata',
        spec: { vault: 'applications', tags: ['env:dev'] },
      },
    });
    expect(world.connect.store.item('applications', 'tagged')!.tags).toEqual([MANAGED_TAG, 'env:dev']);
    expect(world.connect.store.item('infrastructure', 'tagged')).toBeUndefined();
  });

  it('refuses to overwrite an item Tessera did not create, and leaves it unchanged', async () => {
    const push = world.client.pushSecret({
      remote: { remoteKey: 'postgres-main', property: 'password' },
      value: bytes('hijack'),
    });
    await expect(push).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(push).rejects.toThrow(
      /was not created by Tessera \(it lacks the tag "managed-by:tessera"\)/,
    );
    expect(
      world.connect.store.item('infrastructure', 'postgres-main')!.fields.find((f) => f.label === 'password')!
        .value,
    ).toBe('pg-pass');
  });

  it('refuses a value that is not UTF-8 text', async () => {
    await expect(
      world.client.pushSecret({ remote: { remoteKey: 'binary' }, value: new Uint8Array([0xff, 0xfe]) }),
    ).rejects.toThrow(/not UTF-8 text/);
  });

  it('never deletes from an item Tessera did not create', async () => {
    await world.client.deleteSecret({ remoteKey: 'postgres-main', property: 'password' });
    expect(
      world.connect.store.item('infrastructure', 'postgres-main')!.fields.some((f) => f.label === 'password'),
    ).toBe(true);
  });

  it('removes a pushed field and deletes the item with its last field', async () => {
    await world.client.pushSecret({ remote: { remoteKey: 'to-remove', property: 'a' }, value: bytes('1') });
    await world.client.pushSecret({ remote: { remoteKey: 'to-remove', property: 'b' }, value: bytes('2') });
    await world.client.deleteSecret({ remoteKey: 'to-remove', property: 'a' });
    expect(world.connect.store.item('infrastructure', 'to-remove')!.fields.map((f) => f.label)).toEqual([
      'b',
    ]);
    await world.client.deleteSecret({ remoteKey: 'to-remove', property: 'b' });
    expect(world.connect.store.item('infrastructure', 'to-remove')).toBeUndefined();
  });

  it('treats deleting something already gone as success', async () => {
    await expect(world.client.deleteSecret({ remoteKey: 'never-existed' })).resolves.toBeUndefined();
  });

  it('reports whether an item, and a field of it, exists', async () => {
    expect(await world.client.secretExists({ remoteKey: 'stripe' })).toBe(true);
    expect(await world.client.secretExists({ remoteKey: 'stripe', property: 'credential' })).toBe(true);
    expect(await world.client.secretExists({ remoteKey: 'stripe', property: 'nope' })).toBe(false);
    expect(await world.client.secretExists({ remoteKey: 'nowhere' })).toBe(false);
  });
});
