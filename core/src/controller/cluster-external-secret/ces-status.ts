/**
 * ClusterExternalSecret status as ESO writes it: the child name, sorted provisioned namespaces,
 * failed namespaces (sorted, with the reason) and a Ready condition that is True when nothing
 * failed, otherwise False with "one or more namespaces failed". Written only when it changed.
 */
import type {
  ClusterExternalSecret,
  ClusterExternalSecretStatus,
} from '../../api/v1/cluster-external-secret.js';
import type { KubeClient } from '../../kube/kube-port.js';
import { KubeApiError } from '../../kube/kube-port.js';
import { canonicalJsonOf } from './canonical-json.js';

/** ESO's message when any namespace failed. */
export const NAMESPACES_FAILED_MESSAGE = 'one or more namespaces failed';

/** The outcome of provisioning. */
export interface ProvisioningResult {
  readonly externalSecretName: string;
  readonly provisioned: readonly string[];
  /** Namespace → reason. */
  readonly failed: ReadonlyMap<string, string>;
}

/** The status for `result` (other condition types are kept). */
export function cesStatusFor(
  ces: ClusterExternalSecret,
  result: ProvisioningResult,
): ClusterExternalSecretStatus {
  const failedNamespaces = [...result.failed]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([namespace, reason]) => ({ namespace, reason }));
  const ready =
    failedNamespaces.length === 0
      ? { type: 'Ready', status: 'True' }
      : { type: 'Ready', status: 'False', message: NAMESPACES_FAILED_MESSAGE };
  const others = (ces.status?.conditions ?? []).filter((condition) => condition.type !== 'Ready');
  const status: ClusterExternalSecretStatus = {
    externalSecretName: result.externalSecretName,
    conditions: [...others, ready],
  };
  if (result.provisioned.length > 0) status.provisionedNamespaces = [...result.provisioned].sort();
  if (failedNamespaces.length > 0) status.failedNamespaces = failedNamespaces;
  return status;
}

/** Writes `status` unless it equals the current one; a deleted CES is ignored. Returns whether it wrote. */
export async function writeCesStatus(
  kube: KubeClient,
  ces: ClusterExternalSecret,
  status: ClusterExternalSecretStatus,
): Promise<boolean> {
  if (canonicalJsonOf(ces.status ?? {}) === canonicalJsonOf(status)) return false;
  const patch = {
    status: {
      externalSecretName: status.externalSecretName ?? null,
      provisionedNamespaces: status.provisionedNamespaces ?? null,
      failedNamespaces: status.failedNamespaces ?? null,
      conditions: status.conditions ?? null,
    },
  };
  try {
    await kube.patchStatus(
      { apiVersion: ces.apiVersion, kind: ces.kind, name: ces.metadata.name ?? '' },
      patch,
      'merge',
    );
    return true;
  } catch (error) {
    if (error instanceof KubeApiError && error.isNotFound) return false;
    throw error;
  }
}
