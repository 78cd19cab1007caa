/**
 * The playground runs its provider emulators on loopback ports chosen at start-up, while the
 * examples name the in-cluster address a real installation would use. This rewrite points every
 * store of a provider at its emulator when the manifest is applied; the files stay as a user
 * would write them.
 */
import type { KubeObject } from '@tessera/core';

/** Base URL of each provider's emulator, by `spec.provider` key. */
export interface EmulatorUrls {
  /** Replaces `spec.provider.onepassword.connectHost`. */
  readonly onepassword?: string;
}

/** Returns a rewrite for `applyManifests` that leaves every other object unchanged. */
export function pointStoresAt(urls: EmulatorUrls): (object: KubeObject) => KubeObject {
  return (object) => {
    if (object.kind !== 'SecretStore' && object.kind !== 'ClusterSecretStore') return object;
    const spec = object.spec as { provider?: { onepassword?: { connectHost?: string } } } | undefined;
    const onepassword = spec?.provider?.onepassword;
    if (!onepassword || urls.onepassword === undefined) return object;
    return {
      ...object,
      spec: {
        ...spec,
        provider: { ...spec.provider, onepassword: { ...onepassword, connectHost: urls.onepassword } },
      },
    };
  };
}
