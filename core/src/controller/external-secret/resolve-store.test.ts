import type { ExternalSecret } from '../../api/v1/index.js';
import { NamespaceNotAllowedError } from '../../provider/namespace-conditions.js';
import { storeKeyOfObject, type StoreRef } from '../../provider/store-ref.js';
import type { AnyStore } from '../../provider/store-view.js';
import { aClusterSecretStore, aSecretStore, anExternalSecret } from '../../testing/fixtures.js';
import { InvalidSpecError, StoreNotFoundError, StoreNotReadyError } from './external-secret-errors.js';
import {
  referencedStoreKeys,
  resolveStores,
  storeOfOtherController,
  type StoreLookup,
} from './resolve-store.js';

function lookup(
  stores: AnyStore[],
  namespaceLabels: Record<string, Record<string, string>> = {},
): StoreLookup {
  const byKey = new Map(stores.map((store) => [storeKeyOfObject(store), store]));
  return {
    getStore: (ref: StoreRef) =>
      byKey.get(
        ref.kind === 'SecretStore'
          ? `SecretStore/${ref.namespace}/${ref.name}`
          : `ClusterSecretStore/${ref.name}`,
      ),
    namespaceLabels: (name) => namespaceLabels[name],
  };
}
/** An ExternalSecret in namespace `team-b` reading through ClusterSecretStore `shared`. */
const anExternalSecretInTeamBUsingSharedClusterStore = (): ExternalSecret =>
  anExternalSecret('es').inNamespace('team-b').usingClusterStore('shared').withData('k', 'k').build();

const resolve = (es: ExternalSecret, stores: AnyStore[], extra: { floodGate?: boolean } = {}) =>
  resolveStores({ es, stores: lookup(stores), ...extra });

describe('resolve store', () => {
  test('an empty kind means a SecretStore in the ExternalSecret namespace', () => {
    const es = anExternalSecret('es')
      .withSpec({ secretStoreRef: { name: 'vault' } })
      .withData('k', 'k')
      .build();
    const store = aSecretStore('vault').ready().build();
    expect([...resolve(es, [store]).byKey.keys()]).toEqual(['SecretStore/default/vault']);
  });

  test('sourceRef.storeRef entries add their stores, in entry order, without duplicates', () => {
    const es = anExternalSecret('es')
      .usingClusterStore('shared')
      .withData('a', 'a')
      .withSpec({
        data: [
          { secretKey: 'a', remoteRef: { key: 'a' }, sourceRef: { storeRef: { name: 'local' } } },
          { secretKey: 'b', remoteRef: { key: 'b' } },
        ],
      })
      .withDataFromExtract('x')
      .build();
    expect(referencedStoreKeys(es)).toEqual(['ClusterSecretStore/shared', 'SecretStore/default/local']);
  });

  test('a missing store fails with ESO message and the next step', () => {
    const es = anExternalSecret('es').usingStore('vault').withData('k', 'k').build();
    expect(() => resolve(es, [])).toThrow(StoreNotFoundError);
    expect(() => resolve(es, [])).toThrow(
      /^could not get SecretStore "vault", not found; create the SecretStore/,
    );
  });

  test('a store that is not Ready is refused behind the flood gate, and accepted without it', () => {
    const es = anExternalSecret('es').usingStore('vault').withData('k', 'k').build();
    const store = aSecretStore('vault').notReady().build();
    expect(() => resolve(es, [store])).toThrow(StoreNotReadyError);
    expect(() => resolve(es, [store])).toThrow(/^SecretStore "vault" is not ready/);
    expect(resolve(es, [store], { floodGate: false }).byKey.size).toBe(1);
  });

  test('ValidationUnknown counts as Ready', () => {
    const es = anExternalSecret('es').usingStore('vault').withData('k', 'k').build();
    expect(resolve(es, [aSecretStore('vault').ready('ValidationUnknown').build()]).byKey.size).toBe(1);
  });

  test('a store of another controller class makes the ExternalSecret someone else’s', () => {
    const es = anExternalSecret('es').usingStore('vault').withData('k', 'k').build();
    const theirs = aSecretStore('vault').withController('other').ready().build();
    expect(storeOfOtherController({ es, stores: lookup([theirs]), controllerClass: 'tessera' })).toBe(
      'SecretStore/default/vault',
    );
    expect(
      storeOfOtherController({ es, stores: lookup([theirs]), controllerClass: 'other' }),
    ).toBeUndefined();
    expect(storeOfOtherController({ es, stores: lookup([]) })).toBeUndefined();
  });

  test('ClusterSecretStore conditions deny other namespaces with ESO message', () => {
    const es = anExternalSecretInTeamBUsingSharedClusterStore();
    const store = aClusterSecretStore('shared')
      .withConditions({ namespaces: ['team-a'] })
      .ready()
      .build();
    expect(() => resolve(es, [store])).toThrow(NamespaceNotAllowedError);
    expect(() => resolve(es, [store])).toThrow(
      /using cluster store "shared" is not allowed from namespace "team-b": denied by spec.condition/,
    );
  });

  test('ClusterSecretStore namespaceSelector conditions use the namespace labels', () => {
    const es = anExternalSecretInTeamBUsingSharedClusterStore();
    const store = aClusterSecretStore('shared')
      .withConditions({ namespaceSelector: { matchLabels: { env: 'prod' } } })
      .ready()
      .build();
    const stores = lookup([store], { 'team-b': { env: 'prod' } });
    expect(resolveStores({ es, stores }).byKey.size).toBe(1);
  });

  test('a reference without a name is an invalid spec', () => {
    const es = anExternalSecret('es')
      .withSpec({ secretStoreRef: { kind: 'SecretStore' } })
      .withData('k', 'k')
      .build();
    expect(() => resolve(es, [])).toThrow(InvalidSpecError);
  });
});
