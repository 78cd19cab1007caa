/**
 * An in-memory Kubernetes API: a {@link KubeClient} and a {@link CacheFactory} over one object
 * store, behaving like the API server where controllers care. Unit tests use it as their cluster;
 * `tessera render` uses it to answer the reconcile's reads from objects given in files.
 *
 *
 * - `resourceVersion` bumps on every real change (no-op writes keep it); stale updates get 409;
 * - custom resources get `generation` (1 on create, +1 when anything but metadata/status changes)
 *   and a `/status` subresource: `update`/`patch` ignore status, `updateStatus`/`patchStatus` only
 *   change status, `create` drops it;
 * - Secrets: `stringData` folds into base64 `data`, `type` defaults to Opaque and is immutable,
 *   `immutable: true` Secrets refuse data changes (422);
 * - delete honours finalizers (sets `deletionTimestamp`) and garbage-collects dependents by
 *   ownerReference; a 404 on delete is success;
 * - every call is recorded in {@link InMemoryKube.calls}; faults can be injected per verb/kind/name.
 *
 * Set-up goes through {@link InMemoryKube.seed} (keeps `status`, records nothing). Kinds with an
 * API group count as custom resources (generation, status subresource); core/v1 kinds do not. It is
 * not an API server: the Kubernetes API emulator (test/) is the reference for wire behaviour.
 */
import type {
  CacheFactory,
  KindRef,
  KubeClient,
  KubeObject,
  ListOptions,
  ObjectCache,
  ObjectRef,
  PatchType,
} from './kube-port.js';
import { KubeApiError } from './kube-port.js';
import type { ServiceAccountTokenIssuer } from '../provider/provider-kube-access.js';
import { InMemoryObjectCache, type StoreChange } from './in-memory-object-cache.js';
import { InMemoryObjectStore } from './in-memory-object-store.js';
import { InMemoryCallLog, type KubeFault, type KubeVerb, type RecordedCall } from './in-memory-call-log.js';
import { applyJsonPatch, applyMergePatch } from './object-patch.js';
import { clone, hasStatusSubresource } from './object-identity.js';

/** Options of {@link InMemoryKube}. */
export interface InMemoryKubeOptions {
  /** Epoch milliseconds for timestamps. @default Date.now */
  readonly now?: () => number;
  /** Extra cluster-scoped kinds. @default the built-in list (Namespace, ClusterSecretStore, …) */
  readonly clusterScopedKinds?: readonly string[];
  /** Refuse to create namespaced objects in a Namespace that does not exist. @default false */
  readonly requireNamespaces?: boolean;
}

/** In-memory API server; see the module comment. */
export class InMemoryKube implements KubeClient, CacheFactory, ServiceAccountTokenIssuer {
  private readonly store: InMemoryObjectStore;
  private readonly log = new InMemoryCallLog();

  constructor(private readonly options: InMemoryKubeOptions = {}) {
    this.store = new InMemoryObjectStore({
      now: options.now ?? Date.now,
      clusterScopedKinds: options.clusterScopedKinds,
    });
  }

  // ---- KubeClient ----------------------------------------------------------------------------

  async get<T extends KubeObject>(ref: ObjectRef): Promise<T | undefined> {
    this.enter('get', ref, ref.name, ref.namespace);
    const found = this.store.get(ref);
    return found ? (clone(found) as T) : undefined;
  }

  async list<T extends KubeObject>(kind: KindRef, options: ListOptions = {}): Promise<T[]> {
    this.enter('list', kind, undefined, options.namespace);
    return this.store.list(kind, options).map((object) => clone(object) as T);
  }

  async create<T extends KubeObject>(object: T): Promise<T> {
    this.enter('create', object, object.metadata.name, object.metadata.namespace);
    if (
      this.options.requireNamespaces &&
      object.metadata.namespace &&
      !this.namespaceExists(object.metadata.namespace)
    ) {
      throw new KubeApiError(`namespaces "${object.metadata.namespace}" not found`, 404, 'NotFound');
    }
    return clone(this.store.create(clone(object), { keepStatus: false })) as T;
  }

  async update<T extends KubeObject>(object: T): Promise<T> {
    this.enter('update', object, object.metadata.name, object.metadata.namespace);
    const current = this.store.require(refOf(object));
    this.checkResourceVersion(object.metadata.resourceVersion, current);
    const next = clone(object) as KubeObject;
    if (hasStatusSubresource(object)) restoreStatus(next, current);
    return clone(this.store.replace(current, next)) as T;
  }

  async updateStatus<T extends KubeObject>(object: T): Promise<T> {
    this.enter('updateStatus', object, object.metadata.name, object.metadata.namespace);
    const current = this.store.require(refOf(object));
    this.checkResourceVersion(object.metadata.resourceVersion, current);
    const next = clone(current) as KubeObject;
    if (object.status === undefined) delete next.status;
    else next.status = clone(object.status);
    return clone(this.store.replace(current, next)) as T;
  }

  async patch<T extends KubeObject>(ref: ObjectRef, patch: unknown, type: PatchType): Promise<T> {
    this.enter('patch', ref, ref.name, ref.namespace);
    const current = this.store.require(ref);
    const next = this.patched(current, patch, type);
    if (hasStatusSubresource(ref)) restoreStatus(next, current);
    return clone(this.store.replace(current, next)) as T;
  }

