import { nowTimestamp } from '../api/kube-object.js';
import type { KindStrategy } from '../api/resource-type.js';
import { CRD_CLEANUP_FINALIZER, type CrdCondition, type CrdObject } from './crd-shape.js';
import { validateCrd } from './crd-validation.js';

function setDefaults(crd: CrdObject): void {
  const spec = crd.spec;
  if (!spec || typeof spec !== 'object' || !spec.names) return;
  if (!spec.names.singular && spec.names.kind) spec.names.singular = spec.names.kind.toLowerCase();
  if (!spec.names.listKind && spec.names.kind) spec.names.listKind = `${spec.names.kind}List`;
  spec.conversion ??= { strategy: 'None' };
}

function condition(
  previous: CrdCondition[] | undefined,
  c: Omit<CrdCondition, 'lastTransitionTime'>,
): CrdCondition {
  const old = previous?.find((p) => p.type === c.type);
  return {
    ...c,
    lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : nowTimestamp(),
  };
}

/** Accepted names and the NamesAccepted/Established conditions, set synchronously (the real controllers are async). */
function establish(crd: CrdObject): void {
  const previous = crd.status?.conditions;
  const storage = crd.spec.versions?.find((v) => v.storage)?.name;
  const stored = new Set(crd.status?.storedVersions ?? []);
  if (storage) stored.add(storage);
  const conditions = [
    condition(previous, {
      type: 'NamesAccepted',
      status: 'True',
      reason: 'NoConflicts',
      message: 'no conflicts found',
    }),
    condition(previous, {
      type: 'Established',
      status: 'True',
      reason: 'InitialNamesAccepted',
      message: 'the initial names have been accepted',
    }),
    ...(previous ?? []).filter((c) => c.type === 'Terminating'),
  ];
  crd.status = { conditions, acceptedNames: { ...crd.spec.names }, storedVersions: [...stored] };
}

/** CustomResourceDefinition: defaults, validation, synchronous establishment, the cleanup finalizer on delete. */
export const crdStrategy: KindStrategy = {
  hasGeneration: true,
  allowUnconditionalUpdate: false,
  prepareForCreate(obj) {
    setDefaults(obj as CrdObject);
    establish(obj as CrdObject);
  },
  prepareForUpdate(obj, _old, ctx) {
    setDefaults(obj as CrdObject);
    if (ctx.subresource !== 'status') establish(obj as CrdObject);
  },
  validate: (obj) => validateCrd(obj as CrdObject),
  beforeDelete(obj) {
    const crd = obj as CrdObject;
    crd.metadata.finalizers = [...new Set([...(crd.metadata.finalizers ?? []), CRD_CLEANUP_FINALIZER])];
    const conditions = (crd.status?.conditions ?? []).filter((c) => c.type !== 'Terminating');
    conditions.push({
      type: 'Terminating',
      status: 'True',
      reason: 'InstanceDeletionPending',
      message: 'CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon',
      lastTransitionTime: nowTimestamp(),
    });
    crd.status = { ...(crd.status ?? {}), conditions };
  },
};
