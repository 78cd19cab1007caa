/**
 * One conformance case's world, assembled the way the operator assembles itself: a DI container
 * with the core module and the provider's module, the real SecretStore reconciler (which builds
 * and validates the provider client), and the real ExternalSecret reconciler from
 * `externalSecretRegistration`, all over the {@link InMemoryKube} (a fake of Kubernetes, not of
 * our code). Time is a {@link ManualClock} shared by the reconcilers and, through the adapter, the
 * provider; logs go through the production JSON logger and redactor into memory.
 */
import type { ExternalSecret } from '../../api/v1/external-secret.js';
import type { ClusterSecretStore, SecretStore } from '../../api/v1/secret-store.js';
import { ManualClock } from '../../controller/manual-clock.js';
import { externalSecretRegistration } from '../../controller/external-secret/external-secret-registration.js';
import type { Reconciler, ReconcileResult } from '../../controller/reconciler.js';
import { createContainer, type TesseraContainer } from '../../di/create-container.js';
import * as tokens from '../../di/tokens.js';
import type { KubeObject, SecretObject } from '../../kube/kube-port.js';
import { JsonLogger } from '../../logging/logger.js';
import { Redactor } from '../../logging/redactor.js';
import type { ProviderClientCache } from '../../provider/client-cache.js';
import type { ProviderKubeAccessFactory } from '../../provider/provider-kube-access.js';
import type { ProviderRegistry } from '../../provider/provider-registry.js';
import type { SecretsClient, StoreKind } from '../../provider/provider.js';
import type { ReadCoalescer } from '../../provider/read-coalescer.js';
import { storeRefOfObject } from '../../provider/store-ref.js';
import { toStoreView, type AnyStore } from '../../provider/store-view.js';
import { aClusterSecretStore, aSecretStore } from '../fixtures.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import { RecordingEventRecorder } from '../recording-event-recorder.js';
import { errorMessages } from '../error-messages.js';
import {
  CONFORMANCE_NAMESPACE as DEFAULT_NAMESPACE,
  type ConformanceAdapter,
  type ConformanceProbe,
  type ConformanceStoreSpec,
} from './conformance-adapter.js';

const API_VERSION = 'external-secrets.io/v1';
const ES_API = { apiVersion: API_VERSION, kind: 'ExternalSecret' } as const;

/** What one reconcile returned or threw. */
export interface ConformanceRun {
  readonly result?: ReconcileResult;
  readonly error?: Error;
}

/** A Ready condition as stored. */
export interface ReadyCondition {
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
  readonly lastTransitionTime?: string;
}

