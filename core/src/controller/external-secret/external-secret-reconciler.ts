/**
 * The ExternalSecret reconcile (ESO B.1), as a table of contents: each step lives in its own file.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { KubeClient, KubeObject, ObjectCache, SecretObject } from '../../kube/kube-port.js';
import type { ReadOptions } from '../../provider/provider.js';
import {
  awaitChange,
  objectKeyOf,
  objectKeyToString,
  type ObjectKey,
  type ReconcileResult,
  type Reconciler,
} from '../reconciler.js';
import { applyTargetSecret } from './apply-target-secret.js';
import { cleanupOrphans } from './cleanup-orphans.js';
import { CreatedByIndex } from './created-by-index.js';
import { EchoTrackingKube } from './echo-tracking-kube.js';
import { asStep } from './external-secret-errors.js';
import type { ExternalSecretReconcilerOptions } from './external-secret-reconciler-options.js';
import { fetchRemoteData } from './fetch-remote-data.js';
import { ensureFinalizer, finalizeDeletion } from './finalizer.js';
import { handleDeletionPolicy } from './handle-deletion-policy.js';
import {
  loadExternalSecret,
  loadTargetSecret,
  ReadYourWrites,
  secretKeyOf,
  settingsOf,
  type ExternalSecretSettings,
  type LoadSources,
} from './load.js';
import { renderTarget } from './render-target.js';
import { OutcomeReporter } from './report-outcome.js';
import {
  resolveStores,
  storeOfOtherController,
  type ResolvedStores,
  type ResolveStoresOptions,
} from './resolve-store.js';
import { decideRefresh, nextCheck, readOptionsFor } from './should-refresh.js';
import { applyFailureMessage, applyStatus, deletionStatus } from './sync-outcome.js';
import { literalTemplateRenderer, type TemplateRenderer } from './template-renderer.js';
import { TemplateSourceRefresh } from './template-source-refresh.js';
import { transformData } from './transform-data.js';
import { validateSpec } from './validate-spec.js';
import { StatusMessages as M, type StatusChange } from './write-status.js';

/** Reconciles ExternalSecrets into Secrets with ESO's v1 semantics. Safe for concurrent keys. */
export class ExternalSecretReconciler implements Reconciler {
  private readonly sources: LoadSources;
  private readonly report: OutcomeReporter;
  private readonly renderer: TemplateRenderer;
  private readonly templateSources: TemplateSourceRefresh;
  private readonly now: () => Date;
  private readonly createdBy: CreatedByIndex;

  constructor(private readonly o: ExternalSecretReconcilerOptions) {
    this.createdBy = new CreatedByIndex(o.secrets);
    const writtenExternalSecrets = new ReadYourWrites<ExternalSecret>();
    const writtenSecrets = new ReadYourWrites<SecretObject>();
    this.sources = { ...o, writtenExternalSecrets, writtenSecrets };
    forgetWhenCached(o.externalSecrets, writtenExternalSecrets, (es) => objectKeyToString(objectKeyOf(es)));
    forgetWhenCached(o.secrets, writtenSecrets, (s) =>
      secretKeyOf(s.metadata.namespace ?? '', s.metadata.name ?? ''),
    );
    const current = (key: ObjectKey) => loadExternalSecret(this.sources, key);
    this.report = new OutcomeReporter({ ...o, written: writtenExternalSecrets, current });
    this.renderer = o.renderer ?? literalTemplateRenderer;
    this.templateSources = new TemplateSourceRefresh(o.templateSources);
    this.now = o.now ?? (() => new Date());
  }

  reconcile(key: ObjectKey): Promise<ReconcileResult> {
    return this.report.measure(key, () => this.run(key));
  }

  private async run(key: ObjectKey): Promise<ReconcileResult> {
    const es = loadExternalSecret(this.sources, key);
    if (!es) return this.forget(key);
    const settings = settingsOf(es);
    if (es.metadata.deletionTimestamp) return this.finalize(es, settings);
    const started = this.now();
    let current = es;
    try {
      const storeOptions = this.storeOptions(es);
      if (storeOfOtherController(storeOptions) !== undefined) return awaitChange();
      await asStep(M.invalidSpec, () => validateSpec(es));
      const stores = await asStep(M.getDataFailed, () => resolveStores(storeOptions));
      const esKey = objectKeyToString(key);
      const writer = this.writerFor(esKey);
      current = await this.withFinalizer(es, writer);
      const target = loadTargetSecret(this.sources, es.metadata.namespace ?? '', settings.targetName);
      const policy = decideRefresh({ es: current, settings, target, now: started });
      const decision = this.templateSources.decide(esKey, current, settings, policy);
      if (!decision.refresh) return nextCheck(current, settings, started);
      const readOptions = readOptionsFor(decision.reason, settings);
      const change = await this.refresh({
        es: current,
        settings,
        stores,
        existing: target,
        readOptions,
        writer,
      });
      this.templateSources.rendered(esKey, decision);
      return await this.report.succeeded(current, settings, change, started);
    } catch (error) {
      return this.report.failed(current, error, started);
    }
  }

