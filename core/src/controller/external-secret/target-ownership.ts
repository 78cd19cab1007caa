/**
 * Ownership of a target Secret (ESO B.4): with creationPolicy=Owner the ExternalSecret becomes the
 * Secret's controller (ownerReference with `controller: true`, so garbage collection removes the
 * Secret with it); with other policies a controller reference to this ExternalSecret is removed.
 * A Secret controlled by another ExternalSecret is never touched; one controlled by another kind
 * of controller cannot be taken over.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { OwnerReference, SecretObject } from '../../kube/kube-port.js';
import { TakeOwnershipError, TargetOwnedError } from './external-secret-errors.js';

const ES_GROUP = 'external-secrets.io';

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function isExternalSecretRef(ref: OwnerReference): boolean {
  return ref.kind === 'ExternalSecret' && groupOf(ref.apiVersion) === ES_GROUP;
}

/** The controller reference of a Secret, if any. */
export function controllerOf(secret: SecretObject | undefined): OwnerReference | undefined {
  return secret?.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

/** Whether the Secret's controller is this ExternalSecret (compared by kind and name, as ESO does). */
export function isControlledBy(secret: SecretObject | undefined, es: ExternalSecret): boolean {
  const controller = controllerOf(secret);
  return controller !== undefined && isExternalSecretRef(controller) && controller.name === es.metadata.name;
}

/** The controller reference this ExternalSecret puts on Secrets it owns. */
export function controllerReferenceTo(es: ExternalSecret): OwnerReference {
  return {
    apiVersion: es.apiVersion,
    kind: 'ExternalSecret',
    name: es.metadata.name ?? '',
    uid: es.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * The owner references the Secret should carry.
 * @throws TargetOwnedError when another ExternalSecret controls the Secret.
 * @throws TakeOwnershipError when another controller controls it and the policy is Owner.
 */
export function ownerReferencesFor(options: {
  readonly es: ExternalSecret;
  readonly owner: boolean;
  readonly existing: SecretObject | undefined;
}): OwnerReference[] {
  const { es, owner, existing } = options;
  const current = existing?.metadata.ownerReferences ?? [];
  const controller = controllerOf(existing);
  const secretName = existing?.metadata.name ?? '';
  if (controller && isExternalSecretRef(controller) && controller.name !== es.metadata.name) {
    throw new TargetOwnedError(
      `Secret "${secretName}" is controlled by ExternalSecret "${controller.name}"; ` +
        'choose another spec.target.name or remove the other ExternalSecret',
    );
  }
  const ours = isControlledBy(existing, es);
  if (!owner) return current.filter((ref) => !(ours && ref === controller));
  if (controller && !ours) {
    throw new TakeOwnershipError(
      `Secret "${secretName}" is controlled by ${controller.kind} "${controller.name}"; ` +
        'use creationPolicy Merge to add keys to it, or choose another spec.target.name',
    );
  }
  const reference = controllerReferenceTo(es);
  return controller ? current.map((ref) => (ref === controller ? reference : ref)) : [...current, reference];
}
