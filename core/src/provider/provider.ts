/**
 * The provider plug-in contract. Everything the core knows about a secret manager goes through
 * the types in this file; a provider package implements them and contributes a
 * {@link ProviderContribution} through its inversify ContainerModule.
 *
 * Two levels, as in ESO: a {@link Provider} is a stateless factory (one per provider kind), and a
 * {@link SecretsClient} is an authenticated client for one store generation. The core caches
 * clients per store generation and closes them when the store changes or goes away, so a client
 * may keep caches (tokens, look-ups, items) for its lifetime.
 *
 * Values are bytes (`Uint8Array`) end to end: the core never assumes text, so binary files survive.
 * No method may put a secret value into an error message or a log line.
 */
import type { TSchema } from '@sinclair/typebox';

/** What a store may be used for; copied into the store's `status.capabilities`. */
export type StoreCapabilities = 'ReadOnly' | 'WriteOnly' | 'ReadWrite';

/** Whether the provider is still maintained; drives warning events as in ESO. */
export type MaintenanceStatus = 'Maintained' | 'NotMaintained' | 'Deprecated';

/** A provider's self-description: the `spec.provider` key it answers to and the schema of its block. */
export interface ProviderDescriptor {
  /** The single key under `spec.provider` (e.g. `onepassword`, `vault`, `aws`, `fake`). */
  readonly name: string;
  /** Runtime JSON Schema (TypeBox) of the provider block; feeds validation and CRD generation. */
  readonly schema: TSchema;
  readonly capabilities: StoreCapabilities;
  /** @default 'Maintained' */
  readonly maintenance?: MaintenanceStatus;
}

/** Kind of store a client is built for. */
export type StoreKind = 'SecretStore' | 'ClusterSecretStore';

/** The parts of a SecretStore / ClusterSecretStore a provider may look at. */
export interface StoreView<TSpec = unknown> {
  readonly kind: StoreKind;
  readonly name: string;
  /** The store's namespace; undefined for a ClusterSecretStore. */
  readonly namespace?: string;
  readonly uid?: string;
  readonly generation: number;
  /** The provider's own block, i.e. `spec.provider[descriptor.name]`, already schema-validated. */
  readonly spec: TSpec;
  readonly retrySettings?: { readonly maxRetries?: number; readonly retryInterval?: string };
  readonly annotations: Readonly<Record<string, string>>;
}

/**
 * `SecretKeySelector` / `ServiceAccountSelector` as written in a store. Defined once, with their
 * schemas, in the API package; re-exported here because they are part of the provider contract.
 */
export type { SecretKeySelector, ServiceAccountSelector } from '../api/v1/meta.js';
import type { SecretKeySelector, ServiceAccountSelector } from '../api/v1/meta.js';

/**
 * Kubernetes access a provider gets when it builds a client. The core implementation enforces the
 * namespace rules: a SecretStore can never read outside its own namespace; a ClusterSecretStore
 * honours an explicit namespace and otherwise uses the referent (ExternalSecret) namespace.
 */
export interface ProviderKubeAccess {
  /** Reads one key of a Secret. Throws {@link InvalidProviderConfigError} naming the Secret when it or the key is missing. */
  readSecretKey(ref: SecretKeySelector): Promise<Uint8Array>;
  /** Requests a token for a ServiceAccount (TokenRequest API). */
  createServiceAccountToken(
    ref: ServiceAccountSelector,
    options?: { expirationSeconds?: number },
  ): Promise<string>;
}

/** Observer the core passes in so that every remote call is counted in metrics. */
export interface ProviderCallObserver {
  /** Called once per remote API call with its operation name (e.g. `GetItem`) and outcome. */
  observe(call: {
    operation: string;
    outcome: 'success' | 'error' | 'not_found' | 'throttled';
    seconds: number;
  }): void;
}

/** Everything needed to build a client for one store. */
export interface ClientContext<TSpec = unknown> {
  readonly store: StoreView<TSpec>;
  /** Namespace of the object the client serves (ExternalSecret / PushSecret); '' when validating a ClusterSecretStore. */
  readonly namespace: string;
  readonly kube: ProviderKubeAccess;
  readonly calls: ProviderCallObserver;
}

/** Factory for clients of one provider kind. Stateless. */
export interface Provider<TSpec = unknown> {
  /**
   * Checks the provider block beyond what its schema says (no network). Returns warnings; throws
   * {@link InvalidProviderConfigError} with a message naming the field when the block is unusable.
   */
  validateStore(store: StoreView<TSpec>): readonly string[];
  /** Builds an authenticated client. Errors make the store `InvalidProviderConfig`. */
  newClient(context: ClientContext<TSpec>): Promise<SecretsClient>;
}

