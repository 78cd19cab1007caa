import type { FieldError } from '../api/field-error.js';
import { isJsonObject, type KubeObject } from '../api/kube-object.js';
import { labelValue, nameProblems, qualifiedName, type NameRule } from './name-rules.js';

const STANDARD_FINALIZERS = new Set([
  'kubernetes',
  'orphan',
  'foregroundDeletion',
  'customresourcecleanup.apiextensions.k8s.io',
]);
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

function validateStringMap(field: string, value: unknown, checkValue: boolean): FieldError[] {
  if (value === undefined || value === null) return [];
  if (!isJsonObject(value))
    return [{ type: 'TypeInvalid', field, value, detail: 'must be a map of string to string' }];
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(value)) {
    for (const p of qualifiedName(k)) errs.push({ type: 'Invalid', field, value: k, detail: p });
    if (typeof v !== 'string')
      errs.push({ type: 'TypeInvalid', field: `${field}.${k}`, value: v, detail: 'must be a string' });
    else if (checkValue)
      for (const p of labelValue(v)) errs.push({ type: 'Invalid', field, value: v, detail: p });
  }
  return errs;
}

function validateFinalizers(value: unknown): FieldError[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    return [
      { type: 'TypeInvalid', field: 'metadata.finalizers', value, detail: 'must be a list of strings' },
    ];
  const errs: FieldError[] = [];
  value.forEach((f, i) => {
    const field = `metadata.finalizers[${i}]`;
    if (typeof f !== 'string')
      return errs.push({ type: 'TypeInvalid', field, value: f, detail: 'must be a string' });
    for (const p of qualifiedName(f)) errs.push({ type: 'Invalid', field, value: f, detail: p });
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f))
      errs.push({
        type: 'Invalid',
        field,
        value: f,
        detail: 'name is neither a standard finalizer name nor is it fully qualified',
      });
    return undefined;
  });
  return errs;
}

function validateOwnerReferences(value: unknown): FieldError[] {
  if (value === undefined || value === null) return [];
  const field = 'metadata.ownerReferences';
  if (!Array.isArray(value)) return [{ type: 'TypeInvalid', field, value, detail: 'must be a list' }];
  const errs: FieldError[] = [];
  const required: Array<[string, string]> = [
    ['apiVersion', 'version must not be empty'],
    ['kind', 'kind must not be empty'],
    ['name', 'name must not be empty'],
    ['uid', 'uid must not be empty'],
  ];
  const controllers: string[] = [];
  for (const ref of value) {
    if (!isJsonObject(ref)) {
      errs.push({ type: 'TypeInvalid', field, value: ref, detail: 'must be an object' });
      continue;
    }
    for (const [key, msg] of required)
      if (!ref[key])
        errs.push({ type: 'Invalid', field: `${field}.${key}`, value: ref[key] ?? '', detail: msg });
    if (ref.controller === true) controllers.push(`${String(ref.kind)}/${String(ref.name)}`);
  }
  if (controllers.length > 1) {
    errs.push({
      type: 'Invalid',
      field,
      value,
      detail: `Only one reference can have Controller set to true. Found "true" in references for ${controllers.join(' and ')}`,
    });
  }
  return errs;
}

/** Validates `metadata` common to all kinds (name, labels, annotations, finalizers, ownerReferences). */
export function validateObjectMeta(obj: KubeObject, nameRule: NameRule): FieldError[] {
  const m = obj.metadata;
  const errs: FieldError[] = [];
  if (!m.name)
    errs.push({ type: 'Required', field: 'metadata.name', detail: 'name or generateName is required' });
  else
    for (const p of nameProblems(nameRule, m.name))
      errs.push({ type: 'Invalid', field: 'metadata.name', value: m.name, detail: p });
  errs.push(...validateStringMap('metadata.labels', m.labels, true));
  errs.push(...validateStringMap('metadata.annotations', m.annotations, false));
  if (isJsonObject(m.annotations)) {
    const size = Object.entries(m.annotations).reduce((n, [k, v]) => n + k.length + String(v).length, 0);
    if (size > MAX_ANNOTATIONS_BYTES)
      errs.push({
        type: 'TooLong',
        field: 'metadata.annotations',
        detail: `may not be more than ${MAX_ANNOTATIONS_BYTES} bytes`,
      });
  }
  errs.push(...validateFinalizers(m.finalizers));
  errs.push(...validateOwnerReferences(m.ownerReferences));
  return errs;
}

/** On an object being deleted, finalizers may only be removed. */
export function validateFinalizersWhileDeleting(obj: KubeObject, old: KubeObject): FieldError[] {
  if (!old.metadata.deletionTimestamp) return [];
  const before = new Set(old.metadata.finalizers ?? []);
  const added = (obj.metadata.finalizers ?? []).filter((f) => !before.has(f));
  if (added.length === 0) return [];
  const list = `[]string{${added.map((f) => JSON.stringify(f)).join(', ')}}`;
  return [
    {
      type: 'Forbidden',
      field: 'metadata.finalizers',
      detail: `no new finalizers can be added if the object is being deleted, found new finalizers ${list}`,
    },
  ];
}
