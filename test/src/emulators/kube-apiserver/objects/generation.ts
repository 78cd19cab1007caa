import { jsonEqual, type KubeObject } from '../api/kube-object.js';

/** True when any top-level field other than metadata (and status, when it is a subresource) changed. */
export function specChanged(next: KubeObject, prev: KubeObject, statusIsSubresource: boolean): boolean {
  const skip = new Set(['metadata', 'apiVersion', 'kind']);
  if (statusIsSubresource) skip.add('status');
  const keys = new Set([...Object.keys(next), ...Object.keys(prev)]);
  for (const k of keys) if (!skip.has(k) && !jsonEqual(next[k], prev[k])) return true;
  return false;
}

/** Equality ignoring `metadata.resourceVersion` (the no-op write rule). */
export function sameExceptResourceVersion(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject): KubeObject => ({
    ...o,
    metadata: { ...o.metadata, resourceVersion: undefined },
  });
  return jsonEqual(strip(a), strip(b));
}
