import type { KubeObject } from '../api/kube-object.js';

const OMIT_WHEN_EMPTY = ['labels', 'annotations', 'finalizers', 'ownerReferences', 'managedFields'] as const;

/** Drops empty metadata maps and lists, as ObjectMeta's `omitempty` JSON encoding does. */
export function dropEmptyMetadata(obj: KubeObject): void {
  const m = obj.metadata;
  for (const key of OMIT_WHEN_EMPTY) {
    const v = m[key];
    if (
      v === null ||
      (Array.isArray(v) && v.length === 0) ||
      (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)
    )
      delete m[key];
  }
}
