/** Helpers of the in-memory Kubernetes API: kind identity, scope, cloning, freezing and equality. */
import type { KindRef, KubeObject } from './kube-port.js';

/** Kinds without a namespace. Extend through {@link InMemoryKubeOptions.clusterScopedKinds}. */
export const DEFAULT_CLUSTER_SCOPED_KINDS: readonly string[] = [
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'ClusterSecretStore',
  'ClusterExternalSecret',
  'ClusterPushSecret',
  'ClusterGenerator',
];

/** The API group of an apiVersion (`v1` → '', `external-secrets.io/v1` → `external-secrets.io`). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Version-independent identity of a kind: `<group>/<Kind>`. */
export function kindKey(kind: KindRef): string {
  return `${groupOf(kind.apiVersion)}/${kind.kind}`;
}

/** Whether the kind has a `/status` subresource (every custom resource here; core kinds do not). */
export function hasStatusSubresource(kind: KindRef): boolean {
  return groupOf(kind.apiVersion) !== '';
}

/** Whether the API server maintains `metadata.generation` for the kind (custom resources). */
export function tracksGeneration(kind: KindRef): boolean {
  return groupOf(kind.apiVersion) !== '';
}

/** Deep-freezes a value in place and returns it (cached objects must never be mutated). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/** A mutable deep copy. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The fields that count for `metadata.generation`: everything but metadata (and status). */
export function generationRelevant(object: KubeObject): string {
  const { metadata: _metadata, status: _status, ...rest } = object;
  return canonicalJson(rest);
}

/** Deterministic JSON for equality checks (key order independent). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    return Object.fromEntries(
      Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}

/** Whether two objects are equal ignoring resourceVersion (for comparing snapshots). */
export function sameObject(a: KubeObject, b: KubeObject): boolean {
  const strip = (object: KubeObject) => ({
    ...object,
    metadata: { ...object.metadata, resourceVersion: undefined },
  });
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}
