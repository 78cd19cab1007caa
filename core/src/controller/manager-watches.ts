/**
 * Wiring cache events to work queues, with controller-runtime's usual predicates. Every event
 * queues keys at `high` priority (a change beats a periodic refresh).
 */
import type { KubeObject, ObjectCache, WatchEventType } from '../kube/kube-port.js';
import { objectKeyOf, objectKeyToString, type ObjectKey } from './reconciler.js';
import type { WorkQueue } from './work-queue.js';

/** Decides whether an event should queue anything. */
export type EventFilter<T extends KubeObject> = (type: WatchEventType, object: T, old?: T) => boolean;

/** Options of {@link enqueueOnChange}. */
export interface EnqueueOptions<T extends KubeObject> {
  /** Keys to queue for an object. @default the object's own key */
  readonly map?: (object: T) => readonly ObjectKey[];
  /** @default every event */
  readonly filter?: EventFilter<T>;
}

/** Queues keys for every (filtered) change seen by `cache`; returns the unsubscribe function. */
export function enqueueOnChange<T extends KubeObject>(
  cache: ObjectCache<T>,
  queue: WorkQueue,
  options: EnqueueOptions<T> = {},
): () => void {
  const map = options.map ?? ((object: T) => [objectKeyOf(object)]);
  return cache.onChange((type, object, old) => {
    if (options.filter !== undefined && !options.filter(type, object, old)) return;
    const keys = new Set(map(object).map(objectKeyToString));
    if (old !== undefined) for (const key of map(old)) keys.add(objectKeyToString(key));
    for (const key of keys) queue.add(key, { priority: 'high' });
  });
}

/**
 * ESO's predicate for its own kinds: react to creation, deletion, and updates that change the
 * spec (`generation`), labels, annotations or the deletion timestamp, but not to status-only writes
 * (which the reconciler itself makes).
 */
export function ignoreStatusOnlyUpdates<T extends KubeObject>(
  type: WatchEventType,
  object: T,
  old?: T,
): boolean {
  if (type !== 'updated' || old === undefined) return true;
  const now = object.metadata;
  const before = old.metadata;
  return (
    now.generation !== before.generation ||
    now.deletionTimestamp !== before.deletionTimestamp ||
    !sameMap(now.labels, before.labels) ||
    !sameMap(now.annotations, before.annotations)
  );
}

/**
 * For objects owned by a controller (target Secrets): the keys of their controller owner of `kind`,
 * so that a deleted or edited Secret queues its ExternalSecret (drift repair).
 */
export function controllerOwnerKeys(kind: string): (object: KubeObject) => ObjectKey[] {
  return (object) =>
    (object.metadata.ownerReferences ?? [])
      .filter((owner) => owner.kind === kind && owner.controller === true)
      .map((owner) =>
        object.metadata.namespace
          ? { namespace: object.metadata.namespace, name: owner.name }
          : { name: owner.name },
      );
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const left = Object.entries(a ?? {});
  if (left.length !== Object.keys(b ?? {}).length) return false;
  return left.every(([key, value]) => (b ?? {})[key] === value);
}
