import { badRequest, conflict, notFound } from '../api/api-error.js';
import { nowTimestamp, type KubeObject } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-type.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { StoredObject } from '../storage/stored-object.js';
import { groupResourceOf, servedClone, servedObject } from './render.js';
import { deletionBlockers } from './update-object.js';

/** Cascading behaviour of a delete. */
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

/** DeleteOptions as accepted from the query and/or body. */
export interface DeleteRequest {
  readonly type: ResourceType;
  readonly namespace: string;
  readonly name: string;
  readonly propagationPolicy?: PropagationPolicy;
  readonly preconditions?: { uid?: string; resourceVersion?: string };
  readonly dryRun?: boolean;
}

/** `removed`: gone now (reply is a Status). `pending`: marked deleting, held by finalizers (reply is the object). */
export type DeleteResult =
  | { readonly outcome: 'removed'; readonly object: StoredObject | KubeObject }
  | { readonly outcome: 'pending'; readonly object: StoredObject | KubeObject };

const REPEAT_DELETE_MESSAGE =
  'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.';

const GC_FINALIZERS: Record<PropagationPolicy, string | undefined> = {
  Background: undefined,
  Foreground: 'foregroundDeletion',
  Orphan: 'orphan',
};

function checkPreconditions(req: DeleteRequest, stored: StoredObject): void {
  const p = req.preconditions;
  if (!p) return;
  const m = stored.object.metadata;
  if (p.uid && p.uid !== m.uid)
    throw conflict(
      groupResourceOf(req.type),
      req.name,
      `Precondition failed: UID in precondition: ${p.uid}, UID in object meta: ${m.uid}`,
    );
  if (p.resourceVersion && p.resourceVersion !== m.resourceVersion) {
    throw conflict(
      groupResourceOf(req.type),
      req.name,
      `Precondition failed: ResourceVersion in precondition: ${p.resourceVersion}, ResourceVersion in object meta: ${m.resourceVersion}`,
    );
  }
}

/** Sets the GC finalizer of the chosen policy, removing the other one. */
function applyGcFinalizers(obj: KubeObject, policy: PropagationPolicy): void {
  const keep = (obj.metadata.finalizers ?? []).filter((f) => f !== 'foregroundDeletion' && f !== 'orphan');
  const add = GC_FINALIZERS[policy];
  const next = add ? [...keep, add] : keep;
  if (next.length > 0) obj.metadata.finalizers = next;
  else delete obj.metadata.finalizers;
}

/**
 * The delete pipeline: preconditions (409), GC finalizers for the propagation policy, then either removal at once
 * or marking with `deletionTimestamp` while finalizers remain (Kubernetes' graceful-deletion-free path).
 */
export function deleteObject(store: ObjectStore, req: DeleteRequest): DeleteResult {
  const { type, namespace, name } = req;
  const stored = store.get(type.storageKey, namespace, name);
  if (!stored) throw notFound(groupResourceOf(type), name);
  checkPreconditions(req, stored);
  const policy = req.propagationPolicy ?? 'Background';
  if (!(policy in GC_FINALIZERS))
    throw badRequest(
      `propagationPolicy: Unsupported value: "${String(policy)}": supported values: "Foreground", "Background", "Orphan"`,
    );
  if (stored.object.metadata.deletionTimestamp) {
    if ((type.strategy.extraDeletionBlockers?.(stored.object) ?? []).length > 0)
      throw conflict(groupResourceOf(type), name, REPEAT_DELETE_MESSAGE);
    return { outcome: 'pending', object: servedObject(type, stored) };
  }
  const obj = servedClone(type, stored);
  type.strategy.beforeDelete?.(obj);
  applyGcFinalizers(obj, policy);
  if (deletionBlockers(type, obj).length === 0) {
    if (req.dryRun) return { outcome: 'removed', object: obj };
    return { outcome: 'removed', object: store.remove(type.storageKey, stored.object) };
  }
  obj.metadata.deletionTimestamp = nowTimestamp();
  obj.metadata.deletionGracePeriodSeconds = 0;
  if ((obj.metadata.generation ?? 0) > 0) obj.metadata.generation = (obj.metadata.generation ?? 0) + 1;
  if (req.dryRun) return { outcome: 'pending', object: obj };
  return {
    outcome: 'pending',
    object: store.update(type.storageKey, type.conversion ? type.conversion.toStorage(obj) : obj),
  };
}
