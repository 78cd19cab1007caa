/** Manifest builders for the e2e scenarios (what a user would write in YAML). */
import type { Resource } from './kube-user.js';

/** One value of a `fake` store. */
export interface FakeEntry {
  readonly key: string;
  readonly value: string;
  readonly version?: string;
}

/** A SecretStore of the fake provider. */
export function aFakeStore(
  name: string,
  namespace: string,
  data: readonly FakeEntry[],
  extra: { validationResult?: number } = {},
): Resource {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'SecretStore',
    metadata: { name, namespace },
    spec: { provider: { fake: { data, ...extra } } },
  };
}

/** A ClusterSecretStore of the fake provider, optionally with namespace conditions. */
export function aFakeClusterStore(
  name: string,
  data: readonly FakeEntry[],
  conditions?: readonly object[],
): Resource {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: { name },
    spec: { ...(conditions ? { conditions } : {}), provider: { fake: { data } } },
  };
}

/** An ExternalSecret; `spec` overrides the defaults (SecretStore "store", refresh every hour). */
export function anExternalSecret(name: string, namespace: string, spec: Record<string, unknown>): Resource {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name, namespace },
    spec: { refreshInterval: '1h', secretStoreRef: { kind: 'SecretStore', name: 'store' }, ...spec },
  };
}

/** `data[]` entries mapping each secretKey to a remote key (and optional property). */
export function dataEntries(
  entries: Record<string, string | { key: string; property?: string; version?: string }>,
): object[] {
  return Object.entries(entries).map(([secretKey, ref]) => ({
    secretKey,
    remoteRef: typeof ref === 'string' ? { key: ref } : ref,
  }));
}
