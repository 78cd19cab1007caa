/**
 * What a provider package gives the conformance suite: a small adapter that knows how to start the
 * provider's backend (its emulator, or nothing) and how to put remote data there. Everything else —
 * the reconcilers, the client cache, the in-memory Kubernetes API — is the core's own code.
 *
 * ```ts
 * describeProviderConformance({
 *   name: 'fake',
 *   module: () => fakeModule,
 *   capabilities: { findReturns: 'key', supportsPush: true },
 *   setup: async () => new FakeBackend(),
 * });
 * ```
 */
import type { ContainerModule } from 'inversify';
import type { Clock } from '../../controller/clock.js';
import type { SecretObject } from '../../kube/kube-port.js';
import { DEFAULT_NAMESPACE } from '../fixtures.js';
import type { PushRemoteRef, SecretsClient, StoreKind } from '../../provider/provider.js';

/**
 * A remote value to seed:
 * - a string: a plain value (for structured providers, the item's primary value, i.e. what a
 *   `remoteRef` without `property` returns);
 * - bytes: a binary value that must come back byte for byte;
 * - `{ fields }`: a structured item whose fields a `property` names and `dataFrom.extract` returns.
 *   A field may itself be a map one level deep (a nested property `outer.inner`).
 */
export type RemoteValue = string | Uint8Array | { readonly fields: Readonly<Record<string, FieldValue>> };

/** A field of a structured remote value: text, or one level of nesting. */
export type FieldValue = string | Readonly<Record<string, string>>;

/** Where a seeded value lives besides its key. */
export interface SeedOptions {
  /** Tags (labels) on the remote secret, as `dataFrom.find.tags` matches them. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The store a case uses: its `spec.provider` block and anything it needs from Kubernetes. */
export interface ConformanceStoreSpec {
  /** The provider's own block, i.e. the value of `spec.provider[adapter.name]`. */
  readonly provider: unknown;
  /**
   * Secrets to create before the store (credentials the block refers to), in
   * {@link CONFORMANCE_NAMESPACE}: the suite sets their `metadata.namespace`. @default none
   */
  readonly secrets?: readonly SecretObject[];
  /** Annotations for the store. @default none */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** The namespace of every case's ExternalSecrets, Secrets and SecretStore. */
export const CONFORMANCE_NAMESPACE = DEFAULT_NAMESPACE;

/** Which store {@link ConformanceBackend.storeSpec} is asked for. */
export interface ConformanceStoreContext {
  readonly kind: StoreKind;
}

/** What a case can do with the provider's client outside of any reconcile (used by {@link ConformanceBackend.readPushed}). */
export interface ConformanceProbe {
  /** A new client for the current case's store, built by the registered provider (not the cached one). */
  freshClient(): Promise<SecretsClient>;
}

/**
 * A running backend for one provider. The suite calls {@link ConformanceBackend.storeSpec} again
 * after every `seed` / `remove` and writes the result into the case's store when it changed, so
 * providers whose data lives in the store itself (the fake) work like remote ones.
 */
export interface ConformanceBackend {
  /**
   * The store the cases use; may change after `seed` / `remove`. Credential Secrets are created in
   * {@link CONFORMANCE_NAMESPACE}; a ClusterSecretStore's references must name that namespace.
   */
  storeSpec(store: ConformanceStoreContext): ConformanceStoreSpec;
  /** Creates or replaces the remote secret `key`. Throws for a value kind the capabilities say is unsupported. */
  seed(key: string, value: RemoteValue, options?: SeedOptions): Promise<void>;
  /** Deletes the remote secret `key` as a user would in the backend; a missing key is no error. */
  remove(key: string): Promise<void>;
  /**
   * The value a push left at `remote` (its `property`, or the whole value), read from the backend
   * directly where there is one; undefined when nothing is there.
   */
  readPushed(remote: PushRemoteRef, probe: ConformanceProbe): Promise<Uint8Array | undefined>;
  /** Stops the backend (servers, sockets). */
  teardown(): Promise<void>;
}

/**
 * What the provider can legitimately not do. A case needing a missing capability is reported as
 * skipped with the reason, never silently dropped.
 */
export interface ConformanceCapabilities {
  /**
   * How `dataFrom.find` names its results: `key` — every matching remote secret under its key with
   * its whole value (ESO's fake, Vault, AWS); `field` — every field of every matching item under the
   * field's name (1Password).
   */
  readonly findReturns: 'key' | 'field';
  /** `find.name.regexp`. @default true */
  readonly supportsFindByName?: boolean;
  /** `find.tags` and {@link SeedOptions.tags}. @default false */
  readonly supportsTags?: boolean;
  /**
   * What `find.path` selects: `keyPrefix` — keys under `path/`; `itemKey` — the item whose key is
   * exactly `path` (1Password: the item title). @default undefined (not supported)
   */
  readonly findPath?: 'keyPrefix' | 'itemKey';
  /** A `property` naming a field inside a field (`outer.inner`). @default false */
  readonly supportsNestedProperty?: boolean;
  /** Values that are not UTF-8 text. @default false */
  readonly supportsBinary?: boolean;
  /** `pushSecret` / `deleteSecret` / `secretExists`. @default false */
  readonly supportsPush?: boolean;
  /** A push to a remote secret Tessera did not create is refused. @default true when pushes are supported */
  readonly refusesForeignOverwrite?: boolean;
  /** Largest single value the backend stores. @default 1 MiB (the Secret limit decides) */
  readonly maxValueBytes?: number;
}

/** Passed to {@link ConformanceAdapter.module} when a case builds its container. */
export interface ConformanceModuleContext {
  /** The case's clock: the reconcilers run on it, and providers that cache should too. */
  readonly clock: Clock;
}

/** See the module comment. */
export interface ConformanceAdapter {
  /** The `spec.provider` key (the descriptor's name). */
  readonly name: string;
  /** The provider's ContainerModule, built for one case (one container per case). */
  module(context: ConformanceModuleContext): ContainerModule;
  readonly capabilities: ConformanceCapabilities;
  /** Starts the backend once for the whole suite. */
  setup(): Promise<ConformanceBackend>;
}
