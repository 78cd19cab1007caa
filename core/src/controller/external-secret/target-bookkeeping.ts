/**
 * Names and values Tessera writes on target Secrets to keep track of them (ESO B.6), and the
 * ExternalSecret finalizer (B.1).
 *
 * ESO remembers which data keys, labels and annotations an ExternalSecret wrote through the API
 * server's `managedFields` (field manager `externalsecrets.external-secrets.io/<esName>`). Tessera's
 * kube port does not expose managedFields, so it records the same facts itself in the annotation
 * {@link ANNOTATION_MANAGED_FIELDS} (see `managed-fields.ts`). Only key names are stored there,
 * never values.
 */
import { metadataSha3_224Hex } from './object-hash.js';

/** Label marking a Secret as managed by an ExternalSecret; the managed-Secret informer selects on it. */
export const LABEL_MANAGED = 'reconcile.external-secrets.io/managed';
/** Value of {@link LABEL_MANAGED}. */
export const LABEL_MANAGED_VALUE = 'true';
/** Label holding sha3-224("<namespace>/<esName>") on Secrets created with creationPolicy=Owner. */
export const LABEL_CREATED_BY = 'reconcile.external-secrets.io/created-by';
/** Annotation holding the hash of the Secret's data as last written (drift detection). */
export const ANNOTATION_DATA_HASH = 'reconcile.external-secrets.io/data-hash';
/** Tessera's own record of the data keys, labels and annotations each ExternalSecret wrote. */
export const ANNOTATION_MANAGED_FIELDS = 'tessera.external-secrets.io/managed-fields';
/** Finalizer ESO puts on ExternalSecrets so deletionPolicy=Delete can remove the Secret. */
export const EXTERNAL_SECRET_FINALIZER = 'externalsecrets.external-secrets.io/externalsecret-cleanup';

const FIELD_MANAGER_PREFIX = 'externalsecrets.external-secrets.io/';
/** Longest field manager name we send as is; longer ones are hashed (as ESO does). */
const MAX_FIELD_MANAGER_NAME = 63;

/** The `created-by` label value for an ExternalSecret: sha3-224 hex of "<namespace>/<name>". */
export function createdByValue(namespace: string, name: string): string {
  return metadataSha3_224Hex(`${namespace}/${name}`);
}

/** The field manager used for writes on behalf of an ExternalSecret. */
export function fieldManagerFor(esName: string): string {
  const plain = `${FIELD_MANAGER_PREFIX}${esName}`;
  return plain.length <= MAX_FIELD_MANAGER_NAME
    ? plain
    : `${FIELD_MANAGER_PREFIX}${metadataSha3_224Hex(esName)}`;
}
