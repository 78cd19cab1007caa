import { InvalidRequestError } from './errors.js';
import { describeStore, parseStoreKey, resolveStoreRef, storeKeyOf, storeKeyOfObject } from './store-ref.js';

describe('store references', () => {
  it('defaults an empty kind to a SecretStore in the referring namespace', () => {
    expect(resolveStoreRef({ name: 'vault' }, 'team-a')).toEqual({
      kind: 'SecretStore',
      name: 'vault',
      namespace: 'team-a',
    });
    expect(resolveStoreRef({ name: 'vault', kind: '' }, 'team-a')).toEqual({
      kind: 'SecretStore',
      name: 'vault',
      namespace: 'team-a',
    });
  });

  it('resolves a ClusterSecretStore without a namespace', () => {
    expect(resolveStoreRef({ name: 'shared', kind: 'ClusterSecretStore' }, 'team-a')).toEqual({
      kind: 'ClusterSecretStore',
      name: 'shared',
    });
  });

  it('rejects a missing name or an unknown kind with the next step', () => {
    expect(() => resolveStoreRef({}, 'ns')).toThrow(InvalidRequestError);
    expect(() => resolveStoreRef({ name: 'x', kind: 'Vault' }, 'ns')).toThrow(
      /not SecretStore or ClusterSecretStore/,
    );
  });

  it('round-trips store keys', () => {
    const namespaced = { kind: 'SecretStore', name: 's', namespace: 'ns' } as const;
    const cluster = { kind: 'ClusterSecretStore', name: 'c' } as const;
    expect(storeKeyOf(namespaced)).toBe('SecretStore/ns/s');
    expect(storeKeyOf(cluster)).toBe('ClusterSecretStore/c');
    expect(parseStoreKey(storeKeyOf(namespaced))).toEqual(namespaced);
    expect(parseStoreKey(storeKeyOf(cluster))).toEqual(cluster);
    expect(() => parseStoreKey('nonsense')).toThrow();
  });

  it('keys store objects and describes stores for messages', () => {
    expect(storeKeyOfObject({ kind: 'ClusterSecretStore', metadata: { name: 'c' } })).toBe(
      'ClusterSecretStore/c',
    );
    expect(describeStore({ kind: 'SecretStore', name: 's', namespace: 'ns' })).toBe('SecretStore "ns/s"');
  });
});
