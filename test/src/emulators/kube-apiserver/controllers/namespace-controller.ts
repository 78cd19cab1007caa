import type { ResourceRegistry } from '../discovery/resource-registry.js';
import { deleteObject } from '../objects/delete-object.js';
import { updateObject } from '../objects/update-object.js';
import { NAMESPACES_KEY } from '../objects/write-options.js';
import type { ObjectStore, StoreEvent } from '../storage/object-store.js';
import type { WorkQueue } from './work-queue.js';

/**
 * The namespace controller: once a namespace is terminating, deletes everything in it (honouring finalizers), then
 * empties `spec.finalizers` through `/finalize`, which removes the namespace.
 */
export class NamespaceController {
  constructor(
    private readonly store: ObjectStore,
    private readonly registry: ResourceRegistry,
    private readonly queue: WorkQueue,
  ) {}

  /** Resumes cleanup of already terminating namespaces and follows changes. */
  start(): void {
    for (const ns of this.store.list(NAMESPACES_KEY))
      if (ns.object.metadata.deletionTimestamp) this.enqueue(ns.object.metadata.name ?? '');
    this.store.subscribe((e) => this.onEvent(e));
  }

  private onEvent(e: StoreEvent): void {
    const meta = e.object.object.metadata;
    if (e.storageKey === NAMESPACES_KEY) {
      if (e.type !== 'DELETED' && meta.deletionTimestamp) this.enqueue(meta.name ?? '');
      return;
    }
    if (
      e.type === 'DELETED' &&
      meta.namespace &&
      this.store.get(NAMESPACES_KEY, '', meta.namespace)?.object.metadata.deletionTimestamp
    )
      this.enqueue(meta.namespace);
  }

  private enqueue(name: string): void {
    this.queue.add(`ns/${name}`, () => this.cleanup(name));
  }

  private cleanup(name: string): void {
    const ns = this.store.get(NAMESPACES_KEY, '', name);
    if (!ns?.object.metadata.deletionTimestamp) return;
    for (const { storageKey, object } of this.store.inNamespace(name)) {
      const type = this.registry.preferredForStorage(storageKey);
      if (type && !object.object.metadata.deletionTimestamp)
        deleteObject(this.store, { type, namespace: name, name: object.object.metadata.name ?? '' });
    }
    if (this.store.inNamespace(name).length > 0) return;
    const nsType = this.registry.find('', 'v1', 'namespaces');
    if (!nsType) return;
    updateObject(this.store, {
      type: nsType,
      namespace: '',
      name,
      verb: 'update',
      subresource: 'finalize',
      build: (cur) => ({ ...cur, spec: { ...((cur.spec as object) ?? {}), finalizers: [] } }),
    });
  }
}
