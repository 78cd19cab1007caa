/**
 * Wires caches to the ClusterExternalSecret queue, as ESO's controller watches: the CES itself
 * (status-only updates skipped), the ExternalSecrets it controls, and Namespaces (a namespace that
 * appears, disappears or changes labels re-queues every CES that selects or provisioned it).
 */
import type { ClusterExternalSecret } from '../../api/v1/cluster-external-secret.js';
import { API_GROUP } from '../../api/v1/constants.js';
import type { ExternalSecret } from '../../api/v1/external-secret.js';
import type { KubeObject, ObjectCache } from '../../kube/kube-port.js';
import { changedBeyondStatus } from '../secret-store/store-watch.js';
import { mightSelect } from './namespace-selection.js';

/** The part of the work queue this needs. */
export interface CesQueue {
  add(key: string): void;
}

/** Caches to watch. */
export interface CesWatchSources {
  readonly clusterExternalSecrets: ObjectCache<ClusterExternalSecret>;
  readonly namespaces: ObjectCache<KubeObject>;
  /** @default not watched (children are then only repaired on refresh) */
  readonly externalSecrets?: ObjectCache<ExternalSecret>;
}

/** Subscribes; returns one function that unsubscribes everything. */
export function watchClusterExternalSecrets(sources: CesWatchSources, queue: CesQueue): () => void {
  const unsubscribers = [
    sources.clusterExternalSecrets.onChange((type, ces, old) => {
      if (type === 'updated' && old && !changedBeyondStatus(old, ces)) return;
      queue.add(ces.metadata.name ?? '');
    }),
    sources.namespaces.onChange((type, namespace, old) => {
      if (type === 'updated' && old && JSON.stringify(old.metadata.labels ?? {}) === JSON.stringify(namespace.metadata.labels ?? {}) && !!old.metadata.deletionTimestamp === !!namespace.metadata.deletionTimestamp) return;
      for (const ces of sources.clusterExternalSecrets.list()) {
        if (concerns(ces, namespace) || (old !== undefined && concerns(ces, old))) queue.add(ces.metadata.name ?? '');
      }
    }),
  ];
  if (sources.externalSecrets) {
    unsubscribers.push(
      sources.externalSecrets.onChange((_type, es) => {
        const owner = (es.metadata.ownerReferences ?? []).find((reference) => reference.controller === true);
        if (owner && owner.kind === 'ClusterExternalSecret' && owner.apiVersion.startsWith(`${API_GROUP}/`)) queue.add(owner.name);
      }),
    );
  }
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}

function concerns(ces: ClusterExternalSecret, namespace: KubeObject): boolean {
  const name = namespace.metadata.name ?? '';
  return mightSelect(ces.spec, namespace) || (ces.status?.provisionedNamespaces ?? []).includes(name);
}