  async patchStatus<T extends KubeObject>(ref: ObjectRef, patch: unknown, type: PatchType): Promise<T> {
    this.enter('patchStatus', ref, ref.name, ref.namespace);
    const current = this.store.require(ref);
    const patched = this.patched(current, patch, type);
    const next = clone(current) as KubeObject;
    if (patched.status === undefined) delete next.status;
    else next.status = patched.status;
    return clone(this.store.replace(current, next)) as T;
  }

  async delete(
    ref: ObjectRef,
    options: { propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'; uid?: string } = {},
  ): Promise<void> {
    this.enter('delete', ref, ref.name, ref.namespace);
    const current = this.store.get(ref);
    if (!current) return;
    if (options.uid && options.uid !== current.metadata.uid) {
      throw new KubeApiError(
        `Precondition failed: UID in precondition: ${options.uid}, UID in object meta: ${current.metadata.uid ?? ''}`,
        409,
        'Conflict',
      );
    }
    this.store.delete(current, options.propagationPolicy === 'Orphan');
  }

  // ---- ServiceAccountTokenIssuer ---------------------------------------------------------------

  /** TokenRequest: requires the ServiceAccount to exist; returns a recognisable fake token. */
  async createToken(request: {
    namespace: string;
    name: string;
    audiences?: readonly string[];
    expirationSeconds?: number;
  }): Promise<string> {
    this.enter('createToken', { apiVersion: 'v1', kind: 'ServiceAccount' }, request.name, request.namespace);
    if (
      !this.store.get({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        name: request.name,
        namespace: request.namespace,
      })
    ) {
      throw new KubeApiError(`serviceaccounts "${request.name}" not found`, 404, 'NotFound');
    }
    const audiences = (request.audiences ?? []).join(',');
    return `token:${request.namespace}/${request.name}:${audiences}:${request.expirationSeconds ?? 3600}`;
  }

  // ---- CacheFactory ----------------------------------------------------------------------------

  cache<T extends KubeObject>(
    kind: KindRef,
    options: { namespace?: string; labelSelector?: string } = {},
  ): ObjectCache<T> {
    return new InMemoryObjectCache<T>(this.store, kind, options);
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  // ---- Set-up and inspection (outside KubeClient; nothing here is recorded) --------------------

  /** Stores objects as given (status kept, uid/resourceVersion/generation filled in); records nothing. */
  seed(...objects: KubeObject[]): void {
    for (const object of objects) this.store.create(clone(object), { keepStatus: true });
  }

  /** The stored object (a mutable copy), without recording a call. */
  peek<T extends KubeObject>(ref: ObjectRef): T | undefined {
    const found = this.store.get(ref);
    return found ? (clone(found) as T) : undefined;
  }

  /** Stored objects of a kind (copies), without recording a call. */
  peekAll<T extends KubeObject>(kind: KindRef, namespace?: string): T[] {
    return this.store.list(kind, { namespace }).map((object) => clone(object) as T);
  }

  /** Subscribes to every change of every kind (synchronous, after each write). */
  watchAll(listener: (change: StoreChange) => void): () => void {
    return this.store.subscribe(listener);
  }

  /** Every call made through the client interface, in order. */
  get calls(): readonly RecordedCall[] {
    return this.log.calls;
  }

  /** Recorded writes, optionally of one kind. */
  writes(kind?: string): RecordedCall[] {
    return this.log.writes(kind);
  }

  /** Recorded calls of one verb, optionally of one kind. */
  callsOf(verb: KubeVerb, kind?: string): RecordedCall[] {
    return this.log.callsOf(verb, kind);
  }

  /** Forgets recorded calls (pending faults stay). */
  resetCalls(): void {
    this.log.reset();
  }

  /** Makes the next matching call(s) fail; see {@link KubeFault}. */
  injectFault(fault: KubeFault): void {
    this.log.injectFault(fault);
  }

  /** Errors thrown by cache change handlers (a handler must never throw; tests can assert this is empty). */
  get listenerErrors(): readonly unknown[] {
    return this.store.listenerErrors;
  }

  // ---- internals -------------------------------------------------------------------------------

  private enter(verb: KubeVerb, kind: KindRef, name?: string, namespace?: string): void {
    this.log.enter(verb, kind, name, namespace);
  }

  private patched(current: KubeObject, patch: unknown, type: PatchType): KubeObject {
    const result = (
      type === 'json' ? applyJsonPatch(current, patch) : applyMergePatch(clone(current), patch)
    ) as KubeObject;
    const precondition = (patch as { metadata?: { resourceVersion?: string } } | null)?.metadata
      ?.resourceVersion;
    if (type !== 'json') this.checkResourceVersion(precondition, current);
    return result;
  }

  private checkResourceVersion(resourceVersion: string | undefined, current: KubeObject): void {
    if (resourceVersion && resourceVersion !== current.metadata.resourceVersion) {
      throw new KubeApiError(
        `Operation cannot be fulfilled on ${current.kind} "${current.metadata.name ?? ''}": the object has been modified; ` +
          'please apply your changes to the latest version and try again',
        409,
        'Conflict',
      );
    }
  }

  private namespaceExists(name: string): boolean {
    return this.store.get({ apiVersion: 'v1', kind: 'Namespace', name }) !== undefined;
  }
}

function refOf(object: KubeObject): ObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name ?? '',
    namespace: object.metadata.namespace,
  };
}

function restoreStatus(next: KubeObject, current: KubeObject): void {
  if (current.status === undefined) delete next.status;
  else next.status = clone(current.status);
}
