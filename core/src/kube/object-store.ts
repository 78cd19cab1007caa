import type { KubeObject, WatchEventType } from './kube-port.js';

/** A difference found when a fresh list replaces the store. */
export interface StoreChange<T> {
  readonly type: WatchEventType;
  readonly object: T;
  readonly old?: T;
}

/** The in-memory contents of one informer, indexed by namespace then name. */
export class ObjectStore<T extends KubeObject> {
  private readonly byNamespace = new Map<string, Map<string, T>>();

  get(name: string, namespace?: string): T | undefined {
    return this.byNamespace.get(namespace ?? '')?.get(name);
  }

  list(namespace?: string): T[] {
    if (namespace !== undefined) return [...(this.byNamespace.get(namespace)?.values() ?? [])];
    const all: T[] = [];
    for (const objects of this.byNamespace.values()) all.push(...objects.values());
    return all;
  }

  get size(): number {
    let total = 0;
    for (const objects of this.byNamespace.values()) total += objects.size;
    return total;
  }

  /** Stores `object`; returns the previous version, if any. */
  upsert(object: T): T | undefined {
    const namespace = object.metadata.namespace ?? '';
    let objects = this.byNamespace.get(namespace);
    if (objects === undefined) this.byNamespace.set(namespace, (objects = new Map()));
    const name = object.metadata.name ?? '';
    const old = objects.get(name);
    objects.set(name, object);
    return old;
  }

  /** Removes `object`; returns what was stored, if anything. */
  delete(object: T): T | undefined {
    const namespace = object.metadata.namespace ?? '';
    const objects = this.byNamespace.get(namespace);
    const name = object.metadata.name ?? '';
    const old = objects?.get(name);
    objects?.delete(name);
    if (objects?.size === 0) this.byNamespace.delete(namespace);
    return old;
  }

  /** Replaces the contents with `items` and reports what was added, changed or removed. */
  replace(items: readonly T[]): StoreChange<T>[] {
    const changes: StoreChange<T>[] = [];
    const previous = new Map(this.byNamespace);
    this.byNamespace.clear();
    for (const item of items) {
      const old = previous.get(item.metadata.namespace ?? '')?.get(item.metadata.name ?? '');
      this.upsert(item);
      if (old === undefined) changes.push({ type: 'added', object: item });
      else if (old.metadata.resourceVersion !== item.metadata.resourceVersion)
        changes.push({ type: 'updated', object: item, old });
    }
    for (const objects of previous.values()) {
      for (const old of objects.values()) {
        if (this.get(old.metadata.name ?? '', old.metadata.namespace) === undefined)
          changes.push({ type: 'deleted', object: old });
      }
    }
    return changes;
  }
}