  private storeOptions(es: ExternalSecret): ResolveStoresOptions {
    const { stores, controllerClass, floodGate } = this.o;
    return { es, stores, controllerClass, floodGate };
  }

  /** Reads the provider (as fresh as `readOptions` asks) and writes the target (B.1 steps 9–13). */
  private async refresh(options: RefreshOptions): Promise<StatusChange> {
    const { es, settings, stores, existing, readOptions, writer } = options;
    const { kube, secrets, clients, coalescer, redactor: values } = this.o;
    const { renderer, createdBy } = this;
    const writes = this.sources.writtenSecrets;
    const events = this.report.eventsFor(es);
    const fetched = await asStep(M.getDataFailed, () =>
      fetchRemoteData({ es, stores, clients, coalescer, values, readOptions }),
    );
    events.missingProviderSecrets(fetched.missing);
    const providerData = await asStep(M.getDataFailed, () =>
      transformData({ entries: fetched.entries, renderer, values }),
    );
    const deletion = await asStep(M.deleteFailed, () =>
      handleDeletionPolicy({ es, settings, providerData, existing, kube, writes }),
    );
    if (deletion.kind !== 'continue') return deletionStatus(deletion, events);
    events.deletedOrphans(
      await asStep(M.deleteOrphansFailed, () =>
        cleanupOrphans({ es, settings, secrets, createdBy, kube, writes }),
      ),
    );
    const render = (over: SecretObject | undefined) =>
      renderTarget({ es, settings, providerData, existing: over, renderer });
    const applied = await asStep(applyFailureMessage, () =>
      applyTargetSecret({ es, settings, render, existing, kube: writer, writes }),
    );
    return applyStatus(applied, settings, events);
  }

  /** The client for this reconcile's finalizer patch and target write: echo-tracked when the watches drop echoes. */
  private writerFor(esKey: string): KubeClient {
    return this.o.echoes ? new EchoTrackingKube(this.o.kube, this.o.echoes, esKey) : this.o.kube;
  }

  /** Ensures the finalizer (B.1 step 3); returns the ExternalSecret as now stored. */
  private async withFinalizer(es: ExternalSecret, kube: KubeClient): Promise<ExternalSecret> {
    const patched = await ensureFinalizer(kube, es);
    if (!patched) return es;
    this.sources.writtenExternalSecrets.record(objectKeyToString(objectKeyOf(es)), es, patched);
    return patched;
  }

  /** The ExternalSecret is being deleted (B.1 step 2). */
  private async finalize(es: ExternalSecret, settings: ExternalSecretSettings): Promise<ReconcileResult> {
    const writes = this.sources.writtenSecrets;
    if (await finalizeDeletion({ es, settings, kube: this.o.kube, secrets: this.o.secrets, writes })) {
      this.report.eventsFor(es).deletedByPolicy();
    }
    return awaitChange();
  }

  /** The ExternalSecret is gone: drop its metrics and memory (B.1 step 1). */
  private forget(key: ObjectKey): ReconcileResult {
    this.sources.writtenExternalSecrets.forget(objectKeyToString(key));
    this.templateSources.forget(objectKeyToString(key));
    this.o.metrics?.forgetObject('externalsecret', key);
    return awaitChange();
  }
}

/** What {@link ExternalSecretReconciler.refresh} works on. */
interface RefreshOptions {
  readonly es: ExternalSecret;
  readonly settings: ExternalSecretSettings;
  readonly stores: ResolvedStores;
  /** The target Secret as cached. */
  readonly existing: SecretObject | undefined;
  readonly readOptions: ReadOptions;
  /** Writes the target Secret. */
  readonly writer: KubeClient;
}

/** Lets `memory` drop each remembered write as soon as `cache` shows the object's newer version. */
function forgetWhenCached<T extends KubeObject>(
  cache: Pick<ObjectCache<T>, 'onChange'>,
  memory: ReadYourWrites<T>,
  keyOf: (object: T) => string,
): void {
  cache.onChange((type, object) => memory.observed(keyOf(object), type === 'deleted' ? undefined : object));
}
