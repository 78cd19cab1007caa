import type { KubeObject, ObjectMeta, OwnerReference } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-type.js';
import type { ResourceRegistry } from '../discovery/resource-registry.js';
import { deleteObject, type PropagationPolicy } from '../objects/delete-object.js';
import { updateObject } from '../objects/update-object.js';
import type { ObjectStore, StoreEvent } from '../storage/object-store.js';
import type { WorkQueue } from './work-queue.js';

type DependentRef = string;

function refOf(storageKey: string, obj: KubeObject): DependentRef {
  return `${storageKey}|${obj.metadata.namespace ?? ''}|${obj.metadata.name ?? ''}`;
}

function parseRef(ref: DependentRef): { storageKey: string; namespace: string; name: string } {
  const [storageKey, namespace, name] = ref.split('|');
  return { storageKey, namespace, name };
}

/**
 * The garbage collector: deletes dependents whose owners are all gone (background cascade), deletes dependents of
 * a foreground-deleting owner and releases the owner once blocking dependents are gone, and orphans dependents of
 * an owner deleted with `Orphan`. An owner counts as gone when its uid no longer exists (a new object with the same
 * name does not count); owners of kinds the server does not serve cannot be checked and count as present.
 */
export class GarbageCollector {
  private readonly dependents = new Map<string, Set<DependentRef>>();
  private readonly ownersOf = new Map<DependentRef, string[]>();

  constructor(
    private readonly store: ObjectStore,
    private readonly registry: ResourceRegistry,
    private readonly queue: WorkQueue,
  ) {}

  /** Indexes stored objects and follows changes. */
  start(): void {
    for (const key of this.store.storageKeys())
      for (const s of this.store.list(key)) this.index(refOf(key, s.object), s.object);
    this.store.subscribe((e) => this.onEvent(e));
  }

  private onEvent(e: StoreEvent): void {
    const obj = e.object.object;
    const ref = refOf(e.storageKey, obj);
    const previousOwners = this.ownersOf.get(ref) ?? [];
    if (e.type === 'DELETED') {
      this.unindex(ref);
      for (const dep of this.dependents.get(obj.metadata.uid ?? '') ?? [])
        this.queue.add(`gc/check/${dep}`, () => this.checkDependent(dep));
    } else {
      if (previousOwners.length > 0 || obj.metadata.ownerReferences?.length) this.index(ref, obj);
      if (obj.metadata.ownerReferences?.length)
        this.queue.add(`gc/check/${ref}`, () => this.checkDependent(ref));
      const finalizers = obj.metadata.finalizers ?? [];
      if (
        obj.metadata.deletionTimestamp &&
        (finalizers.includes('orphan') || finalizers.includes('foregroundDeletion'))
      )
        this.queueOwner(obj.metadata.uid ?? '');
    }
    for (const uid of previousOwners) this.queueOwner(uid);
  }

  private queueOwner(uid: string): void {
    if (uid) this.queue.add(`gc/owner/${uid}`, () => this.processOwner(uid));
  }

  private index(ref: DependentRef, obj: KubeObject): void {
    this.unindex(ref);
    const owners = (obj.metadata.ownerReferences ?? []).map((o) => o.uid).filter(Boolean);
    if (owners.length === 0) return;
    this.ownersOf.set(ref, owners);
    for (const uid of owners) {
      let set = this.dependents.get(uid);
      if (!set) this.dependents.set(uid, (set = new Set()));
      set.add(ref);
    }
  }

  private unindex(ref: DependentRef): void {
    for (const uid of this.ownersOf.get(ref) ?? []) {
      const set = this.dependents.get(uid);
      set?.delete(ref);
      if (set?.size === 0) this.dependents.delete(uid);
    }
    this.ownersOf.delete(ref);
  }

  private ownerAbsent(dependent: KubeObject, owner: OwnerReference): boolean {
    if (!this.registry.findKind(owner.apiVersion, owner.kind)) return false;
    const loc = this.store.locate(owner.uid);
    if (!loc) return true;
    return loc.namespace !== '' && loc.namespace !== (dependent.metadata.namespace ?? '');
  }

