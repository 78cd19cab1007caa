/**
 * Fixture builders for tests: named scenarios instead of large literals.
 *
 * ```ts
 * const store = aSecretStore('vault').inNamespace('team-a').withFakeData({ 'db/creds': '{"user":"app"}' }).ready().build();
 * const es = anExternalSecret('db').inNamespace('team-a').usingStore('vault').withData('user', { key: 'db/creds', property: 'user' }).build();
 * ```
 *
 * Every builder's `build()` returns a fresh deep copy, so one builder can produce several objects.
 */
import type { ClusterExternalSecret, ClusterExternalSecretSpec } from '../api/v1/cluster-external-secret.js';
import type { Condition } from '../api/v1/conditions.js';
import { API_VERSION_V1 } from '../api/v1/constants.js';
import type {
  ExternalSecretDataFromRemoteRef,
  ExternalSecretDataRemoteRef,
  ExternalSecretFind,
} from '../api/v1/external-secret-data.js';
import type { ExternalSecret, ExternalSecretSpec, ExternalSecretTarget } from '../api/v1/external-secret.js';
import type { LabelSelector } from '../api/v1/meta.js';
import type { ClusterSecretStore, ClusterSecretStoreCondition, SecretStore } from '../api/v1/secret-store.js';
import type { KubeObject, ObjectMeta, ObjectRef, SecretObject } from '../kube/kube-port.js';

/** The namespace builders use unless told otherwise. */
export const DEFAULT_NAMESPACE = 'default';

/** Base of every builder: metadata helpers and `build()`. */
abstract class ObjectBuilder<T extends KubeObject, Self> {
  protected constructor(protected readonly object: T) {}

  inNamespace(namespace: string): Self {
    this.object.metadata.namespace = namespace;
    return this.self();
  }
  withLabels(labels: Record<string, string>): Self {
    this.object.metadata.labels = { ...(this.object.metadata.labels ?? {}), ...labels };
    return this.self();
  }
  withAnnotations(annotations: Record<string, string>): Self {
    this.object.metadata.annotations = { ...(this.object.metadata.annotations ?? {}), ...annotations };
    return this.self();
  }
  /** Sets any metadata (uid, generation, finalizers, ownerReferences, …). */
  withMetadata(metadata: Partial<ObjectMeta>): Self {
    Object.assign(this.object.metadata, metadata);
    return this.self();
  }
  build(): T {
    return structuredClone(this.object);
  }
  private self(): Self {
    return this as unknown as Self;
  }
}

