/**
 * The ClusterExternalSecret finalizer (ESO's name): while present, deleting the CES first deletes
 * the ExternalSecrets it provisioned (ownerReference garbage collection would do it too, but only
 * eventually and not when the children were orphaned), then releases the CES.
 *
 * ESO also puts a per-CES finalizer on every target Namespace; Tessera does not, so that deleting a
 * namespace never waits on the operator being up (a deliberate difference).
 */
import type { ClusterExternalSecret } from '../../api/v1/cluster-external-secret.js';
import type { KubeClient } from '../../kube/kube-port.js';
import { KubeApiError } from '../../kube/kube-port.js';

/** ESO's ClusterExternalSecret finalizer. */
export const CES_FINALIZER = 'externalsecrets.external-secrets.io/clusterexternalsecret-cleanup';

/** Whether the CES carries the finalizer. */
export function hasCesFinalizer(ces: ClusterExternalSecret): boolean {
  return (ces.metadata.finalizers ?? []).includes(CES_FINALIZER);
}

/** Adds or removes the finalizer with a resourceVersion-guarded merge patch (409 ⇒ retry). */
export async function setCesFinalizer(
  kube: KubeClient,
  ces: ClusterExternalSecret,
  present: boolean,
): Promise<void> {
  const others = (ces.metadata.finalizers ?? []).filter((finalizer) => finalizer !== CES_FINALIZER);
  const finalizers = present ? [...others, CES_FINALIZER] : others;
  try {
    await kube.patch(
      { apiVersion: ces.apiVersion, kind: ces.kind, name: ces.metadata.name ?? '' },
      {
        metadata: {
          finalizers: finalizers.length > 0 ? finalizers : null,
          resourceVersion: ces.metadata.resourceVersion,
        },
      },
      'merge',
    );
  } catch (error) {
    if (error instanceof KubeApiError && error.isNotFound && !present) return;
    throw error;
  }
}
