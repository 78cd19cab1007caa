/**
 * What the ExternalSecret reconciler depends on. Everything is an interface from `kube-port`,
 * `provider` or this folder, so tests build the reconciler with in-memory fakes and plain `new`.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { EventRecorder, KubeClient, ObjectCache, SecretObject } from '../../kube/kube-port.js';
import type { Logger } from '../../logging/logger.js';
import type { TextRedactor } from '../../logging/redactor.js';
import type { ConditionStatus, MetricKind, MetricObjectRef } from '../../metrics/object-metrics.js';
import type { ReadCoalescer } from '../../provider/read-coalescer.js';
import type { ExternalSecretWriteEchoes } from './echo-tracking-kube.js';
import type { ClientSource } from './fetch-remote-data.js';
import type { StoreLookup } from './resolve-store.js';
import type { TemplateRenderer } from './template-renderer.js';
import type { TemplateSourceVersions } from './template-source-watch.js';

/** The per-object metrics the reconciler keeps (ESO names; implemented by `TesseraMetrics`). */
export interface ExternalSecretMetrics {
  recordSync(ref: MetricObjectRef, failed: boolean): void;
  setCondition(kind: MetricKind, ref: MetricObjectRef, condition: string, status: ConditionStatus): void;
  setReconcileDuration(kind: MetricKind, ref: MetricObjectRef, seconds: number): void;
  forgetObject(kind: MetricKind, ref: MetricObjectRef): void;
}

/** Registers fetched values and scrubs text (implemented by the logging `Redactor`). */
export interface ValueRedactor extends TextRedactor {
  register(value: Uint8Array | string): void;
}

/** Options of {@link import('./external-secret-reconciler.js').ExternalSecretReconciler}. */
export interface ExternalSecretReconcilerOptions {
  readonly kube: KubeClient;
  /** Informer cache of ExternalSecrets. */
  readonly externalSecrets: ObjectCache<ExternalSecret>;
  /** Informer cache of Secrets carrying `reconcile.external-secrets.io/managed=true`. */
  readonly secrets: ObjectCache<SecretObject>;
  readonly stores: StoreLookup;
  /** Provider clients per store generation (`ProviderClientCache`). */
  readonly clients: ClientSource;
  readonly coalescer: Pick<ReadCoalescer, 'readAll' | 'getSecretMap' | 'getAllSecrets'>;
  readonly events: EventRecorder;
  /** Renders templates and `rewrite.transform`. @default literalTemplateRenderer (no engine; the registration passes `EngineTemplateRenderer`) */
  readonly renderer?: TemplateRenderer;
  /** Versions of `templateFrom` sources: an edit re-renders at once. @default edits wait for the next refresh */
  readonly templateSources?: TemplateSourceVersions;
  /** @default none (tests); production passes the process-wide Redactor */
  readonly redactor?: ValueRedactor;
  /** @default none */
  readonly metrics?: ExternalSecretMetrics;
  /** @default noopLogger */
  readonly logger?: Logger;
  /** This controller's class (`--controller-class`). @default '' */
  readonly controllerClass?: string;
  /** Refuse stores that are not Ready (`--enable-flood-gate`). @default true */
  readonly floodGate?: boolean;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /**
   * Where the finalizer patch and the target Secret write are tracked, so the watches drop their
   * echoes (the registration shares them with the controller). @default not tracked
   */
  readonly echoes?: ExternalSecretWriteEchoes;
}
