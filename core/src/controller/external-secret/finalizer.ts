/**
 * Steps: the ExternalSecret finalizer (ESO B.1 steps 2–3).
 *
 * - {@link ensureFinalizer}: adds `externalsecrets.external-secrets.io/externalsecret-cleanup` with a
 *   merge patch (not an update) when it is missing;
 * - {@link finalizeDeletion}: when the ExternalSecret is being deleted, deletes its target Secret if
 *   `deletionPolicy: Delete` and this ExternalSecret controls it, then removes the finalizer.
 *
 * Patches carry the object's resourceVersion, so a concurrent change to the finalizer list is a
 * conflict (retried) rather than a lost update.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { KubeClient, ObjectCache, SecretObject } from '../../kube/kube-port.js';
import type { SecretWriteLog } from './apply-target-secret.js';
import { secretKeyOf, type ExternalSecretSettings } from './load.js';
import { EXTERNAL_SECRET_FINALIZER } from './target-bookkeeping.js';
import { isControlledBy } from './target-ownership.js';

function patchFinalizers(
  kube: KubeClient,
  es: ExternalSecret,
  finalizers: string[],
): Promise<ExternalSecret> {
  const { name = '', namespace, resourceVersion } = es.metadata;
  return kube.patch<ExternalSecret>(
    { apiVersion: es.apiVersion, kind: 'ExternalSecret', name, namespace },
    { metadata: { finalizers, resourceVersion } },
    'merge',
  );
}

/** Adds the finalizer when missing; resolves with the patched object, or undefined when nothing was written. */
export async function ensureFinalizer(
  kube: KubeClient,
  es: ExternalSecret,
): Promise<ExternalSecret | undefined> {
  const finalizers = es.metadata.finalizers ?? [];
  if (finalizers.includes(EXTERNAL_SECRET_FINALIZER)) return undefined;
  return patchFinalizers(kube, es, [...finalizers, EXTERNAL_SECRET_FINALIZER]);
}

/** Options of {@link finalizeDeletion}. */
export interface FinalizeDeletionOptions {
  readonly es: ExternalSecret;
  readonly settings: ExternalSecretSettings;
  readonly kube: KubeClient;
  /** Cache of managed Secrets. */
  readonly secrets: Pick<ObjectCache<SecretObject>, 'get'>;
  /** @default none */
  readonly writes?: SecretWriteLog;
}

/** Cleans up for a deleted ExternalSecret; resolves with whether the target Secret was deleted. */
export async function finalizeDeletion(options: FinalizeDeletionOptions): Promise<boolean> {
  const { es, settings, kube } = options;
  if (!(es.metadata.finalizers ?? []).includes(EXTERNAL_SECRET_FINALIZER)) return false;
  const namespace = es.metadata.namespace ?? '';
  const target = options.secrets.get(settings.targetName, namespace);
  const deleting = settings.deletionPolicy === 'Delete' && target !== undefined && isControlledBy(target, es);
  if (deleting) {
    await kube.delete(
      { apiVersion: 'v1', kind: 'Secret', name: settings.targetName, namespace },
      { uid: target.metadata.uid },
    );
    options.writes?.record(secretKeyOf(namespace, settings.targetName), target, undefined);
  }
  await patchFinalizers(
    kube,
    es,
    (es.metadata.finalizers ?? []).filter((finalizer) => finalizer !== EXTERNAL_SECRET_FINALIZER),
  );
  return deleting;
}
