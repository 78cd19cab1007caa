import type { KubeObject } from '../api/kube-object.js';
import { StoredObject, storageKey } from './stored-object.js';

/** A persisted change, with the revision that replaced `previous`. */
export interface StoreEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly storageKey: string;
  readonly rv: number;
  readonly object: StoredObject;
  readonly previous?: StoredObject;
}

/** Called synchronously after each write. Listeners must not write to the store synchronously. */
export type StoreListener = (event: StoreEvent) => void;

/** Where an object lives. */
export interface ObjectLocation {
  readonly storageKey: string;
  readonly namespace: string;
  readonly name: string;
}

class Bucket {
  readonly objects = new Map<string, StoredObject>();
  private sorted?: string[];

  sortedKeys(): string[] {
    if (!this.sorted) this.sorted = [...this.objects.keys()].sort();
    return this.sorted;
  }

  invalidate(): void {
    this.sorted = undefined;
  }
}

/** Index of the first key ≥ `key` in a sorted array. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The in-memory etcd: buckets of objects per storage key, one global resourceVersion counter shared by all kinds,
 * and a synchronous change feed. It enforces no API semantics; the object services do.
 */
export class ObjectStore {
  private rv = 0;
  private readonly buckets = new Map<string, Bucket>();
  private readonly uids = new Map<string, ObjectLocation>();
  private readonly listeners: StoreListener[] = [];

  /** The current global resourceVersion. */
  get currentRv(): number {
    return this.rv;
  }

  /** Registers a change listener (called in write order). */
  subscribe(listener: StoreListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** The stored object, or undefined. */
  get(key: string, namespace: string, name: string): StoredObject | undefined {
    return this.buckets.get(key)?.objects.get(storageKey(namespace, name));
  }

  /** Where the object with this uid lives, if it exists. */
  locate(uid: string): ObjectLocation | undefined {
    return this.uids.get(uid);
  }

  /** Objects sorted by namespace then name; optionally one namespace and only keys after `afterKey`. */
  list(key: string, options: { namespace?: string; afterKey?: string } = {}): StoredObject[] {
    const bucket = this.buckets.get(key);
    if (!bucket) return [];
    const keys = bucket.sortedKeys();
    const prefix = options.namespace !== undefined ? `${options.namespace}/` : '';
    let start = prefix ? lowerBound(keys, prefix) : 0;
    if (options.afterKey !== undefined)
      start = Math.max(start, lowerBound(keys, options.afterKey + '\u0000'));
    const out: StoredObject[] = [];
    for (let i = start; i < keys.length; i++) {
      if (prefix && !keys[i].startsWith(prefix)) break;
      out.push(bucket.objects.get(keys[i])!);
    }
    return out;
  }

  /** Number of objects in a bucket. */
  size(key: string): number {
    return this.buckets.get(key)?.objects.size ?? 0;
  }

  /** Storage keys that hold at least one object. */
  storageKeys(): string[] {
    return [...this.buckets.entries()].filter(([, b]) => b.objects.size > 0).map(([k]) => k);
  }

  /** Stores a new object under a new resourceVersion. The caller has checked the name is free. */
  create(key: string, obj: KubeObject): StoredObject {
    const stored = StoredObject.create(obj, ++this.rv);
    const bucket = this.bucket(key);
    bucket.objects.set(stored.key, stored);
    bucket.invalidate();
    if (obj.metadata.uid) this.uids.set(obj.metadata.uid, this.location(key, stored));
    this.emit({ type: 'ADDED', storageKey: key, rv: stored.rv, object: stored });
    return stored;
  }

  /** Replaces an existing object under a new resourceVersion. */
  update(key: string, obj: KubeObject): StoredObject {
    const stored = StoredObject.create(obj, ++this.rv);
    const bucket = this.bucket(key);
    const previous = bucket.objects.get(stored.key);
    bucket.objects.set(stored.key, stored);
    if (!previous) bucket.invalidate();
    this.emit({ type: 'MODIFIED', storageKey: key, rv: stored.rv, object: stored, previous });
    return stored;
  }

  /** Removes an object; `finalState` is its last content, re-stamped with the deletion resourceVersion. */
  remove(key: string, finalState: KubeObject): StoredObject {
    const stored = StoredObject.create(finalState, ++this.rv);
    const bucket = this.bucket(key);
    const previous = bucket.objects.get(stored.key);
    bucket.objects.delete(stored.key);
    bucket.invalidate();
    if (finalState.metadata.uid) this.uids.delete(finalState.metadata.uid);
    this.emit({ type: 'DELETED', storageKey: key, rv: stored.rv, object: stored, previous });
    return stored;
  }

  /** Every object in a namespace across all buckets. */
  inNamespace(namespace: string): Array<{ storageKey: string; object: StoredObject }> {
    const out: Array<{ storageKey: string; object: StoredObject }> = [];
    for (const key of this.buckets.keys())
      for (const object of this.list(key, { namespace })) out.push({ storageKey: key, object });
    return out;
  }

  /** A JSON-ready copy of everything, for persistence. */
  snapshot(): { rv: number; objects: Array<{ storageKey: string; object: KubeObject }> } {
    const objects: Array<{ storageKey: string; object: KubeObject }> = [];
    for (const [key, bucket] of this.buckets)
      for (const s of bucket.objects.values()) objects.push({ storageKey: key, object: s.object });
    return { rv: this.rv, objects };
  }

  /** Loads a snapshot into an empty store without emitting events. */
  restore(snapshot: { rv: number; objects: Array<{ storageKey: string; object: KubeObject }> }): void {
    for (const { storageKey: key, object } of snapshot.objects) {
      const stored = StoredObject.create(object, Number(object.metadata.resourceVersion ?? 0));
      const bucket = this.bucket(key);
      bucket.objects.set(stored.key, stored);
      bucket.invalidate();
      if (object.metadata.uid) this.uids.set(object.metadata.uid, this.location(key, stored));
    }
    this.rv = Math.max(this.rv, snapshot.rv);
  }

  private bucket(key: string): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = new Bucket();
      this.buckets.set(key, b);
    }
    return b;
  }

  private location(key: string, stored: StoredObject): ObjectLocation {
    return {
      storageKey: key,
      namespace: stored.object.metadata.namespace ?? '',
      name: stored.object.metadata.name ?? '',
    };
  }

  private emit(event: StoreEvent): void {
    for (const l of this.listeners) l(event);
  }
}
