/**
 * A small world for ExternalSecret reconcile tests: an in-memory API server, a scriptable provider
 * client per store, a coalescer, recorded events, a redactor and a hand-driven clock.
 *
 * ```ts
 * const world = new ExternalSecretWorld({ values: { 'db-prod': '{"password":"pw"}' } });
 * world.seed(aSecretStore().ready().build(), anExternalSecret('db').withData('password', { key: 'db-prod', property: 'password' }).build());
 * await world.reconcile('db');
 * expect(world.secretText('db')).toEqual({ password: 'pw' });
 * ```
 */
import type { ExternalSecret } from '../api/v1/external-secret.js';
import type { ClusterSecretStore, SecretStore } from '../api/v1/secret-store.js';
import { ExternalSecretReconciler } from '../controller/external-secret/external-secret-reconciler.js';
import type { ExternalSecretReconcilerOptions } from '../controller/external-secret/external-secret-reconciler-options.js';
import type { TemplateRenderer } from '../controller/external-secret/template-renderer.js';
import type { ReconcileResult } from '../controller/reconciler.js';
import type { KubeObject, SecretObject } from '../kube/kube-port.js';
import { Redactor } from '../logging/redactor.js';
import type { FindQuery, RemoteRef, SecretsClient } from '../provider/provider.js';
import { ReadCoalescer } from '../provider/read-coalescer.js';
import { storeKeyOf, storeKeyOfObject, type StoreKey, type StoreRef } from '../provider/store-ref.js';
import type { AnyStore } from '../provider/store-view.js';
import { DEFAULT_NAMESPACE } from './fixtures.js';
import { InMemoryKube } from '../kube/in-memory-kube.js';
import { RecordingEventRecorder } from './recording-event-recorder.js';
import { errorMessages } from './error-messages.js';
import { StubSecretsClient, type StubClientOptions } from './stub-provider.js';

/** A value planted in remote data so tests can assert it never leaks into status, events or errors. */
export const CANARY = 'canary-9f27c1-do-not-leak';

/** A {@link StubSecretsClient} whose reads can be made to fail. */
export class FaultyClient extends StubSecretsClient {
  /** While set, every read throws it. */
  failure?: Error;

  constructor(options: StubClientOptions = {}) {
    super(options);
    const batch = this.getSecrets;
    if (batch) {
      Object.defineProperty(this, 'getSecrets', {
        value: async (refs: readonly RemoteRef[]) =>
          this.failure ? Promise.reject(this.failure) : batch.call(this, refs),
      });
    }
  }

  override async getSecret(ref: RemoteRef): Promise<Uint8Array> {
    if (this.failure) throw this.failure;
    return super.getSecret(ref);
  }
  override async getSecretMap(ref: RemoteRef): Promise<Record<string, Uint8Array>> {
    if (this.failure) throw this.failure;
    return super.getSecretMap(ref);
  }
  override async getAllSecrets(find: FindQuery): Promise<Record<string, Uint8Array>> {
    if (this.failure) throw this.failure;
    return super.getAllSecrets(find);
  }
  /** Number of remote read calls of any kind. */
  reads(): number {
    return ['getSecret', 'getSecrets', 'getSecretMap', 'getAllSecrets'].reduce(
      (sum, op) => sum + this.count(op),
      0,
    );
  }
}

/** Options of {@link ExternalSecretWorld}. */
export interface ExternalSecretWorldOptions {
  /** Remote values of the default client (used by every store without its own client). @default {} */
  readonly values?: Record<string, string>;
  /** Give the default client a batch read. @default false */
  readonly batch?: boolean;
  /** Start time. @default 2026-01-01T00:00:00Z */
  readonly start?: string;
  readonly controllerClass?: string;
  readonly floodGate?: boolean;
  readonly renderer?: TemplateRenderer;
}

/** What one reconcile returned or threw. */
export interface ReconcileRun {
  readonly result?: ReconcileResult;
  readonly error?: Error;
}

/** See the module comment. */
export class ExternalSecretWorld {
  readonly kube: InMemoryKube;
  readonly events = new RecordingEventRecorder();
  readonly redactor = new Redactor();
  readonly client: FaultyClient;
  /** Per-store clients; stores without one use {@link client}. */
  readonly storeClients = new Map<StoreKey, FaultyClient>();
  /** `clientFor` calls, by store key. */
  readonly clientRequests: StoreKey[] = [];
  readonly reconciler: ExternalSecretReconciler;
  private nowMs: number;

