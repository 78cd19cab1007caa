/**
 * Step: write the target Secret per `creationPolicy` (ESO B.4, B.6, B.10), and nothing when nothing
 * changed.
 *
 * | policy        | Secret missing                      | Secret exists                 |
 * |---------------|-------------------------------------|-------------------------------|
 * | Owner         | create (controller ref, created-by) | update, becoming its controller |
 * | Orphan        | create                              | update                        |
 * | Merge         | nothing: `missing` (SecretMissing)  | update, other keys kept       |
 * | CreateOrMerge | create                              | update, other keys kept       |
 * | None          | nothing                             | nothing                       |
 *
 * Every written Secret carries the managed label, the data-hash annotation and Tessera's
 * managed-fields record. The informer cache only holds managed Secrets, so a Secret missing from it
 * may still exist unlabelled: creation that meets AlreadyExists reads the live object and updates it
 * (adoption), and Merge reads the live object before deciding it is missing. The desired state is
 * rendered from whichever version of the Secret is finally written over, so foreign keys, labels and
 * annotations of an adopted Secret are kept. An immutable Secret only
 * gets its metadata updated; a data or type change fails with {@link TargetImmutableError}.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import { KubeApiError, type KubeClient, type SecretObject } from '../../kube/kube-port.js';
import { toWireData } from './byte-map.js';
import { TargetImmutableError } from './external-secret-errors.js';
import { secretKeyOf, type ExternalSecretSettings } from './load.js';
import { withManagedFields } from './managed-fields.js';
import { dataHash } from './object-hash.js';
import type { DesiredTarget } from './render-target.js';
import { sameSecret, sameSecretContent } from './secret-equality.js';
import {
  ANNOTATION_DATA_HASH,
  ANNOTATION_MANAGED_FIELDS,
  LABEL_CREATED_BY,
  LABEL_MANAGED,
  LABEL_MANAGED_VALUE,
  createdByValue,
  fieldManagerFor,
} from './target-bookkeeping.js';
import { ownerReferencesFor } from './target-ownership.js';

/** What {@link applyTargetSecret} did. */
export type ApplyResult =
  | { readonly kind: 'created'; readonly secret: SecretObject }
  | { readonly kind: 'updated'; readonly secret: SecretObject; readonly previous: SecretObject }
  | { readonly kind: 'unchanged'; readonly secret: SecretObject }
  /** creationPolicy=Merge and the Secret does not exist. */
  | { readonly kind: 'missing' }
  /** creationPolicy=None. */
  | { readonly kind: 'skipped' };

/** Receives every write, so the next reconcile can read its own writes. */
export interface SecretWriteLog {
  record(key: string, previous: SecretObject | undefined, result: SecretObject | undefined): void;
}

/** Options of {@link applyTargetSecret}. */
export interface ApplyTargetSecretOptions {
  readonly es: ExternalSecret;
  readonly settings: ExternalSecretSettings;
  /** Computes the desired target over the Secret as it exists (see `render-target.ts`). */
  readonly render: (existing: SecretObject | undefined) => Promise<DesiredTarget>;
  /** The target as cached (managed Secrets only); undefined when the cache does not hold it. */
  readonly existing: SecretObject | undefined;
  readonly kube: KubeClient;
  /** @default none */
  readonly writes?: SecretWriteLog;
}

/** Options of {@link buildTargetSecret}. */
export interface BuildTargetSecretOptions {
  readonly es: ExternalSecret;
  readonly settings: ExternalSecretSettings;
  readonly desired: DesiredTarget;
  /** The Secret written over; its other fields are kept. */
  readonly existing: SecretObject | undefined;
}

/** The Secret object this ExternalSecret wants: the desired target plus bookkeeping and ownership. */
export function buildTargetSecret(options: BuildTargetSecretOptions): SecretObject {
  const { es, settings, desired, existing } = options;
  const namespace = es.metadata.namespace ?? '';
  const esName = es.metadata.name ?? '';
  const labels: Record<string, string> = { ...desired.labels, [LABEL_MANAGED]: LABEL_MANAGED_VALUE };
  if (settings.creationPolicy === 'Owner') labels[LABEL_CREATED_BY] = createdByValue(namespace, esName);
  else if (LABEL_CREATED_BY in labels) delete labels[LABEL_CREATED_BY];
  const annotations = withManagedFields(desired.annotations, esName, desired.managed);
  annotations[ANNOTATION_DATA_HASH] = dataHash(desired.data);
  const finalizers = [...(existing?.metadata.finalizers ?? [])];
  if (!existing?.metadata.deletionTimestamp) {
    for (const finalizer of desired.finalizers)
      if (!finalizers.includes(finalizer)) finalizers.push(finalizer);
  }
  const ownerReferences = ownerReferencesFor({ es, owner: settings.creationPolicy === 'Owner', existing });
  const secret: SecretObject = {
    ...(existing ?? {}),
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { ...(existing?.metadata ?? {}), name: settings.targetName, namespace, labels, annotations },
    data: toWireData(desired.data),
  };
  if ('stringData' in secret) delete secret.stringData;
  setOptional(secret.metadata, 'ownerReferences', ownerReferences.length > 0 ? ownerReferences : undefined);
  setOptional(secret.metadata, 'finalizers', finalizers.length > 0 ? finalizers : undefined);
  setOptional(secret, 'type', desired.type);
  setOptional(secret, 'immutable', settings.immutable ? true : existing?.immutable);
  return secret;
}

