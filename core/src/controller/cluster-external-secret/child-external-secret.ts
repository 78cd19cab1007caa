/**
 * The ExternalSecret a ClusterExternalSecret stamps into one namespace, as ESO builds it: the CES's
 * `externalSecretSpec`, labels and annotations from `externalSecretMetadata` (replacing the child's
 * own), the CES's `external-secrets.io/force-sync` annotation copied down, and a controller
 * ownerReference to the CES.
 */
import type { ClusterExternalSecret } from '../../api/v1/cluster-external-secret.js';
import { API_GROUP, API_VERSION_V1 } from '../../api/v1/constants.js';
import type { ExternalSecret } from '../../api/v1/external-secret.js';
import type { OwnerReference } from '../../kube/kube-port.js';
import { canonicalJsonOf } from './canonical-json.js';

/** Annotation whose change forces a sync; copied from the CES to its ExternalSecrets. */
export const FORCE_SYNC_ANNOTATION = 'external-secrets.io/force-sync';

/** Whether `es` is controlled by the ClusterExternalSecret named `cesName` (ESO compares group, kind and name). */
export function isOwnedByClusterExternalSecret(es: ExternalSecret, cesName: string): boolean {
  const controller = (es.metadata.ownerReferences ?? []).find((reference) => reference.controller === true);
  if (!controller) return false;
  const group = controller.apiVersion.includes('/') ? controller.apiVersion.split('/')[0] : '';
  return group === API_GROUP && controller.kind === 'ClusterExternalSecret' && controller.name === cesName;
}

/** The controller ownerReference pointing at `ces`. */
export function controllerReferenceTo(ces: ClusterExternalSecret): OwnerReference {
  return {
    apiVersion: API_VERSION_V1,
    kind: 'ClusterExternalSecret',
    name: ces.metadata.name ?? '',
    uid: ces.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * The desired child in `namespace`, starting from `existing` when there is one (so its
 * resourceVersion, status and non-controller ownerReferences are kept).
 */
export function desiredChild(
  ces: ClusterExternalSecret,
  namespace: string,
  name: string,
  existing?: ExternalSecret,
): ExternalSecret {
  const metadata = ces.spec.externalSecretMetadata ?? {};
  const annotations: Record<string, string> = { ...(metadata.annotations ?? {}) };
  const forceSync = ces.metadata.annotations?.[FORCE_SYNC_ANNOTATION];
  if (forceSync !== undefined) annotations[FORCE_SYNC_ANNOTATION] = forceSync;
  else delete annotations[FORCE_SYNC_ANNOTATION];
  const otherOwners = (existing?.metadata.ownerReferences ?? []).filter(
    (reference) => reference.controller !== true,
  );
  const base: ExternalSecret = existing
    ? structuredClone(existing)
    : { apiVersion: API_VERSION_V1, kind: 'ExternalSecret', metadata: { name, namespace }, spec: {} };
  base.metadata.labels = metadata.labels ? { ...metadata.labels } : undefined;
  base.metadata.annotations = Object.keys(annotations).length > 0 ? annotations : undefined;
  base.metadata.ownerReferences = [...otherOwners, controllerReferenceTo(ces)];
  base.spec = structuredClone(ces.spec.externalSecretSpec);
  if (!base.metadata.labels) delete base.metadata.labels;
  if (!base.metadata.annotations) delete base.metadata.annotations;
  return base;
}

/** Whether `desired` differs from `existing` in anything the CES controls. */
export function childDiffers(existing: ExternalSecret, desired: ExternalSecret): boolean {
  const controlled = (es: ExternalSecret) =>
    canonicalJsonOf([
      es.spec,
      es.metadata.labels ?? {},
      es.metadata.annotations ?? {},
      es.metadata.ownerReferences ?? [],
    ]);
  return controlled(existing) !== controlled(desired);
}
