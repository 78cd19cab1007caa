/**
 * Wires a store cache to the store controller's queue. Status-only updates (our own writes) are
 * skipped, so writing the status does not trigger another validation round.
 */
import type { KubeObject, ObjectCache } from '../../kube/kube-port.js';
import { objectKeyOf, objectKeyToString } from '../reconciler.js';

/** The part of the work queue this needs. */
export interface KeyQueue {
  add(key: string): void;
}

/** Enqueues stores that were added, deleted, or changed beyond their status. Returns the unsubscribe function. */
export function watchStores(stores: ObjectCache<KubeObject>, queue: KeyQueue): () => void {
  return stores.onChange((type, object, old) => {
    if (type === 'updated' && old && !changedBeyondStatus(old, object)) return;
    queue.add(objectKeyToString(objectKeyOf(object)));
  });
}

/** Whether anything other than `status` and `resourceVersion` differs. */
export function changedBeyondStatus(old: KubeObject, next: KubeObject): boolean {
  if ((old.metadata.generation ?? 0) !== (next.metadata.generation ?? 0)) return true;
  const meta = (object: KubeObject) =>
    JSON.stringify([object.metadata.labels ?? {}, object.metadata.annotations ?? {}, object.metadata.deletionTimestamp ?? null, object.metadata.finalizers ?? []]);
  if (meta(old) !== meta(next)) return true;
  return old.metadata.generation === undefined && JSON.stringify({ ...old, metadata: 0, status: 0 }) !== JSON.stringify({ ...next, metadata: 0, status: 0 });
}
