import { nowTimestamp } from '../api/kube-object.js';
import type { WorkQueue } from '../controllers/work-queue.js';
import type { ResourceRegistry } from '../discovery/resource-registry.js';
import { deleteObject } from '../objects/delete-object.js';
import { updateObject } from '../objects/update-object.js';
import { CRDS_KEY } from '../objects/write-options.js';
import type { ObjectStore, StoreEvent } from '../storage/object-store.js';
import { CRD_CLEANUP_FINALIZER, type CrdObject } from './crd-shape.js';
import { resourceTypesOf } from './crd-types.js';

/**
 * Serves custom resources as soon as their CRD is stored (synchronously, so the create reply already implies
 * discovery), and runs the CRD finalizer: on delete, removes every CR, then the finalizer, then the types.
 */
export class CrdController {
  private readonly storageOwners = new Map<string, string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly registry: ResourceRegistry,
    private readonly queue: WorkQueue,
  ) {}

  /** Registers already stored CRDs (after a restore) and starts following changes. */
  start(): void {
    for (const crd of this.store.list(CRDS_KEY)) this.serve(crd.object as CrdObject);
    this.store.subscribe((e) => this.onEvent(e));
  }

  private onEvent(e: StoreEvent): void {
    if (e.storageKey === CRDS_KEY) {
      const crd = e.object.object as CrdObject;
      if (e.type === 'DELETED') {
        this.registry.unregisterCrd(crd.metadata.name ?? '');
        return;
      }
      this.serve(crd);
      if (crd.metadata.deletionTimestamp)
        this.queue.add(`crd/${crd.metadata.name}`, () => this.cleanup(crd.metadata.name ?? ''));
      return;
    }
    const owner = this.storageOwners.get(e.storageKey);
    if (owner && e.type === 'DELETED') this.queue.add(`crd/${owner}`, () => this.cleanup(owner));
  }

  private serve(crd: CrdObject): void {
    const name = crd.metadata.name ?? '';
    const terminating = (): boolean =>
      !!this.store.get(CRDS_KEY, '', name)?.object.metadata.deletionTimestamp;
    this.registry.unregisterCrd(name);
    for (const type of resourceTypesOf(crd, terminating)) {
      this.registry.register(type);
      this.storageOwners.set(type.storageKey, name);
    }
  }

  private cleanup(name: string): void {
    const stored = this.store.get(CRDS_KEY, '', name);
    if (!stored?.object.metadata.deletionTimestamp) return;
    const crd = stored.object as CrdObject;
    const key = `${crd.spec.group}/${crd.spec.names.plural}`;
    const type = this.registry.preferredForStorage(key);
    for (const item of this.store.list(key)) {
      if (type && !item.object.metadata.deletionTimestamp)
        deleteObject(this.store, {
          type,
          namespace: item.object.metadata.namespace ?? '',
          name: item.object.metadata.name ?? '',
        });
    }
    const crdType = this.registry.find('apiextensions.k8s.io', 'v1', 'customresourcedefinitions');
    if (!crdType) return;
    if (this.store.size(key) > 0) {
      this.markInProgress(crdType, crd);
      return;
    }
    updateObject(this.store, {
      type: crdType,
      namespace: '',
      name,
      verb: 'update',
      build: (cur) => ({
        ...cur,
        metadata: {
          ...cur.metadata,
          finalizers: (cur.metadata.finalizers ?? []).filter((f) => f !== CRD_CLEANUP_FINALIZER),
        },
      }),
    });
  }

  private markInProgress(crdType: Parameters<typeof updateObject>[1]['type'], crd: CrdObject): void {
    const terminating = crd.status?.conditions?.find((c) => c.type === 'Terminating');
    if (!terminating || terminating.reason === 'InstanceDeletionInProgress') return;
    updateObject(this.store, {
      type: crdType,
      namespace: '',
      name: crd.metadata.name ?? '',
      verb: 'update',
      subresource: 'status',
      build: (cur) => {
        const c = cur as CrdObject;
        const conditions = (c.status?.conditions ?? []).map((x) =>
          x.type === 'Terminating'
            ? {
                ...x,
                reason: 'InstanceDeletionInProgress',
                message: 'CustomResource deletion is in progress',
                lastTransitionTime: nowTimestamp(),
              }
            : x,
        );
        return { ...c, status: { ...c.status, conditions } };
      },
    });
  }
}
