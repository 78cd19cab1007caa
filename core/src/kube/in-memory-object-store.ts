/**
 * The storage behind {@link InMemoryKube}: objects by kind and name, API-server bookkeeping
 * (uid, resourceVersion, generation, timestamps), Secret normalisation, finalizers, garbage
 * collection by ownerReference, and synchronous change notifications. Stored objects are frozen.
 */
import { randomUUID } from 'node:crypto';
import type { KindRef, KubeObject, ListOptions, ObjectRef, SecretObject } from './kube-port.js';
import { KubeApiError } from './kube-port.js';
import { toKubeTime } from './kube-time.js';
import { matchesLabelSelector, parseLabelSelector } from '../provider/label-selector.js';
import type { StoreChange } from './in-memory-object-cache.js';
import {
  DEFAULT_CLUSTER_SCOPED_KINDS,
  canonicalJson,
  clone,
  deepFreeze,
  generationRelevant,
  hasStatusSubresource,
  kindKey,
  tracksGeneration,
} from './object-identity.js';

/** Options of the store. */
export interface InMemoryObjectStoreOptions {
  readonly now: () => number;
  readonly clusterScopedKinds?: readonly string[];
}

/** Objects by kind, then by `namespace/name`. */
export class InMemoryObjectStore {
  readonly listenerErrors: unknown[] = [];
  private readonly kinds = new Map<string, Map<string, KubeObject>>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly clusterScoped: Set<string>;
  private resourceVersion = 1000;
  private generatedNames = 0;

  constructor(private readonly options: InMemoryObjectStoreOptions) {
    this.clusterScoped = new Set([...DEFAULT_CLUSTER_SCOPED_KINDS, ...(options.clusterScopedKinds ?? [])]);
  }

  objectsOfKind(key: string): Iterable<KubeObject> {
    return this.kinds.get(key)?.values() ?? [];
  }

  find(key: string, name: string, namespace?: string): KubeObject | undefined {
    return this.kinds.get(key)?.get(`${namespace ?? ''}/${name}`);
  }

  get(ref: ObjectRef): KubeObject | undefined {
    return this.find(kindKey(ref), ref.name, this.scopeNamespace(ref.kind, ref.namespace));
  }

  require(ref: ObjectRef): KubeObject {
    const found = this.get(ref);
    if (!found) throw new KubeApiError(`${ref.kind} "${ref.name}" not found`, 404, 'NotFound');
    return found;
  }

  list(kind: KindRef, options: ListOptions = {}): KubeObject[] {
    const selector = options.labelSelector ? parseLabelSelector(options.labelSelector) : undefined;
    return [...this.objectsOfKind(kindKey(kind))]
      .filter((object) => options.namespace === undefined || object.metadata.namespace === options.namespace)
      .filter((object) => !selector || matchesLabelSelector(selector, object.metadata.labels ?? {}))
      .filter((object) => fieldSelectorMatches(options.fieldSelector, object))
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  }

  create(object: KubeObject, options: { keepStatus: boolean }): KubeObject {
    const metadata = object.metadata;
    if (!metadata.name && metadata.generateName)
      metadata.name = `${metadata.generateName}${(++this.generatedNames).toString(36).padStart(5, '0')}`;
    if (!metadata.name)
      throw new KubeApiError(
        `${object.kind}: metadata.name: Required value: name or generateName is required`,
        422,
        'Invalid',
      );
    metadata.namespace = this.scopeNamespace(object.kind, metadata.namespace);
    if (!this.clusterScoped.has(object.kind) && !metadata.namespace) {
      throw new KubeApiError(
        `${object.kind} "${metadata.name}": the namespace is required for a namespaced kind`,
        400,
        'BadRequest',
      );
    }
    if (this.find(kindKey(object), metadata.name, metadata.namespace)) {
      throw new KubeApiError(`${object.kind} "${metadata.name}" already exists`, 409, 'AlreadyExists');
    }
    metadata.uid = options.keepStatus && metadata.uid ? metadata.uid : randomUUID();
    metadata.creationTimestamp = toKubeTime(new Date(this.options.now()));
    if (!options.keepStatus) delete metadata.deletionTimestamp;
    if (tracksGeneration(object))
      metadata.generation = options.keepStatus && metadata.generation ? metadata.generation : 1;
    else delete metadata.generation;
    if (!options.keepStatus && hasStatusSubresource(object)) delete object.status;
    if (object.kind === 'Secret' && object.apiVersion === 'v1') normaliseSecret(object as SecretObject);
    return this.commit(object, undefined);
  }