/** Sets or removes `key` (deleting only what is there: a delete turns a V8 object into a slow dictionary). */
function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
  else if (key in target) delete target[key];
}

async function readLive(options: ApplyTargetSecretOptions): Promise<SecretObject | undefined> {
  const { es, settings, kube } = options;
  return kube.get<SecretObject>({
    apiVersion: 'v1',
    kind: 'Secret',
    name: settings.targetName,
    namespace: es.metadata.namespace,
  });
}

function writeKey(options: ApplyTargetSecretOptions): string {
  return secretKeyOf(options.es.metadata.namespace ?? '', options.settings.targetName);
}

async function wantedOver(
  options: ApplyTargetSecretOptions,
  existing: SecretObject | undefined,
): Promise<SecretObject> {
  const desired = await options.render(existing);
  return buildTargetSecret({ es: options.es, settings: options.settings, desired, existing });
}

async function create(options: ApplyTargetSecretOptions): Promise<ApplyResult> {
  const wanted = await wantedOver(options, undefined);
  try {
    const secret = await options.kube.create(wanted, {
      fieldManager: fieldManagerFor(options.es.metadata.name ?? ''),
    });
    options.writes?.record(writeKey(options), undefined, secret);
    return { kind: 'created', secret };
  } catch (error) {
    if (!(error instanceof KubeApiError && error.isAlreadyExists)) throw error;
  }
  const live = await readLive(options);
  if (!live)
    throw new KubeApiError(
      `Secret "${options.settings.targetName}" vanished while being adopted; retrying`,
      409,
      'Conflict',
    );
  return update(options, live);
}

/** For an immutable Secret: its own data, type and hash, with the wanted metadata. */
function metadataOnly(existing: SecretObject, wanted: SecretObject): SecretObject {
  const annotations = { ...(wanted.metadata.annotations ?? {}) };
  annotations[ANNOTATION_DATA_HASH] = existing.metadata.annotations?.[ANNOTATION_DATA_HASH] ?? '';
  const recorded = existing.metadata.annotations?.[ANNOTATION_MANAGED_FIELDS];
  if (recorded === undefined) delete annotations[ANNOTATION_MANAGED_FIELDS];
  else annotations[ANNOTATION_MANAGED_FIELDS] = recorded;
  return { ...existing, metadata: { ...wanted.metadata, annotations } };
}

async function update(options: ApplyTargetSecretOptions, existing: SecretObject): Promise<ApplyResult> {
  const wanted = await wantedOver(options, existing);
  if (sameSecret(existing, wanted)) return { kind: 'unchanged', secret: existing };
  const fieldManager = fieldManagerFor(options.es.metadata.name ?? '');
  if (existing.immutable === true && !sameSecretContent(existing, wanted)) {
    const metadata = metadataOnly(existing, wanted);
    if (!sameSecret(existing, metadata)) {
      options.writes?.record(
        writeKey(options),
        existing,
        await options.kube.update(metadata, { fieldManager }),
      );
    }
    throw new TargetImmutableError(
      `Secret "${options.settings.targetName}" is immutable and its data or type would change; ` +
        'delete the Secret to have it recreated, or set spec.target.immutable to false',
    );
  }
  const secret = await options.kube.update(wanted, { fieldManager });
  options.writes?.record(writeKey(options), existing, secret);
  return { kind: 'updated', secret, previous: existing };
}

/** Creates, updates or leaves the target Secret per creationPolicy; see the module comment. */
export async function applyTargetSecret(options: ApplyTargetSecretOptions): Promise<ApplyResult> {
  const policy = options.settings.creationPolicy;
  if (policy === 'None') return { kind: 'skipped' };
  if (options.existing) return update(options, options.existing);
  if (policy !== 'Merge') return create(options);
  const live = await readLive(options);
  return live ? update(options, live) : { kind: 'missing' };
}
