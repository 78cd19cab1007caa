/**
 * Step: what to do when the provider returned no data at all — every entry was skipped as not found,
 * or a find matched nothing (ESO B.5). Only reached on a refresh, never after a failed read.
 *
 * - Retain (default): leave the Secret as it is; Ready=True `SecretSynced` "secret retained…".
 * - Delete: delete the Secret (creationPolicy must be Owner); Ready=True `SecretDeleted`.
 *   Tessera deletes only a Secret this ExternalSecret controls, so a Secret it never adopted is safe.
 * - Merge: carry on; the normal update removes this ExternalSecret's keys and keeps the Secret.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { KubeClient, SecretObject } from '../../kube/kube-port.js';
import type { SecretWriteLog } from './apply-target-secret.js';
import type { ByteMap } from './byte-map.js';
import { InvalidSpecError } from './external-secret-errors.js';
import { secretKeyOf, type ExternalSecretSettings } from './load.js';
import { isControlledBy } from './target-ownership.js';

/** What {@link handleDeletionPolicy} decided. */
export type DeletionOutcome =
  /** Data is present, or deletionPolicy=Merge: apply the target as usual. */
  | { readonly kind: 'continue' }
  /** deletionPolicy=Retain and no data: the Secret is left untouched. */
  | { readonly kind: 'retained' }
  /** deletionPolicy=Delete and no data: the Secret is gone (`deleted` tells whether we removed it now). */
  | { readonly kind: 'deleted'; readonly deleted: boolean };

/** Options of {@link handleDeletionPolicy}. */
export interface HandleDeletionPolicyOptions {
  readonly es: ExternalSecret;
  readonly settings: ExternalSecretSettings;
  readonly providerData: Readonly<ByteMap>;
  /** The target as cached (managed Secrets only). */
  readonly existing: SecretObject | undefined;
  readonly kube: KubeClient;
  /** @default none */
  readonly writes?: SecretWriteLog;
}

/**
 * Applies deletionPolicy when the provider returned nothing.
 * @throws InvalidSpecError (terminal) for deletionPolicy=Delete without creationPolicy=Owner.
 */
export async function handleDeletionPolicy(options: HandleDeletionPolicyOptions): Promise<DeletionOutcome> {
  const { es, settings, existing } = options;
  if (Object.keys(options.providerData).length > 0) return { kind: 'continue' };
  switch (settings.deletionPolicy) {
    case 'Merge':
      return { kind: 'continue' };
    case 'Retain':
      return { kind: 'retained' };
    case 'Delete':
      break;
  }
  if (settings.creationPolicy !== 'Owner') {
    throw new InvalidSpecError(
      `unable to delete secret ${settings.targetName}: creationPolicy=${settings.creationPolicy} is not Owner; ` +
        'set creationPolicy to Owner or deletionPolicy to Retain',
    );
  }
  if (!existing || !isControlledBy(existing, es)) return { kind: 'deleted', deleted: false };
  await options.kube.delete(
    { apiVersion: 'v1', kind: 'Secret', name: settings.targetName, namespace: es.metadata.namespace },
    { uid: existing.metadata.uid },
  );
  options.writes?.record(secretKeyOf(es.metadata.namespace ?? '', settings.targetName), existing, undefined);
  return { kind: 'deleted', deleted: true };
}