/** What one provider contributes to the registry (multi-bound under the `ProviderContribution` token). */
export interface ProviderContribution<TSpec = unknown> {
  readonly descriptor: ProviderDescriptor;
  readonly provider: Provider<TSpec>;
}

/** `remoteRef` of a `data[]` entry or `dataFrom[].extract`: the fields a provider interprets. */
export interface RemoteRef {
  readonly key: string;
  /** @default '' (provider-specific: whole value, or the item's primary field) */
  readonly property?: string;
  /** @default '' (latest) */
  readonly version?: string;
  /** `Fetch` returns the remote item's metadata (tags) instead of its value. @default 'None' */
  readonly metadataPolicy?: 'None' | 'Fetch';
}

/** `dataFrom[].find`: which remote secrets to return. */
export interface FindQuery {
  readonly path?: string;
  /** RE2 regular expression, unanchored, matched against remote names. */
  readonly name?: { readonly regexp: string };
  /** All listed tags must match. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Where `pushSecret` writes and `deleteSecret` / `secretExists` look. */
export interface PushRemoteRef {
  readonly remoteKey: string;
  readonly property?: string;
}

/** One value to push. */
export interface PushRequest {
  readonly remote: PushRemoteRef;
  /** The value of the source Secret's key, or the whole Secret JSON-encoded when no key was named. */
  readonly value: Uint8Array;
  /** Provider metadata document (`PushSecretMetadata`), already parsed. */
  readonly metadata?: unknown;
}

/**
 * How fresh the data a read returns must be; the last, optional parameter of every read method.
 * The core sets it from why it refreshes: `0` for a sync the user forced (a spec, label or
 * annotation change), a first sync and a drift repair; the ExternalSecret's `refreshInterval` for a
 * periodic refresh. A provider without caches ignores it.
 */
export interface ReadOptions {
  /**
   * Cached data older than this (ms) may not be used. The age of a cache entry that a cheap check
   * revalidates (e.g. an item whose version a fresh item list confirms) counts from that check.
   * `0` reads fresh: nothing cached or already in flight before the call started may answer it,
   * every value comes from a request sent during the call.
   * @default unlimited (the provider's own cache policy)
   */
  readonly maxAgeMs?: number;
}

/** The result of one entry of a batch read. */
export type BatchReadResult = { readonly value: Uint8Array } | { readonly error: Error };

/** Outcome of {@link SecretsClient.validate}. */
export type ValidationResult = 'Ready' | 'Unknown';

/**
 * An authenticated client for one store generation. Every read method throws
 * {@link SecretNotFoundError} when the remote secret does not exist (this drives deletionPolicy);
 * any other error leaves the target Secret untouched.
 */
export interface SecretsClient {
  /** One value (`data[]`). */
  getSecret(ref: RemoteRef, options?: ReadOptions): Promise<Uint8Array>;
  /**
   * Optional batch read: one result per ref, in order, served with as few remote calls as the
   * backend allows (refs that name the same key and version must cost one read). The core sends
   * all refs of one reconcile for this store in one call when present. `options` applies to the
   * whole batch (measured from the start of the call).
   */
  getSecrets?(refs: readonly RemoteRef[], options?: ReadOptions): Promise<BatchReadResult[]>;
  /** A flat key → value map of one remote item (`dataFrom[].extract`). */
  getSecretMap(ref: RemoteRef, options?: ReadOptions): Promise<Record<string, Uint8Array>>;
  /** Remote name → whole value for every match (`dataFrom[].find`); names unconverted. */
  getAllSecrets(find: FindQuery, options?: ReadOptions): Promise<Record<string, Uint8Array>>;
  /** Writes one value. Must refuse to overwrite a remote secret that Tessera did not create, where the backend can tell. */
  pushSecret(request: PushRequest): Promise<void>;
  /** Deletes a pushed value. Idempotent: a missing remote secret is success. */
  deleteSecret(remote: PushRemoteRef): Promise<void>;
  secretExists(remote: PushRemoteRef): Promise<boolean>;
  /** Checks credentials and reachability. Throws {@link InvalidProviderConfigError} when unusable. */
  validate(): Promise<ValidationResult>;
  /** Releases resources (timers, sockets, tokens). Called once by the core. */
  close(): Promise<void>;
}