  private checkDependent(ref: DependentRef): void {
    const { storageKey, namespace, name } = parseRef(ref);
    const stored = this.store.get(storageKey, namespace, name);
    const owners = stored?.object.metadata.ownerReferences ?? [];
    if (!stored || owners.length === 0) return;
    const absent = owners.filter((o) => this.ownerAbsent(stored.object, o));
    const type = absent.length > 0 ? this.registry.preferredForStorage(storageKey) : undefined;
    if (!type) return;
    if (absent.length === owners.length) {
      if (!stored.object.metadata.deletionTimestamp)
        deleteObject(this.store, { type, namespace, name, propagationPolicy: 'Background' });
    } else if (absent.length > 0) {
      this.dropOwnerRefs(type, namespace, name, new Set(absent.map((o) => o.uid)));
    }
  }

  private processOwner(uid: string): void {
    const loc = this.store.locate(uid);
    const stored = loc && this.store.get(loc.storageKey, loc.namespace, loc.name);
    const type = loc && this.registry.preferredForStorage(loc.storageKey);
    if (!loc || !stored || !type || !stored.object.metadata.deletionTimestamp) return;
    const finalizers = stored.object.metadata.finalizers ?? [];
    const deps = [...(this.dependents.get(uid) ?? [])];
    if (finalizers.includes('orphan')) {
      for (const dep of deps) this.dropOwnerRef(dep, uid);
      this.removeFinalizer(type, loc.namespace, loc.name, 'orphan');
    } else if (finalizers.includes('foregroundDeletion')) {
      for (const dep of deps) this.deleteDependent(dep, 'Foreground');
      const blocking = [...(this.dependents.get(uid) ?? [])].filter((dep) => this.blocks(dep, uid));
      if (blocking.length === 0) this.removeFinalizer(type, loc.namespace, loc.name, 'foregroundDeletion');
    }
  }

  private blocks(dep: DependentRef, ownerUid: string): boolean {
    const { storageKey, namespace, name } = parseRef(dep);
    const obj = this.store.get(storageKey, namespace, name)?.object;
    return !!obj?.metadata.ownerReferences?.some((o) => o.uid === ownerUid && o.blockOwnerDeletion === true);
  }

  private deleteDependent(dep: DependentRef, policy: PropagationPolicy): void {
    const { storageKey, namespace, name } = parseRef(dep);
    const stored = this.store.get(storageKey, namespace, name);
    const type = this.registry.preferredForStorage(storageKey);
    if (stored && type && !stored.object.metadata.deletionTimestamp)
      deleteObject(this.store, { type, namespace, name, propagationPolicy: policy });
  }

  private dropOwnerRef(dep: DependentRef, ownerUid: string): void {
    const { storageKey, namespace, name } = parseRef(dep);
    const type = this.registry.preferredForStorage(storageKey);
    if (!type || !this.store.get(storageKey, namespace, name)) return;
    this.dropOwnerRefs(type, namespace, name, new Set([ownerUid]));
  }

  /** Removes the references to `ownerUids` (and `ownerReferences` itself once empty). */
  private dropOwnerRefs(
    type: ResourceType,
    namespace: string,
    name: string,
    ownerUids: ReadonlySet<string>,
  ): void {
    this.patchMetadata(type, namespace, name, (metadata) => {
      const refs = (metadata.ownerReferences ?? []).filter((o) => !ownerUids.has(o.uid));
      return { ...metadata, ownerReferences: refs.length > 0 ? refs : undefined };
    });
  }

  private removeFinalizer(type: ResourceType, namespace: string, name: string, finalizer: string): void {
    this.patchMetadata(type, namespace, name, (metadata) => ({
      ...metadata,
      finalizers: (metadata.finalizers ?? []).filter((f) => f !== finalizer),
    }));
  }

  /** Patches the stored object's metadata, as the collector's own `patch` request. */
  private patchMetadata(
    type: ResourceType,
    namespace: string,
    name: string,
    edit: (metadata: ObjectMeta) => ObjectMeta,
  ): void {
    updateObject(this.store, {
      type,
      namespace,
      name,
      verb: 'patch',
      build: (cur) => ({ ...cur, metadata: edit(cur.metadata) }),
    });
  }
}