  constructor(
    options: ExternalSecretWorldOptions = {},
    overrides: Partial<ExternalSecretReconcilerOptions> = {},
  ) {
    this.nowMs = Date.parse(options.start ?? '2026-01-01T00:00:00Z');
    this.kube = new InMemoryKube({ now: () => this.nowMs });
    this.client = new FaultyClient({ values: options.values, batch: options.batch });
    const secretStores = this.kube.cache<SecretStore>({
      apiVersion: 'external-secrets.io/v1',
      kind: 'SecretStore',
    });
    const clusterStores = this.kube.cache<ClusterSecretStore>({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ClusterSecretStore',
    });
    const namespaces = this.kube.cache<KubeObject>({ apiVersion: 'v1', kind: 'Namespace' });
    this.reconciler = new ExternalSecretReconciler({
      kube: this.kube,
      externalSecrets: this.kube.cache<ExternalSecret>({
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
      }),
      secrets: this.kube.cache<SecretObject>(
        { apiVersion: 'v1', kind: 'Secret' },
        { labelSelector: 'reconcile.external-secrets.io/managed=true' },
      ),
      stores: {
        getStore: (ref: StoreRef) =>
          ref.kind === 'SecretStore'
            ? secretStores.get(ref.name, ref.namespace)
            : clusterStores.get(ref.name),
        namespaceLabels: (name) => namespaces.get(name)?.metadata.labels,
      },
      clients: { clientFor: (store: AnyStore) => this.clientFor(store) },
      coalescer: new ReadCoalescer(),
      events: this.events,
      redactor: this.redactor,
      controllerClass: options.controllerClass,
      floodGate: options.floodGate,
      renderer: options.renderer,
      now: () => new Date(this.nowMs),
      ...overrides,
    });
  }

  /** The client a store's reads go to (created on first use for stores given their own). */
  clientOf(ref: StoreRef): FaultyClient {
    return this.storeClients.get(storeKeyOf(ref)) ?? this.client;
  }

  /** Gives one store its own remote values. */
  withStoreValues(
    ref: StoreRef,
    values: Record<string, string>,
    options: Omit<StubClientOptions, 'values'> = {},
  ): FaultyClient {
    const client = new FaultyClient({ ...options, values });
    this.storeClients.set(storeKeyOf(ref), client);
    return client;
  }

  /** Current time. */
  now(): Date {
    return new Date(this.nowMs);
  }

  /** Moves the clock forward. */
  advance(ms: number): void {
    this.nowMs += ms;
  }

  /** Stores objects as given (status kept). */
  seed(...objects: KubeObject[]): void {
    this.kube.seed(...objects);
  }

  /** Runs one reconcile of ExternalSecret `name`; never throws (the error is returned). */
  async reconcile(name = 'es', namespace = DEFAULT_NAMESPACE): Promise<ReconcileRun> {
    try {
      return { result: await this.reconciler.reconcile({ name, namespace }) };
    } catch (error) {
      return { error: error as Error };
    }
  }

  /** The ExternalSecret as stored. */
  externalSecret(name = 'es', namespace = DEFAULT_NAMESPACE): ExternalSecret | undefined {
    return this.kube.peek<ExternalSecret>({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      name,
      namespace,
    });
  }

  /** The Ready condition of an ExternalSecret. */
  ready(
    name = 'es',
    namespace = DEFAULT_NAMESPACE,
  ): { status: string; reason?: string; message?: string; lastTransitionTime?: string } | undefined {
    return this.externalSecret(name, namespace)?.status?.conditions?.find(
      (condition) => condition.type === 'Ready',
    );
  }

  /** The Secret as stored. */
  secret(name: string, namespace = DEFAULT_NAMESPACE): SecretObject | undefined {
    return this.kube.peek<SecretObject>({ apiVersion: 'v1', kind: 'Secret', name, namespace });
  }

  /** A Secret's data decoded as UTF-8 text, or undefined when the Secret does not exist. */
  secretText(name: string, namespace = DEFAULT_NAMESPACE): Record<string, string> | undefined {
    const secret = this.secret(name, namespace);
    if (!secret) return undefined;
    return Object.fromEntries(
      Object.entries(secret.data ?? {}).map(([key, value]) => [
        key,
        Buffer.from(value, 'base64').toString('utf8'),
      ]),
    );
  }

  /** Every text a user or log reader could see: statuses, events, and the given errors. */
  visibleText(...errors: (Error | undefined)[]): string {
    const statuses = this.kube
      .peekAll<ExternalSecret>({ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret' })
      .map((es) => JSON.stringify(es.status ?? {}));
    const events = this.events.events.map((event) => `${event.reason}: ${event.message}`);
    const messages = errors.filter((error): error is Error => error !== undefined).flatMap(errorMessages);
    return [...statuses, ...events, ...messages].join('\n');
  }

  private async clientFor(store: AnyStore): Promise<SecretsClient> {
    const key = storeKeyOfObject(store);
    this.clientRequests.push(key);
    return this.storeClients.get(key) ?? this.client;
  }
}
