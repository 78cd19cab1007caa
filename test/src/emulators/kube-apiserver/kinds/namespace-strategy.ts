import type { KubeObject } from '../api/kube-object.js';
import type { KindStrategy } from '../api/resource-type.js';

const NAME_LABEL = 'kubernetes.io/metadata.name';

function ensureNameLabel(obj: KubeObject): void {
  obj.metadata.labels = { ...(obj.metadata.labels ?? {}), [NAME_LABEL]: obj.metadata.name ?? '' };
}

/** Namespace: `kubernetes` spec finalizer, phase Active/Terminating, the metadata.name label; DNS-1123 label names. */
export const namespaceStrategy: KindStrategy = {
  hasGeneration: false,
  allowUnconditionalUpdate: true,
  nameRule: 'label',
  prepareForCreate(obj) {
    obj.spec = { ...((obj.spec as object) ?? {}), finalizers: ['kubernetes'] };
    obj.status = { phase: 'Active' };
    ensureNameLabel(obj);
  },
  prepareForUpdate(obj, old, ctx) {
    if (ctx.subresource !== 'finalize') {
      const finalizers = (old.spec as { finalizers?: string[] } | undefined)?.finalizers;
      obj.spec = { ...((obj.spec as object) ?? {}), ...(finalizers ? { finalizers } : {}) };
    }
    ensureNameLabel(obj);
  },
  beforeDelete(obj) {
    obj.status = { ...((obj.status as object) ?? {}), phase: 'Terminating' };
  },
  extraDeletionBlockers(obj) {
    return ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).slice();
  },
};
