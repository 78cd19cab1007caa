/** Conversion of a SecretStore / ClusterSecretStore object into the {@link StoreView} a provider sees. */
import type { ClusterSecretStore, SecretStore } from '../api/v1/secret-store.js';
import type { StoreView } from './provider.js';

/** Either store kind. */
export type AnyStore = SecretStore | ClusterSecretStore;

/** The provider's view of `store`, with `block` = `spec.provider[<name>]` (already validated). */
export function toStoreView<TSpec>(store: AnyStore, block: TSpec): StoreView<TSpec> {
  const { metadata, spec } = store;
  return {
    kind: store.kind,
    name: metadata.name ?? '',
    namespace: store.kind === 'SecretStore' ? metadata.namespace : undefined,
    uid: metadata.uid,
    generation: metadata.generation ?? 0,
    spec: block,
    retrySettings: spec.retrySettings,
    annotations: { ...(metadata.annotations ?? {}) },
  };
}
