import { conflict, invalid, notFound } from '../api/api-error.js';
import type { FieldError } from '../api/field-error.js';
import { cloneJson, type KubeObject } from '../api/kube-object.js';
import { hasSubresource, type ResourceType, type WriteContext } from '../api/resource-type.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { StoredObject } from '../storage/stored-object.js';
import { applyRequestNamespace, checkBodyType, checkUrlName } from './body-checks.js';
import { sameExceptResourceVersion, specChanged } from './generation.js';
import { dropEmptyMetadata } from './metadata-normalise.js';
import { validateFinalizersWhileDeleting, validateObjectMeta } from './metadata-validation.js';
import { groupKindOf, groupResourceOf, servedClone, servedObject } from './render.js';
import type { WriteOptions } from './write-options.js';

/** What an update or patch asks for. */
export interface UpdateRequest extends WriteOptions {
  readonly type: ResourceType;
  readonly namespace: string;
  readonly name: string;
  readonly verb: 'update' | 'patch';
  /** `status` or `finalize` (namespaces) to write only that part. */
  readonly subresource?: string;
  /** Builds the incoming object from a mutable copy of the current one (PUT ignores it, PATCH patches it). */
  readonly build?: (current: KubeObject) => KubeObject;
  /** The full incoming object (PUT); used instead of `build`, saving a copy of the current object. */
  readonly body?: KubeObject;
}

/** The outcome: the object now stored (or would be, for dry runs). */
export interface UpdateResult {
  readonly object: StoredObject | KubeObject;
  readonly changed: boolean;
  readonly deleted: boolean;
}

/**
 * Takes only the subresource's part of `incoming`; everything else comes from `current`. `current` may be the
 * stored (shared, immutable) object: whatever is taken from it is copied, because the result is mutated later.
 */
function mergeSubresource(
  type: ResourceType,
  sub: string | undefined,
  incoming: KubeObject,
  stored: StoredObject,
  current: KubeObject,
): KubeObject {
  if (sub === 'status' || sub === 'finalize') return mergeInto(sub, incoming, servedClone(type, stored));
  if (hasSubresource(type, 'status')) {
    if (current.status === undefined) delete incoming.status;
    else incoming.status = cloneJson(current.status);
  }
  return incoming;
}

/** The `status` or `finalize` part of `incoming` over a private copy of the current object. */
function mergeInto(sub: 'status' | 'finalize', incoming: KubeObject, current: KubeObject): KubeObject {
  if (sub === 'status') {
    const next: KubeObject = {
      ...current,
      metadata: { ...current.metadata, resourceVersion: incoming.metadata.resourceVersion },
    };
    if (incoming.status === undefined) delete next.status;
    else next.status = incoming.status;
    return next;
  }
  const spec = {
    ...((current.spec as Record<string, unknown>) ?? {}),
    finalizers: (incoming.spec as { finalizers?: unknown } | undefined)?.finalizers ?? [],
  };
  return {
    ...current,
    spec,
    metadata: { ...current.metadata, resourceVersion: incoming.metadata.resourceVersion },
  };
}

function checkPrecondition(type: ResourceType, next: KubeObject, current: StoredObject, name: string): void {
  const rv = next.metadata.resourceVersion;
  if (rv) {
    if (rv !== String(current.rv)) throw conflict(groupResourceOf(type), name);
  } else if (!type.strategy.allowUnconditionalUpdate) {
    throw invalid({ group: type.group, kind: type.plural }, name, [
      {
        type: 'Invalid',
        field: 'metadata.resourceVersion',
        rawValue: '0x0',
        detail: 'must be specified for an update',
      },
    ]);
  }
}

/** Copies the fields updates may not change; a different uid is refused. */
function carryOverSystemFields(next: KubeObject, current: KubeObject): FieldError[] {
  const m = next.metadata;
  const c = current.metadata;
  const errs: FieldError[] = [];
  if (m.uid && m.uid !== c.uid)
    errs.push({ type: 'Invalid', field: 'metadata.uid', value: m.uid, detail: 'field is immutable' });
  m.uid = c.uid;
  m.creationTimestamp = c.creationTimestamp;
  for (const key of ['deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
    if (c[key] === undefined) delete m[key];
    else m[key] = c[key] as never;
  }
  delete m.managedFields;
  delete m.selfLink;
  return errs;
}

/** Remaining finalizers that hold deletion. */
export function deletionBlockers(type: ResourceType, obj: KubeObject): string[] {
  return [...(obj.metadata.finalizers ?? []), ...(type.strategy.extraDeletionBlockers?.(obj) ?? [])];
}

/**
 * The update pipeline shared by PUT, PATCH, `/status` and the in-process controllers: precondition (409), carried
 * system fields, strategy and validation (422), generation on spec change, the no-op rule, and deletion when the
 * last finalizer of a deleting object goes.
 */
export function updateObject(store: ObjectStore, req: UpdateRequest): UpdateResult {
  const { type, namespace, name } = req;
  const stored = store.get(type.storageKey, namespace, name);
  if (!stored) throw notFound(groupResourceOf(type), name);
  // Read only: the stored object itself when no conversion applies (copies are made where parts are taken).
  const current = servedObject(type, stored);
  const built = req.body ?? req.build?.(servedClone(type, stored));
  const incoming = checkBodyType(type, built, '<patched object>');
  checkUrlName(incoming, name);
  applyRequestNamespace(type, incoming, type.namespaced ? namespace : undefined);
  const next = mergeSubresource(type, req.subresource, incoming, stored, current);
  checkPrecondition(type, next, stored, name);
  type.strategy.admit?.('update', next);
  const errors = carryOverSystemFields(next, current);
  const ctx: WriteContext = {
    verb: req.verb,
    subresource: req.subresource,
    fieldValidation: req.fieldValidation ?? 'Warn',
    warnings: req.warnings ?? [],
    type,
  };
  type.strategy.prepareForUpdate?.(next, current, ctx);
  dropEmptyMetadata(next);
  errors.push(
    ...validateObjectMeta(next, type.strategy.nameRule ?? 'subdomain'),
    ...validateFinalizersWhileDeleting(next, current),
  );
  errors.push(...(type.strategy.validate?.(next, current, ctx) ?? []));
  if (errors.length > 0) throw invalid(groupKindOf(type), name, errors);
  if (type.strategy.hasGeneration && specChanged(next, current, hasSubresource(type, 'status')))
    next.metadata.generation = (current.metadata.generation ?? 0) + 1;
  next.metadata.resourceVersion = String(stored.rv);
  if (sameExceptResourceVersion(next, current)) return { object: stored, changed: false, deleted: false };
  if (req.dryRun) return { object: next, changed: true, deleted: false };
  const toStore = type.conversion ? type.conversion.toStorage(next) : next;
  if (current.metadata.deletionTimestamp && deletionBlockers(type, next).length === 0) {
    return { object: store.remove(type.storageKey, toStore), changed: true, deleted: true };
  }
  return { object: store.update(type.storageKey, toStore), changed: true, deleted: false };
}
