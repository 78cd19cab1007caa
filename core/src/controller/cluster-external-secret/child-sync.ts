/**
 * Creating, updating and deleting the child ExternalSecrets of a ClusterExternalSecret. Reads are
 * live (not cached) so ownership is decided on the current object; writes use optimistic
 * concurrency (resourceVersion on update, uid precondition on delete).
 */
import type { ClusterExternalSecret } from '../../api/v1/cluster-external-secret.js';
import { API_VERSION_V1 } from '../../api/v1/constants.js';
import type { ExternalSecret } from '../../api/v1/external-secret.js';
import type { KubeClient } from '../../kube/kube-port.js';
import { KubeApiError } from '../../kube/kube-port.js';
import { childDiffers, desiredChild, isOwnedByClusterExternalSecret } from './child-external-secret.js';

/** ESO's reason when an ExternalSecret of that name exists and belongs to someone else. */
export const NOT_OWNED_REASON = 'external secret already exists in namespace';

/** Provisioning one namespace: success, or a failure reason (conflicts are retried at once). */
export type NamespaceOutcome =
  { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly conflict: boolean };

/** Creates or updates the child in `namespace`; never adopts an ExternalSecret the CES does not own. */
export async function provisionNamespace(
  kube: KubeClient,
  ces: ClusterExternalSecret,
  namespace: string,
  name: string,
): Promise<NamespaceOutcome> {
  try {
    const existing = await kube.get<ExternalSecret>({
      apiVersion: API_VERSION_V1,
      kind: 'ExternalSecret',
      name,
      namespace,
    });
    if (existing && !isOwnedByClusterExternalSecret(existing, ces.metadata.name ?? '')) {
      return { ok: false, reason: NOT_OWNED_REASON, conflict: false };
    }
    const desired = desiredChild(ces, namespace, name, existing);
    if (!existing) await kube.create(desired);
    else if (childDiffers(existing, desired)) await kube.update(desired);
    return { ok: true };
  } catch (error) {
    const conflict = error instanceof KubeApiError && error.code === 409;
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `could not create or update ExternalSecret: ${detail}`, conflict };
  }
}

/** Deletes the child named `name` in `namespace` if this CES controls it; anything else is left alone. */
export async function deleteOwnedChild(
  kube: KubeClient,
  cesName: string,
  namespace: string,
  name: string,
): Promise<void> {
  const existing = await kube.get<ExternalSecret>({
    apiVersion: API_VERSION_V1,
    kind: 'ExternalSecret',
    name,
    namespace,
  });
  if (!existing || !isOwnedByClusterExternalSecret(existing, cesName)) return;
  await kube.delete(
    { apiVersion: API_VERSION_V1, kind: 'ExternalSecret', name, namespace },
    { uid: existing.metadata.uid },
  );
}

/** Deletes owned children in each namespace; returns namespace → reason for the ones that failed. */
export async function deleteOwnedChildren(
  kube: KubeClient,
  cesName: string,
  namespaces: readonly string[],
  name: string,
): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  for (const namespace of namespaces) {
    try {
      await deleteOwnedChild(kube, cesName, namespace, name);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      failed.set(namespace, `external secret in non matching namespace could not be deleted: ${detail}`);
    }
  }
  return failed;
}