  /** Writes `next` over `current` with API-server rules; returns the stored object (unchanged on no-op). */
  replace(current: KubeObject, next: KubeObject): KubeObject {
    const meta = next.metadata;
    meta.name = current.metadata.name;
    meta.namespace = current.metadata.namespace;
    meta.uid = current.metadata.uid;
    meta.creationTimestamp = current.metadata.creationTimestamp;
    meta.deletionTimestamp = current.metadata.deletionTimestamp;
    meta.resourceVersion = current.metadata.resourceVersion;
    meta.generation = current.metadata.generation;
    if (meta.deletionTimestamp === undefined) delete meta.deletionTimestamp;
    if (meta.generation === undefined) delete meta.generation;
    if (next.kind === 'Secret' && next.apiVersion === 'v1') {
      normaliseSecret(next as SecretObject);
      checkSecretUpdate(current as SecretObject, next as SecretObject);
    }
    if (canonicalJson(next) === canonicalJson(current)) return current;
    if (tracksGeneration(next) && generationRelevant(next) !== generationRelevant(current))
      meta.generation = (meta.generation ?? 0) + 1;
    if (meta.deletionTimestamp && (meta.finalizers ?? []).length === 0) {
      meta.resourceVersion = String(++this.resourceVersion);
      this.remove(deepFreeze(next), false);
      return next;
    }
    return this.commit(next, current);
  }

  /** Deletes (or marks for deletion when finalizers remain), then collects dependents. */
  delete(current: KubeObject, orphan: boolean): void {
    if ((current.metadata.finalizers ?? []).length > 0) {
      if (current.metadata.deletionTimestamp) return;
      const next = clone(current);
      next.metadata.deletionTimestamp = toKubeTime(new Date(this.options.now()));
      if (tracksGeneration(next)) next.metadata.generation = (next.metadata.generation ?? 0) + 1;
      this.commit(next, current);
      return;
    }
    this.remove(current, orphan);
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private remove(current: KubeObject, orphan: boolean): void {
    this.kinds.get(kindKey(current))?.delete(`${current.metadata.namespace ?? ''}/${current.metadata.name}`);
    this.notify({ type: 'deleted', object: current });
    this.collectDependents(current.metadata.uid ?? '', orphan);
  }

  private collectDependents(ownerUid: string, orphan: boolean): void {
    for (const objects of [...this.kinds.values()]) {
      for (const dependent of [...objects.values()]) {
        const owners = dependent.metadata.ownerReferences ?? [];
        if (!owners.some((owner) => owner.uid === ownerUid)) continue;
        const next = clone(dependent);
        next.metadata.ownerReferences = owners.filter((owner) => owner.uid !== ownerUid);
        if (next.metadata.ownerReferences.length === 0) delete next.metadata.ownerReferences;
        if (!orphan && owners.length === 1) this.delete(dependent, false);
        else this.commit(next, dependent);
      }
    }
  }

  private commit(object: KubeObject, old: KubeObject | undefined): KubeObject {
    object.metadata.resourceVersion = String(++this.resourceVersion);
    const stored = deepFreeze(object);
    const key = kindKey(object);
    let objects = this.kinds.get(key);
    if (!objects) this.kinds.set(key, (objects = new Map()));
    objects.set(`${object.metadata.namespace ?? ''}/${object.metadata.name}`, stored);
    this.notify({ type: old ? 'updated' : 'added', object: stored, old });
    return stored;
  }

  private notify(change: StoreChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.listenerErrors.push(error);
      }
    }
  }

  private scopeNamespace(kind: string, namespace: string | undefined): string | undefined {
    return this.clusterScoped.has(kind) ? undefined : namespace || undefined;
  }
}

function normaliseSecret(secret: SecretObject): void {
  secret.type ??= 'Opaque';
  if (secret.stringData) {
    const data = { ...(secret.data ?? {}) };
    for (const [key, value] of Object.entries(secret.stringData))
      data[key] = Buffer.from(value, 'utf8').toString('base64');
    secret.data = data;
    delete secret.stringData;
  }
}

function checkSecretUpdate(current: SecretObject, next: SecretObject): void {
  const name = current.metadata.name ?? '';
  if ((current.type ?? 'Opaque') !== (next.type ?? 'Opaque')) {
    throw new KubeApiError(
      `Secret "${name}" is invalid: type: Invalid value: field is immutable`,
      422,
      'Invalid',
    );
  }
  if (current.immutable === true) {
    const dataChanged = canonicalJson(current.data ?? {}) !== canonicalJson(next.data ?? {});
    if (dataChanged || next.immutable !== true) {
      throw new KubeApiError(
        `Secret "${name}" is invalid: data: Forbidden: field is immutable when \`immutable\` is set`,
        422,
        'Invalid',
      );
    }
  }
}

function sortKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

function fieldSelectorMatches(selector: string | undefined, object: KubeObject): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const [field, value] = term.split('=').map((part) => part.trim());
    if (field === 'metadata.name') return object.metadata.name === value;
    if (field === 'metadata.namespace') return object.metadata.namespace === value;
    return true;
  });
}
