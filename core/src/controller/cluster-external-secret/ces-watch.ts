/**
 * Manager registration for the ClusterExternalSecret controller, with ESO's watches: the CES itself
 * (status-only updates skipped), the ExternalSecrets it controls, and Namespaces (a namespace that
 * appears, disappears or changes labels re-queues every CES that selects or provisioned it).
 */
import type { ClusterExternalSecret } from '../../api/v1/cluster-external-secret.js';
import type { ExternalSecret } from '../../api/v1/external-secret.js';
import type { KubeObject, ObjectCache } from '../../kube/kube-port.js';
import type { ControllerRegistration } from '../manager.js';
import { controllerOwnerKeys, enqueueOnChange, ignoreStatusOnlyUpdates } from '../manager-watches.js';
import type { WorkQueue } from '../work-queue.js';
import type { ClusterExternalSecretReconciler } from './cluster-external-secret-reconciler.js';
import { mightSelect } from './namespace-selection.js';

/** Options of {@link clusterExternalSecretControllerRegistration}. */
export interface CesControllerRegistrationOptions {
  readonly reconciler: ClusterExternalSecretReconciler;
  /** @default not watched (children are then only repaired on refresh) */
  readonly externalSecrets?: ObjectCache<ExternalSecret>;
  /** Workers. @default 1 */
  readonly concurrency?: number;
}

/** What to pass to `manager.addController` for ClusterExternalSecrets. */
export function clusterExternalSecretControllerRegistration(
  options: CesControllerRegistrationOptions,
): ControllerRegistration {
  return {
    name: 'clusterexternalsecret',
    reconciler: options.reconciler,
    concurrency: options.concurrency,
    watch: (queue) => {
      watchClusterExternalSecrets(
        { ...options.reconciler.sources, externalSecrets: options.externalSecrets },
        queue,
      );
    },
  };
}

/** Caches to watch. */
export interface CesWatchSources {
  readonly clusterExternalSecrets: ObjectCache<ClusterExternalSecret>;
  readonly namespaces: ObjectCache<KubeObject>;
  readonly externalSecrets?: ObjectCache<ExternalSecret>;
}

/** Subscribes; returns one function that unsubscribes everything. */
export function watchClusterExternalSecrets(sources: CesWatchSources, queue: WorkQueue): () => void {
  const unsubscribers = [
    enqueueOnChange(sources.clusterExternalSecrets, queue, { filter: ignoreStatusOnlyUpdates }),
    enqueueOnChange(sources.namespaces, queue, {
      filter: (type, namespace, old) =>
        type !== 'updated' ||
        !old ||
        labelsOf(old) !== labelsOf(namespace) ||
        !!old.metadata.deletionTimestamp !== !!namespace.metadata.deletionTimestamp,
      map: (namespace) =>
        sources.clusterExternalSecrets
          .list()
          .filter((ces) => concerns(ces, namespace))
          .map((ces) => ({ name: ces.metadata.name ?? '' })),
    }),
  ];
  if (sources.externalSecrets) {
    const owners = controllerOwnerKeys('ClusterExternalSecret');
    unsubscribers.push(
      enqueueOnChange(sources.externalSecrets, queue, {
        map: (es) => owners(es).map((key) => ({ name: key.name })),
      }),
    );
  }
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}

function labelsOf(object: KubeObject): string {
  return JSON.stringify(Object.entries(object.metadata.labels ?? {}).sort());
}

function concerns(ces: ClusterExternalSecret, namespace: KubeObject): boolean {
  return (
    mightSelect(ces.spec, namespace) ||
    (ces.status?.provisionedNamespaces ?? []).includes(namespace.metadata.name ?? '')
  );
}
