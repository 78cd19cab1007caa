/**
 * Step: delete Secrets this ExternalSecret created under an earlier target name (ESO B.4, "orphan
 * cleanup"), so renaming `spec.target.name` does not leave the old Secret behind.
 *
 * Runs for creationPolicy=Owner. A Secret is an orphan when it carries this ExternalSecret's
 * `created-by` label and its name is not the current target. Candidates come from the managed-Secret
 * cache (every Secret we create carries the managed label), so finding none costs no API call; with a
 * {@link CreatedByIndex} it costs no scan either.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { KubeClient, ObjectCache, SecretObject } from '../../kube/kube-port.js';
import type { SecretWriteLog } from './apply-target-secret.js';
import type { CreatedByIndex } from './created-by-index.js';
import { secretKeyOf, type ExternalSecretSettings } from './load.js';
import { LABEL_CREATED_BY, createdByValue } from './target-bookkeeping.js';

/** Options of {@link cleanupOrphans}. */
export interface CleanupOrphansOptions {
  readonly es: ExternalSecret;
  readonly settings: ExternalSecretSettings;
  /** Cache of managed Secrets. */
  readonly secrets: Pick<ObjectCache<SecretObject>, 'list'>;
  /** The same Secrets indexed by `created-by`. @default a scan of `secrets.list(namespace)` */
  readonly createdBy?: Pick<CreatedByIndex, 'createdBy'>;
  readonly kube: KubeClient;
  /** @default none */
  readonly writes?: SecretWriteLog;
}

/** Deletes orphaned Secrets; resolves with the names deleted (for events). */
export async function cleanupOrphans(options: CleanupOrphansOptions): Promise<string[]> {
  const { es, settings } = options;
  if (settings.creationPolicy !== 'Owner') return [];
  const namespace = es.metadata.namespace ?? '';
  const owner = createdByValue(namespace, es.metadata.name ?? '');
  const candidates =
    options.createdBy?.createdBy(namespace, owner) ??
    options.secrets.list(namespace).filter((secret) => secret.metadata.labels?.[LABEL_CREATED_BY] === owner);
  const orphans = candidates.filter((secret) => secret.metadata.name !== settings.targetName);
  for (const orphan of orphans) {
    const name = orphan.metadata.name ?? '';
    await options.kube.delete(
      { apiVersion: 'v1', kind: 'Secret', name, namespace },
      { uid: orphan.metadata.uid },
    );
    options.writes?.record(secretKeyOf(namespace, name), orphan, undefined);
  }
  return orphans.map((orphan) => orphan.metadata.name ?? '');
}