/** `aNamespace('team-a').withLabels({ env: 'prod' })`. */
export function aNamespace(name: string): NamespaceBuilder {
  return new NamespaceBuilder(name);
}
export class NamespaceBuilder extends ObjectBuilder<KubeObject, NamespaceBuilder> {
  constructor(name: string) {
    super({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
}

/** `aSecret('creds').inNamespace('ns').withData({ token: 'abc' })` (values given as text, stored base64). */
export function aSecret(name: string): SecretBuilder {
  return new SecretBuilder(name);
}
export class SecretBuilder extends ObjectBuilder<SecretObject, SecretBuilder> {
  constructor(name: string) {
    super({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name, namespace: DEFAULT_NAMESPACE },
    });
  }
  withData(data: Record<string, string | Uint8Array>): SecretBuilder {
    const encoded = { ...(this.object.data ?? {}) };
    for (const [key, value] of Object.entries(data)) encoded[key] = Buffer.from(value).toString('base64');
    this.object.data = encoded;
    return this;
  }
  ofType(type: string): SecretBuilder {
    this.object.type = type;
    return this;
  }
  immutable(): SecretBuilder {
    this.object.immutable = true;
    return this;
  }
  /** Adds a controller ownerReference to `owner`. */
  ownedBy(owner: KubeObject, controller = true): SecretBuilder {
    const references = this.object.metadata.ownerReferences ?? [];
    references.push({
      apiVersion: owner.apiVersion,
      kind: owner.kind,
      name: owner.metadata.name ?? '',
      uid: owner.metadata.uid ?? '',
      controller,
      blockOwnerDeletion: true,
    });
    this.object.metadata.ownerReferences = references;
    return this;
  }
}

/** One entry of `spec.provider.fake.data`. */
export interface FakeDataEntry {
  readonly key: string;
  readonly value: string;
  readonly version?: string;
}

/** Shared by {@link aSecretStore} and {@link aClusterSecretStore}. */
export class StoreBuilder<T extends SecretStore | ClusterSecretStore> extends ObjectBuilder<
  T,
  StoreBuilder<T>
> {
  constructor(object: T) {
    super(object);
  }
  /** Uses the fake provider with these entries (a map of key → value, or full entries with versions). */
  withFakeData(data: Record<string, string> | readonly FakeDataEntry[]): StoreBuilder<T> {
    const entries = Array.isArray(data) ? data : Object.entries(data).map(([key, value]) => ({ key, value }));
    const fake = (this.object.spec.provider.fake ?? {}) as { data?: unknown[] };
    this.object.spec.provider = { fake: { ...fake, data: entries.map((entry) => ({ ...entry })) } };
    return this;
  }
  /** Sets the fake provider's validation result (0 Ready, 1 Unknown, 2 Error). */
  withFakeValidationResult(result: 0 | 1 | 2): StoreBuilder<T> {
    const fake = (this.object.spec.provider.fake ?? { data: [] }) as Record<string, unknown>;
    this.object.spec.provider = { fake: { ...fake, validationResult: result } };
    return this;
  }
  /** Sets `spec.provider` to one provider block. */
  withProvider(name: string, block: unknown): StoreBuilder<T> {
    this.object.spec.provider = { [name]: block };
    return this;
  }
  /** Sets `spec.provider` as given (for tests of invalid provider maps). */
  withProviderMap(provider: Record<string, unknown>): StoreBuilder<T> {
    this.object.spec.provider = provider;
    return this;
  }
  withController(controller: string): StoreBuilder<T> {
    this.object.spec.controller = controller;
    return this;
  }
  withRefreshInterval(interval: number | string): StoreBuilder<T> {
    this.object.spec.refreshInterval = interval;
    return this;
  }
  withConditions(...conditions: ClusterSecretStoreCondition[]): StoreBuilder<T> {
    this.object.spec.conditions = conditions;
    return this;
  }
  withGeneration(generation: number): StoreBuilder<T> {
    this.object.metadata.generation = generation;
    return this;
  }
  /** Status Ready=True (reason `Valid` unless given). */
  ready(reason = 'Valid'): StoreBuilder<T> {
    return this.withReadyCondition({ type: 'Ready', status: 'True', reason, message: 'store validated' });
  }
  /** Status Ready=False `InvalidProviderConfig`. */
  notReady(message = 'unable to validate store'): StoreBuilder<T> {
    return this.withReadyCondition({
      type: 'Ready',
      status: 'False',
      reason: 'InvalidProviderConfig',
      message,
    });
  }
  withReadyCondition(condition: Condition): StoreBuilder<T> {
    this.object.status = {
      ...(this.object.status ?? {}),
      conditions: [{ lastTransitionTime: '2024-01-01T00:00:00Z', ...condition }],
    };
    return this;
  }
}

/** `aSecretStore('store')`: a SecretStore in the default namespace using the fake provider with no data. */
export function aSecretStore(name = 'store'): StoreBuilder<SecretStore> {
  return new StoreBuilder<SecretStore>({
    apiVersion: API_VERSION_V1,
    kind: 'SecretStore',
    metadata: { name, namespace: DEFAULT_NAMESPACE },
    spec: { provider: { fake: { data: [] } } },
  });
}

/** `aClusterSecretStore('shared')`: a ClusterSecretStore using the fake provider with no data. */
export function aClusterSecretStore(name = 'cluster-store'): StoreBuilder<ClusterSecretStore> {
  return new StoreBuilder<ClusterSecretStore>({
    apiVersion: API_VERSION_V1,
    kind: 'ClusterSecretStore',
    metadata: { name },
    spec: { provider: { fake: { data: [] } } },
  });
}

/** `anExternalSecret('db')`: an ExternalSecret in the default namespace reading SecretStore `store`. */
/** The ExternalSecret that {@link anExternalSecret} builds by default: `default/es`. */
export const ES_REF: ObjectRef = {
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  name: 'es',
  namespace: DEFAULT_NAMESPACE,
};
/** Its target Secret by default: `default/es`. */
export const SECRET_REF: ObjectRef = {
  apiVersion: 'v1',
  kind: 'Secret',
  name: 'es',
  namespace: DEFAULT_NAMESPACE,
};

export function anExternalSecret(name = 'es'): ExternalSecretBuilder {
  return new ExternalSecretBuilder(name);
}
export class ExternalSecretBuilder extends ObjectBuilder<ExternalSecret, ExternalSecretBuilder> {
  constructor(name: string) {
    super({
      apiVersion: API_VERSION_V1,
      kind: 'ExternalSecret',
      metadata: { name, namespace: DEFAULT_NAMESPACE },
      spec: {
        secretStoreRef: { name: 'store', kind: 'SecretStore' },
        refreshInterval: '1h',
        target: { name },
      },
    });
  }
  usingStore(
    name: string,
    kind: 'SecretStore' | 'ClusterSecretStore' = 'SecretStore',
  ): ExternalSecretBuilder {
    this.object.spec.secretStoreRef = { name, kind };
    return this;
  }
  usingClusterStore(name: string): ExternalSecretBuilder {
    return this.usingStore(name, 'ClusterSecretStore');
  }
  /** Adds a `data[]` entry; `remoteRef` may be just the remote key. */
  withData(secretKey: string, remoteRef: string | ExternalSecretDataRemoteRef): ExternalSecretBuilder {
    const ref = typeof remoteRef === 'string' ? { key: remoteRef } : remoteRef;
    this.object.spec.data = [...(this.object.spec.data ?? []), { secretKey, remoteRef: ref }];
    return this;
  }
  withDataFrom(entry: ExternalSecretDataFromRemoteRef): ExternalSecretBuilder {
    this.object.spec.dataFrom = [...(this.object.spec.dataFrom ?? []), entry];
    return this;
  }
  withDataFromExtract(extract: string | ExternalSecretDataRemoteRef): ExternalSecretBuilder {
    return this.withDataFrom({ extract: typeof extract === 'string' ? { key: extract } : extract });
  }
  withDataFromFind(find: ExternalSecretFind): ExternalSecretBuilder {
    return this.withDataFrom({ find });
  }
  withTarget(target: Partial<ExternalSecretTarget>): ExternalSecretBuilder {
    this.object.spec.target = { ...(this.object.spec.target ?? {}), ...target };
    return this;
  }
  withRefreshInterval(refreshInterval: string): ExternalSecretBuilder {
    this.object.spec.refreshInterval = refreshInterval;
    return this;
  }
  withRefreshPolicy(refreshPolicy: NonNullable<ExternalSecretSpec['refreshPolicy']>): ExternalSecretBuilder {
    this.object.spec.refreshPolicy = refreshPolicy;
    return this;
  }
  withSpec(spec: Partial<ExternalSecretSpec>): ExternalSecretBuilder {
    Object.assign(this.object.spec, spec);
    return this;
  }
  withStatus(status: NonNullable<ExternalSecret['status']>): ExternalSecretBuilder {
    this.object.status = status;
    return this;
  }
  /** The spec alone (for ClusterExternalSecret fixtures). */
  buildSpec(): ExternalSecretSpec {
    return structuredClone(this.object.spec);
  }
}

/** `aClusterExternalSecret('shared').withNamespaceSelectors({ matchLabels: { team: 'a' } })`. */
export function aClusterExternalSecret(name = 'ces'): ClusterExternalSecretBuilder {
  return new ClusterExternalSecretBuilder(name);
}
export class ClusterExternalSecretBuilder extends ObjectBuilder<
  ClusterExternalSecret,
  ClusterExternalSecretBuilder
> {
  constructor(name: string) {
    super({
      apiVersion: API_VERSION_V1,
      kind: 'ClusterExternalSecret',
      metadata: { name },
      spec: { externalSecretSpec: anExternalSecret(name).withData('key', 'remote-key').buildSpec() },
    });
  }
  withExternalSecretSpec(spec: ExternalSecretSpec | ExternalSecretBuilder): ClusterExternalSecretBuilder {
    this.object.spec.externalSecretSpec =
      spec instanceof ExternalSecretBuilder ? spec.buildSpec() : structuredClone(spec);
    return this;
  }
  withNamespaceSelectors(...selectors: LabelSelector[]): ClusterExternalSecretBuilder {
    this.object.spec.namespaceSelectors = selectors;
    return this;
  }
  /** Deprecated single selector. */
  withNamespaceSelector(selector: LabelSelector): ClusterExternalSecretBuilder {
    this.object.spec.namespaceSelector = selector;
    return this;
  }
  /** Deprecated namespace list. */
  withNamespaces(...namespaces: string[]): ClusterExternalSecretBuilder {
    this.object.spec.namespaces = namespaces;
    return this;
  }
  withSpec(spec: Partial<ClusterExternalSecretSpec>): ClusterExternalSecretBuilder {
    Object.assign(this.object.spec, spec);
    return this;
  }
}
