import { randomUUID } from 'node:crypto';
import { alreadyExists, ApiError, invalid } from '../api/api-error.js';
import { nowTimestamp, type KubeObject } from '../api/kube-object.js';
import { hasSubresource, type ResourceType, type WriteContext } from '../api/resource-type.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { StoredObject } from '../storage/stored-object.js';
import { applyRequestNamespace } from './body-checks.js';
import { dropEmptyMetadata } from './metadata-normalise.js';
import { validateObjectMeta } from './metadata-validation.js';
import { admitNamespacedCreate } from './namespace-admission.js';
import { groupKindOf, groupResourceOf } from './render.js';
import type { WriteOptions } from './write-options.js';

const NAME_SUFFIX_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

function generatedName(prefix: string): string {
  let s = prefix;
  for (let i = 0; i < 5; i++) s += NAME_SUFFIX_CHARS[Math.floor(Math.random() * NAME_SUFFIX_CHARS.length)];
  return s;
}

/** Resets the fields only the server sets. */
function fillSystemFields(type: ResourceType, obj: KubeObject): void {
  const m = obj.metadata;
  m.uid = randomUUID();
  m.creationTimestamp = nowTimestamp();
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.managedFields;
  delete m.selfLink;
  if (type.strategy.hasGeneration) m.generation = 1;
  else delete m.generation;
}

/**
 * The create pipeline (POST): namespace and name rules, NamespaceLifecycle admission, kind strategy, validation,
 * then storage. `obj` is the decoded body, already type-checked; it is mutated.
 */
export function createObject(
  store: ObjectStore,
  type: ResourceType,
  namespace: string | undefined,
  obj: KubeObject,
  options: WriteOptions = {},
): StoredObject | KubeObject {
  if (obj.metadata.resourceVersion) {
    throw new ApiError(
      500,
      'InternalError',
      'Internal error occurred: resourceVersion should not be set on objects to be created',
      {
        causes: [{ message: 'resourceVersion should not be set on objects to be created' }],
      },
    );
  }
  applyRequestNamespace(type, obj, namespace);
  if (!obj.metadata.name && obj.metadata.generateName)
    obj.metadata.name = generatedName(obj.metadata.generateName);
  const ns = obj.metadata.namespace ?? '';
  const name = obj.metadata.name ?? '';
  if (name) admitNamespacedCreate(store, type, ns, name);
  type.strategy.admit?.('create', obj);
  fillSystemFields(type, obj);
  if (hasSubresource(type, 'status')) delete obj.status;
  const ctx: WriteContext = {
    verb: 'create',
    fieldValidation: options.fieldValidation ?? 'Warn',
    warnings: options.warnings ?? [],
    type,
  };
  type.strategy.prepareForCreate?.(obj, ctx);
  dropEmptyMetadata(obj);
  const errors = [
    ...validateObjectMeta(obj, type.strategy.nameRule ?? 'subdomain'),
    ...(type.strategy.validate?.(obj, undefined, ctx) ?? []),
  ];
  if (errors.length > 0) throw invalid(groupKindOf(type), name, errors);
  if (store.get(type.storageKey, ns, name)) throw alreadyExists(groupResourceOf(type), name);
  if (options.dryRun) return obj;
  return store.create(type.storageKey, type.conversion ? type.conversion.toStorage(obj) : obj);
}
