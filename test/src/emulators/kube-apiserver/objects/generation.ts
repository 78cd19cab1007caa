import { jsonEqual, jsonObjectsEqual, type KubeObject } from '../api/kube-object.js';

function ignoredForSpec(key: string, statusIsSubresource: boolean): boolean {
  return (
    key === 'metadata' || key === 'apiVersion' || key === 'kind' || (statusIsSubresource && key === 'status')
  );
}

/** True when any top-level field other than metadata (and status, when it is a subresource) changed. */
export function specChanged(next: KubeObject, prev: KubeObject, statusIsSubresource: boolean): boolean {
  for (const k in next)
    if (!ignoredForSpec(k, statusIsSubresource) && !jsonEqual(next[k], prev[k])) return true;
  for (const k in prev)
    if (!ignoredForSpec(k, statusIsSubresource) && !(k in next) && prev[k] !== undefined) return true;
  return false;
}

/** Equality ignoring `metadata.resourceVersion` (the no-op write rule). */
export function sameExceptResourceVersion(a: KubeObject, b: KubeObject): boolean {
  return jsonObjectsEqual(a, b, 'metadata') && jsonObjectsEqual(a.metadata, b.metadata, 'resourceVersion');
}
