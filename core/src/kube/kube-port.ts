/**
 * The seam between the controllers and Kubernetes. Controllers depend only on these interfaces;
 * `core/src/kube` implements them over @kubernetes/client-node (the only place that imports it),
 * and unit tests use in-memory fakes (`core/src/testing`).
 */

/** Standard object metadata (the subset Tessera reads and writes). */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: OwnerReference[];
  /** Server-side apply bookkeeping as the API server sends it; informer caches drop it. */
  managedFields?: unknown[];
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** Any Kubernetes object. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** core/v1 Secret as Tessera handles it: `data` values are base64 strings on the wire. */
export interface SecretObject extends KubeObject {
  type?: string;
  immutable?: boolean;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/** Identifies one kind of object (group/version + kind). */
export interface KindRef {
  apiVersion: string;
  kind: string;
}

/** Identifies one object. `namespace` is omitted for cluster-scoped kinds. */
export interface ObjectRef extends KindRef {
  name: string;
  namespace?: string;
}

export type PatchType = 'merge' | 'json' | 'strategic';

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/**
 * A typed, dynamic Kubernetes client. Every method throws {@link KubeApiError} on a non-2xx answer;
 * `get` returns undefined on 404. Writes are never retried here: callers decide (409 ⇒ requeue).
 */
export interface KubeClient {
  get<T extends KubeObject>(ref: ObjectRef): Promise<T | undefined>;
  list<T extends KubeObject>(kind: KindRef, options?: ListOptions): Promise<T[]>;
  create<T extends KubeObject>(object: T, options?: { fieldManager?: string }): Promise<T>;
  /** PUT with the object's resourceVersion (optimistic concurrency). */
  update<T extends KubeObject>(object: T, options?: { fieldManager?: string }): Promise<T>;
  /** PUT to the /status subresource. */
  updateStatus<T extends KubeObject>(object: T): Promise<T>;
  patch<T extends KubeObject>(ref: ObjectRef, patch: unknown, type: PatchType): Promise<T>;
  patchStatus<T extends KubeObject>(ref: ObjectRef, patch: unknown, type: PatchType): Promise<T>;
  /** Deletes; a 404 is success. */
  delete(
    ref: ObjectRef,
    options?: { propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'; uid?: string },
  ): Promise<void>;
}

/** A non-2xx answer from the API server, carrying the `Status` reason and code. */
export class KubeApiError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KubeApiError';
  }
  get isConflict(): boolean {
    return this.code === 409 && this.reason !== 'AlreadyExists';
  }
  get isAlreadyExists(): boolean {
    return this.code === 409 && this.reason === 'AlreadyExists';
  }
  get isNotFound(): boolean {
    return this.code === 404;
  }
}

/** What happened to a cached object. */
export type WatchEventType = 'added' | 'updated' | 'deleted';

/** A read-only cache of one kind, kept up to date by list + watch (an informer). */
export interface ObjectCache<T extends KubeObject> {
  get(name: string, namespace?: string): T | undefined;
  list(namespace?: string): T[];
  /** Registers a handler; `old` is set for updates. Returns an unsubscribe function. */
  onChange(handler: (type: WatchEventType, object: T, old?: T) => void): () => void;
  /** Resolves once the initial list has been loaded. */
  synced(): Promise<void>;
}

/** Scope and shape of one informer cache. */
export interface CacheOptions {
  /** @default all namespaces (or the factory's) */
  namespace?: string;
  /** Server-side label selector. @default everything */
  labelSelector?: string;
  /**
   * Keep only each object's identity (`apiVersion`, `kind`, `metadata.name/namespace/uid/resourceVersion/
   * generation/deletionTimestamp`), as a metadata-only informer would: for noticing changes to a kind
   * whose contents are large or sensitive (ConfigMaps, Secrets) without holding them in memory.
   * Fakes may keep whole objects. @default false
   */
  metadataOnly?: boolean;
}

/** Creates informer-backed caches. */
export interface CacheFactory {
  cache<T extends KubeObject>(kind: KindRef, options?: CacheOptions): ObjectCache<T>;
  /** Starts every cache created so far; resolves when all have synced. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Records Kubernetes Events (core/v1) about an object. Messages must never contain secret values. */
export interface EventRecorder {
  record(object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void;
}
