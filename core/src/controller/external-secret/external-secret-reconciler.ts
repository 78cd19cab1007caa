/**
 * The ExternalSecret reconcile (ESO B.1), as a table of contents: each step lives in its own file.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { KubeObject, ObjectCache, SecretObject } from '../../kube/kube-port.js';
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
import { resolveStores, storeOfOtherController, type ResolvedStores } from './resolve-store.js';
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
      if (storeOfOtherController({ ...this.o, es }) !== undefined) return awaitChange();
      await asStep(M.invalidSpec, () => validateSpec(es));
      const stores = await asStep(M.getDataFailed, () => resolveStores({ ...this.o, es }));
      current = await this.withFinalizer(es);
      const target = loadTargetSecret(this.sources, es.metadata.namespace ?? '', settings.targetName);
      const esKey = objectKeyToString(key);
      const policy = decideRefresh({ es: current, settings, target, now: started });
      const decision = this.templateSources.decide(esKey, current, settings, policy);
      if (!decision.refresh) return nextCheck(current, settings, started);
      const readOptions = readOptionsFor(decision.reason, settings);
      const change = await this.refresh(current, settings, stores, target, readOptions);
      this.templateSources.rendered(esKey, decision);
      return await this.report.succeeded(current, settings, change, started);
    } catch (error) {
      return this.report.failed(current, error, started);
    }
  }

  /** Reads the provider (as fresh as `readOptions` asks) and writes the target (B.1 steps 9–13). */
  private async refresh(
    es: ExternalSecret,
    settings: ExternalSecretSettings,
    stores: ResolvedStores,
    existing: SecretObject | undefined,
    readOptions: ReadOptions,
  ): Promise<StatusChange> {
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
      applyTargetSecret({ es, settings, render, existing, kube, writes }),
    );
    return applyStatus(applied, settings, events);
  }

  /** Ensures the finalizer (B.1 step 3); returns the ExternalSecret as now stored. */
  private async withFinalizer(es: ExternalSecret): Promise<ExternalSecret> {
    const patched = await ensureFinalizer(this.o.kube, es);
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

/** Lets `memory` drop each remembered write as soon as `cache` shows the object's newer version. */
function forgetWhenCached<T extends KubeObject>(
  cache: Pick<ObjectCache<T>, 'onChange'>,
  memory: ReadYourWrites<T>,
  keyOf: (object: T) => string,
): void {
  cache.onChange((type, object) => memory.observed(keyOf(object), type === 'deleted' ? undefined : object));
}
