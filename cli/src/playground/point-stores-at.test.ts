import type { KubeObject } from '@tessera/core';
import { pointStoresAt } from './point-stores-at.js';

describe('pointing stores at the playground emulators', () => {
  const store = (provider: object): KubeObject => ({
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: { name: 'op' },
    spec: { provider },
  });

  it('replaces the connectHost of 1Password stores and keeps every other field', () => {
    // GIVEN a store naming an in-cluster Connect address
    const original = store({ onepassword: { connectHost: 'http://connect.svc:8080', vaults: { a: 1 } } });
    // WHEN it is rewritten for the emulator
    const rewritten = pointStoresAt({ onepassword: 'http://127.0.0.1:4000' })(original);
    // THEN only the host changed, and the original object is untouched
    expect(rewritten.spec).toEqual({
      provider: { onepassword: { connectHost: 'http://127.0.0.1:4000', vaults: { a: 1 } } },
    });
    expect(
      (original.spec as { provider: { onepassword: { connectHost: string } } }).provider.onepassword
        .connectHost,
    ).toBe('http://connect.svc:8080');
  });

  it('leaves stores of other providers and other kinds unchanged', () => {
    const rewrite = pointStoresAt({ onepassword: 'http://127.0.0.1:4000' });
    const fake = store({ fake: { data: [] } });
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } };
    expect(rewrite(fake)).toBe(fake);
    expect(rewrite(secret)).toBe(secret);
  });
});
