/**
 * An {@link ObjectCache} over the in-memory Kubernetes store: always in sync, with change
 * notifications delivered synchronously after each write, filtered by namespace and label selector
 * as an informer would (an object leaving the selection is reported as `deleted`).
 */
import type { KindRef, KubeObject, ObjectCache, WatchEventType } from './kube-port.js';
import {
  matchesLabelSelector,
  parseLabelSelector,
  type LabelSelectorLike,
} from '../provider/label-selector.js';
import { kindKey } from './object-identity.js';

/** A change of any object in the store. */
export interface StoreChange {
  readonly type: WatchEventType;
  readonly object: KubeObject;
  readonly old?: KubeObject;
}

/** What the cache needs from the store. */
export interface CacheSource {
  objectsOfKind(kindKey: string): Iterable<KubeObject>;
  find(kindKey: string, name: string, namespace?: string): KubeObject | undefined;
  subscribe(listener: (change: StoreChange) => void): () => void;
}

/** Options of a cache: the informer's scope. */
export interface InMemoryCacheOptions {
  /** @default all namespaces */
  readonly namespace?: string;
  /** String label selector (`a=b,c in (x)`). @default everything */
  readonly labelSelector?: string;
}

/** Read-only view of one kind; objects returned are frozen (mutating them throws). */
export class InMemoryObjectCache<T extends KubeObject> implements ObjectCache<T> {
  private readonly kindKey: string;
  private readonly selector?: LabelSelectorLike;

  constructor(
    private readonly source: CacheSource,
    kind: KindRef,
    private readonly options: InMemoryCacheOptions = {},
  ) {
    this.kindKey = kindKey(kind);
    this.selector = options.labelSelector ? parseLabelSelector(options.labelSelector) : undefined;
  }

  get(name: string, namespace?: string): T | undefined {
    const object = this.source.find(this.kindKey, name, namespace);
    return object && this.inScope(object) ? (object as T) : undefined;
  }

  list(namespace?: string): T[] {
    const result: T[] = [];
    for (const object of this.source.objectsOfKind(this.kindKey)) {
      if (this.inScope(object) && (namespace === undefined || object.metadata.namespace === namespace))
        result.push(object as T);
    }
    return result;
  }

  onChange(handler: (type: WatchEventType, object: T, old?: T) => void): () => void {
    return this.source.subscribe((change) => {
      if (change.object.kind !== undefined && kindKey(change.object) !== this.kindKey) return;
      const now = change.type !== 'deleted' && this.inScope(change.object);
      const before = change.old !== undefined && this.inScope(change.old);
      if (change.type === 'deleted') {
        if (this.inScope(change.object)) handler('deleted', change.object as T);
      } else if (now && before) {
        handler('updated', change.object as T, change.old as T);
      } else if (now) {
        handler('added', change.object as T);
      } else if (before) {
        handler('deleted', change.old as T);
      }
    });
  }

  async synced(): Promise<void> {}

  private inScope(object: KubeObject): boolean {
    if (this.options.namespace !== undefined && object.metadata.namespace !== this.options.namespace)
      return false;
    return !this.selector || matchesLabelSelector(this.selector, object.metadata.labels ?? {});
  }
}