/** See the module comment. */
export class ConformanceWorld implements ConformanceProbe {
  readonly clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));
  readonly kube = new InMemoryKube({ now: () => this.clock.now() });
  readonly events = new RecordingEventRecorder();
  readonly logLines: string[] = [];
  readonly errors: Error[] = [];
  readonly storeName: string;
  /** The kind of the case's store, once created. @default 'SecretStore' */
  storeKind: StoreKind = 'SecretStore';
  private readonly container: TesseraContainer;
  private readonly reconciler: Reconciler;

  constructor(
    private readonly adapter: ConformanceAdapter,
    options: { readonly storeName: string },
  ) {
    this.storeName = options.storeName;
    const redactor = new Redactor();
    const logger = new JsonLogger({
      level: 'debug',
      redactor,
      sink: (line) => this.logLines.push(line),
      now: () => new Date(this.clock.now()),
    });
    this.container = createContainer({
      providerModules: [adapter.module({ clock: this.clock })],
      constants: [
        { token: tokens.KubeClient, value: this.kube },
        { token: tokens.CacheFactory, value: this.kube },
        { token: tokens.EventRecorder, value: this.events },
        { token: tokens.Clock, value: this.clock },
        { token: tokens.Logger, value: logger },
        { token: tokens.Redactor, value: redactor },
      ],
    });
    this.reconciler = externalSecretRegistration({
      caches: this.kube,
      kube: this.kube,
      clients: this.clients,
      coalescer: this.container.get<ReadCoalescer>(tokens.ReadCoalescer),
      events: this.events,
      redactor,
      logger,
      now: () => new Date(this.clock.now()),
    }).reconciler;
  }

  /** The process-wide provider client cache (as the operator has one). */
  get clients(): ProviderClientCache {
    return this.container.get<ProviderClientCache>(tokens.ProviderClientCache);
  }

  /**
   * Creates the case's store (and the Secrets it refers to, in the ExternalSecrets' namespace) and
   * reconciles it to Ready.
   */
  async createStore(spec: ConformanceStoreSpec, kind: StoreKind = 'SecretStore'): Promise<void> {
    for (const secret of spec.secrets ?? []) {
      await this.kube.create({ ...secret, metadata: { ...secret.metadata, namespace: DEFAULT_NAMESPACE } });
    }
    this.storeKind = kind;
    const builder =
      kind === 'SecretStore' ? aSecretStore(this.storeName) : aClusterSecretStore(this.storeName);
    const store = builder
      .withProvider(this.adapter.name, spec.provider)
      .withAnnotations({ ...(spec.annotations ?? {}) })
      .build();
    await this.kube.create(store);
    await this.reconcileStore();
  }

  /** Writes `spec` into the store when its provider block changed (an edit), and reconciles it again. */
  async updateStore(spec: ConformanceStoreSpec): Promise<void> {
    const current = this.store();
    if (!current) return;
    const block = current.spec.provider[this.adapter.name];
    if (JSON.stringify(block) === JSON.stringify(spec.provider)) return;
    await this.kube.update<AnyStore>({
      ...current,
      spec: { ...current.spec, provider: { [this.adapter.name]: spec.provider } },
    });
    await this.reconcileStore();
  }

  /** The case's store as stored. */
  store(): AnyStore | undefined {
    const namespace = this.storeKind === 'SecretStore' ? DEFAULT_NAMESPACE : undefined;
    return this.kube.peek<SecretStore | ClusterSecretStore>({
      apiVersion: API_VERSION,
      kind: this.storeKind,
      name: this.storeName,
      namespace,
    });
  }

  /** Creates objects through the API, as `kubectl apply` would. */
  async apply(...objects: KubeObject[]): Promise<void> {
    for (const object of objects) await this.kube.create(object);
  }

  /** Runs one ExternalSecret reconcile; never throws (the error is returned and kept for leak checks). */
  async reconcile(name: string): Promise<ConformanceRun> {
    try {
      return { result: await this.reconciler.reconcile({ name, namespace: DEFAULT_NAMESPACE }) };
    } catch (error) {
      this.errors.push(error as Error);
      return { error: error as Error };
    }
  }

  /** Lets `ms` pass (provider caches age on the same clock), then reconciles `name`. */
  async reconcileAfter(ms: number, name: string): Promise<ConformanceRun> {
    await this.clock.advance(ms);
    return this.reconcile(name);
  }

  /** The ExternalSecret as stored. */
  externalSecret(name: string): ExternalSecret | undefined {
    return this.kube.peek<ExternalSecret>({ ...ES_API, name, namespace: DEFAULT_NAMESPACE });
  }

  /** Its Ready condition. */
  ready(name: string): ReadyCondition | undefined {
    return this.externalSecret(name)?.status?.conditions?.find((c) => c.type === 'Ready');
  }

  /** A Secret as stored. */
  secret(name: string): SecretObject | undefined {
    return this.kube.peek<SecretObject>({
      apiVersion: 'v1',
      kind: 'Secret',
      name,
      namespace: DEFAULT_NAMESPACE,
    });
  }

  /** A Secret's data as bytes, or undefined when it does not exist. */
  secretBytes(name: string): Record<string, Uint8Array> | undefined {
    const secret = this.secret(name);
    if (!secret) return undefined;
    return Object.fromEntries(
      Object.entries(secret.data ?? {}).map(([key, value]) => [
        key,
        new Uint8Array(Buffer.from(value, 'base64')),
      ]),
    );
  }

  /** A Secret's data as UTF-8 text, or undefined when it does not exist. */
  secretText(name: string): Record<string, string> | undefined {
    const data = this.secretBytes(name);
    if (!data) return undefined;
    return Object.fromEntries(
      Object.entries(data).map(([key, value]) => [key, Buffer.from(value).toString('utf8')]),
    );
  }

  /** Everything a user or log reader could see: statuses, events, reconcile errors and log lines. */
  visibleText(): string {
    const statuses = [
      ...this.kube.peekAll<KubeObject & { status?: unknown }>(ES_API),
      ...this.kube.peekAll<KubeObject & { status?: unknown }>({
        apiVersion: API_VERSION,
        kind: 'SecretStore',
      }),
      ...this.kube.peekAll<KubeObject & { status?: unknown }>({
        apiVersion: API_VERSION,
        kind: 'ClusterSecretStore',
      }),
    ].map((object) => JSON.stringify(object.status ?? {}));
    const events = this.events.events.map((event) => `${event.reason}: ${event.message}`);
    const errors = this.errors.flatMap(errorMessages);
    return [...statuses, ...events, ...errors, ...this.logLines].join('\n');
  }

  /** The cached client of the case's store, as the reconcilers use it. */
  async client(): Promise<SecretsClient> {
    const store = this.requireStore();
    return this.clients.clientFor(store, DEFAULT_NAMESPACE);
  }

  /** A new client for the case's store, built by the registered provider outside the cache. */
  async freshClient(): Promise<SecretsClient> {
    const store = this.requireStore();
    const registry = this.container.get<ProviderRegistry>(tokens.ProviderRegistry);
    const access = this.container.get<ProviderKubeAccessFactory>(tokens.ProviderKubeAccessFactory);
    const resolved = registry.resolveValidated(store.spec);
    return resolved.contribution.provider.newClient({
      store: toStoreView(store, resolved.block),
      namespace: DEFAULT_NAMESPACE,
      kube: access(storeRefOfObject(store), DEFAULT_NAMESPACE),
      calls: { observe: () => undefined },
    });
  }

  /** Closes every provider client. */
  async close(): Promise<void> {
    await this.clients.close();
  }

  private async reconcileStore(): Promise<void> {
    try {
      const token =
        this.storeKind === 'SecretStore' ? tokens.SecretStoreReconciler : tokens.ClusterSecretStoreReconciler;
      await this.container
        .get<Reconciler>(token)
        .reconcile({ name: this.storeName, namespace: DEFAULT_NAMESPACE });
    } catch (error) {
      this.errors.push(error as Error);
      const ready = this.store()?.status?.conditions?.find((c) => c.type === 'Ready');
      throw new Error(
        `the conformance store did not become Ready: ${ready?.message ?? (error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }

  private requireStore(): AnyStore {
    const store = this.store();
    if (!store) throw new Error('the case has not created its store yet; call createStore first');
    return store;
  }
}
