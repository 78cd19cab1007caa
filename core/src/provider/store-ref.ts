/**
 * Naming stores: resolving an ExternalSecret's `secretStoreRef` (kind defaults to SecretStore) and
 * the string keys used by caches, work queues and notifications.
 *
 * A store key is `SecretStore/<namespace>/<name>` or `ClusterSecretStore/<name>`.
 */
import { InvalidRequestError } from './errors.js';
import type { StoreKind } from './provider.js';

/** Identifies one store. `namespace` is set for SecretStores only. */
export interface StoreRef {
  readonly kind: StoreKind;
  readonly name: string;
  readonly namespace?: string;
}

/** A store key as produced by {@link storeKeyOf}. */
export type StoreKey = string;

/** What a `secretStoreRef` may hold (`kind` and `name` are optional in the schema). */
export interface SecretStoreRefLike {
  readonly name?: string;
  readonly kind?: string;
}

/**
 * Resolves a `secretStoreRef` written in an object of `namespace`. An empty kind means SecretStore,
 * whose namespace is always the referring object's namespace.
 * @throws InvalidRequestError when the name is empty or the kind is not a store kind.
 */
export function resolveStoreRef(ref: SecretStoreRefLike | undefined, namespace: string): StoreRef {
  const kind = ref?.kind || 'SecretStore';
  if (kind !== 'SecretStore' && kind !== 'ClusterSecretStore') {
    throw new InvalidRequestError(
      `secretStoreRef.kind "${kind}" is not SecretStore or ClusterSecretStore; fix the kind`,
    );
  }
  if (!ref?.name) {
    throw new InvalidRequestError(
      'secretStoreRef.name is empty; name the SecretStore or ClusterSecretStore to read from',
    );
  }
  return kind === 'SecretStore' ? { kind, name: ref.name, namespace } : { kind, name: ref.name };
}

/** The store key of `ref`. */
export function storeKeyOf(ref: StoreRef): StoreKey {
  return ref.kind === 'SecretStore'
    ? `SecretStore/${ref.namespace ?? ''}/${ref.name}`
    : `ClusterSecretStore/${ref.name}`;
}

/** The store key of a store object (its `kind`, `metadata.name` and `metadata.namespace`). */
export function storeKeyOfObject(store: {
  readonly kind: string;
  readonly metadata: { name?: string; namespace?: string };
}): StoreKey {
  return storeKeyOf(storeRefOfObject(store));
}

/** The {@link StoreRef} of a store object. */
export function storeRefOfObject(store: {
  readonly kind: string;
  readonly metadata: { name?: string; namespace?: string };
}): StoreRef {
  const kind: StoreKind = store.kind === 'ClusterSecretStore' ? 'ClusterSecretStore' : 'SecretStore';
  const name = store.metadata.name ?? '';
  return kind === 'SecretStore' ? { kind, name, namespace: store.metadata.namespace ?? '' } : { kind, name };
}

/** Parses a key produced by {@link storeKeyOf}; throws on anything else. */
export function parseStoreKey(key: StoreKey): StoreRef {
  const parts = key.split('/');
  if (parts[0] === 'ClusterSecretStore' && parts.length === 2)
    return { kind: 'ClusterSecretStore', name: parts[1] };
  if (parts[0] === 'SecretStore' && parts.length === 3)
    return { kind: 'SecretStore', namespace: parts[1], name: parts[2] };
  throw new Error(
    `"${key}" is not a store key (SecretStore/<namespace>/<name> or ClusterSecretStore/<name>)`,
  );
}

/** Human-readable name for messages: `SecretStore "ns/name"` or `ClusterSecretStore "name"`. */
export function describeStore(ref: StoreRef): string {
  return ref.kind === 'SecretStore'
    ? `SecretStore "${ref.namespace}/${ref.name}"`
    : `ClusterSecretStore "${ref.name}"`;
}
