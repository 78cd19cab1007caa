/**
 * ClusterExternalSecret reconcile (ESO §A.7), as a table of contents:
 *
 * 1. deleted → delete the children it provisioned, then drop the finalizer;
 * 2. ensure the finalizer;
 * 3. renamed children (`externalSecretName` changed) → delete the old ones;
 * 4. select namespaces (selectors ORed, deprecated selector and names too);
 * 5. delete children in namespaces that no longer match;
 * 6. create or update the child in every selected namespace, refusing to adopt one it does not own;
 * 7. write the status when it changed; retry at once on write conflicts, else recheck after
 *    `refreshTime` (default 1h).
 */
import type { ClusterExternalSecret } from '../../api/v1/cluster-external-secret.js';
import { API_VERSION_V1 } from '../../api/v1/constants.js';
import { parseGoDuration } from '../../api/v1/duration.js';
import { defaultControllerSettings, type ControllerSettings } from '../../di/controller-settings.js';
import type {
  CacheFactory,
  EventRecorder,
  KubeClient,
  KubeObject,
  ObjectCache,
} from '../../kube/kube-port.js';
import { noopLogger, type Logger } from '../../logging/logger.js';
import type { Clock } from '../clock.js';
import {
  awaitChange,
  requeue,
  type ObjectKey,
  type ReconcileResult,
  type Reconciler,
} from '../reconciler.js';
import { CES_FINALIZER, hasCesFinalizer, setCesFinalizer } from './ces-finalizer.js';
import { cesStatusFor, writeCesStatus } from './ces-status.js';
import { deleteOwnedChildren, provisionNamespace } from './child-sync.js';
import { selectNamespaces } from './namespace-selection.js';

/** Dependencies of {@link ClusterExternalSecretReconciler}. */
export interface ClusterExternalSecretReconcilerDeps {
  readonly kube: KubeClient;
  /** Provides the ClusterExternalSecret and Namespace caches. */
  readonly caches: CacheFactory;
  /** Reserved for events (ESO records none for CES). */
  readonly events?: EventRecorder;
  /** @default defaultControllerSettings */
  readonly settings?: ControllerSettings;
  readonly clock?: Clock;
  /** @default noopLogger */
  readonly logger?: Logger;
}

/** Some namespaces hit write conflicts; retried with backoff after the status was written. */
export class ProvisioningConflictError extends Error {
  constructor(namespaces: readonly string[]) {
    super(`conflicting writes while provisioning ExternalSecrets in ${namespaces.join(', ')}; retrying`);
    this.name = 'ProvisioningConflictError';
  }
}

/** See the module comment. */
export class ClusterExternalSecretReconciler implements Reconciler {
  /** The caches this reconciler reads (for watch wiring). */
  readonly sources: {
    readonly clusterExternalSecrets: ObjectCache<ClusterExternalSecret>;
    readonly namespaces: ObjectCache<KubeObject>;
  };
  private readonly clusterExternalSecrets: ObjectCache<ClusterExternalSecret>;
  private readonly namespaces: ObjectCache<KubeObject>;
  private readonly settings: ControllerSettings;
  private readonly logger: Logger;

  constructor(private readonly deps: ClusterExternalSecretReconcilerDeps) {
    this.clusterExternalSecrets = deps.caches.cache<ClusterExternalSecret>({
      apiVersion: API_VERSION_V1,
      kind: 'ClusterExternalSecret',
    });
    this.namespaces = deps.caches.cache<KubeObject>({ apiVersion: 'v1', kind: 'Namespace' });
    this.sources = { clusterExternalSecrets: this.clusterExternalSecrets, namespaces: this.namespaces };
    this.settings = deps.settings ?? defaultControllerSettings;
    this.logger = (deps.logger ?? noopLogger).child({ controller: 'clusterexternalsecret' });
  }

  async reconcile(key: ObjectKey): Promise<ReconcileResult> {
    const ces = this.clusterExternalSecrets.get(key.name);
    if (!ces) return awaitChange();
    if (ces.metadata.deletionTimestamp) return this.finalize(ces);
    if (!hasCesFinalizer(ces)) await setCesFinalizer(this.deps.kube, ces, true);
    const name = ces.spec.externalSecretName || ces.metadata.name || '';
    const failed = new Map<string, string>();
    const previousName = ces.status?.externalSecretName;
    if (previousName && previousName !== name) {
      mergeInto(
        failed,
        await deleteOwnedChildren(
          this.deps.kube,
          ces.metadata.name ?? '',
          ces.status?.provisionedNamespaces ?? [],
          previousName,
        ),
      );
    }
    const { selected } = selectNamespaces(ces.spec, this.namespaces.list());
    const known = [
      ...(ces.status?.provisionedNamespaces ?? []),
      ...(ces.status?.failedNamespaces ?? []).map((failure) => failure.namespace),
    ];
    const removed = [...new Set(known)].filter((namespace) => !selected.includes(namespace));
    mergeInto(failed, await deleteOwnedChildren(this.deps.kube, ces.metadata.name ?? '', removed, name));
    const provisioned: string[] = [];
    const conflicts: string[] = [];
    for (const namespace of selected) {
      const outcome = await provisionNamespace(this.deps.kube, ces, namespace, name);
      if (outcome.ok) provisioned.push(namespace);
      else {
        failed.set(namespace, outcome.reason);
        if (outcome.conflict) conflicts.push(namespace);
      }
    }
    await writeCesStatus(
      this.deps.kube,
      ces,
      cesStatusFor(ces, { externalSecretName: name, provisioned, failed }),
    );
    if (conflicts.length > 0) throw new ProvisioningConflictError(conflicts);
    return requeue(this.refreshMs(ces));
  }

  private async finalize(ces: ClusterExternalSecret): Promise<ReconcileResult> {
    if (!hasCesFinalizer(ces)) return awaitChange();
    const name = ces.status?.externalSecretName || ces.metadata.name || '';
    const failed = await deleteOwnedChildren(
      this.deps.kube,
      ces.metadata.name ?? '',
      ces.status?.provisionedNamespaces ?? [],
      name,
    );
    if (failed.size > 0) {
      throw new Error(
        `could not delete the ExternalSecrets of ClusterExternalSecret "${ces.metadata.name}" in ${[...failed.keys()].join(', ')}; retrying`,
      );
    }
    await setCesFinalizer(this.deps.kube, ces, false);
    this.logger.debug('finalizer removed', { name: ces.metadata.name, finalizer: CES_FINALIZER });
    return awaitChange();
  }

  private refreshMs(ces: ClusterExternalSecret): number {
    const refreshTime = ces.spec.refreshTime;
    if (!refreshTime) return this.settings.clusterExternalSecretRefreshMs;
    try {
      const ms = parseGoDuration(refreshTime);
      return ms > 0 ? ms : this.settings.clusterExternalSecretRefreshMs;
    } catch {
      this.logger.warn('invalid spec.refreshTime; using the default', {
        name: ces.metadata.name,
        refreshTime,
      });
      return this.settings.clusterExternalSecretRefreshMs;
    }
  }
}

function mergeInto(target: Map<string, string>, source: ReadonlyMap<string, string>): void {
  for (const [namespace, reason] of source) target.set(namespace, reason);
}
