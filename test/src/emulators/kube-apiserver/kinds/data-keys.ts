import type { FieldError } from '../api/field-error.js';
import { jsonEqual } from '../api/kube-object.js';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** Validates the keys of a Secret/ConfigMap data map. */
export function validateDataKeys(field: string, data: unknown): FieldError[] {
  if (data === undefined || data === null) return [];
  if (typeof data !== 'object' || Array.isArray(data))
    return [{ type: 'TypeInvalid', field, value: data, detail: 'must be a map' }];
  const errs: FieldError[] = [];
  for (const key of Object.keys(data)) {
    if (!CONFIG_KEY.test(key) || key.length > 253)
      errs.push({ type: 'Invalid', field: `${field}[${key}]`, value: key, detail: CONFIG_KEY_MSG });
    else if (key === '.' || key === '..')
      errs.push({ type: 'Invalid', field: `${field}[${key}]`, value: key, detail: `must not be '${key}'` });
  }
  return errs;
}

/** The immutability rule shared by Secrets and ConfigMaps. */
export function validateImmutable(
  obj: Record<string, unknown>,
  old: Record<string, unknown>,
  fields: readonly string[],
): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (obj.immutable !== true)
    errs.push({
      type: 'Forbidden',
      field: 'immutable',
      detail: 'field is immutable when `immutable` is set',
    });
  for (const f of fields) {
    if (!jsonEqual(obj[f] ?? null, old[f] ?? null))
      errs.push({ type: 'Forbidden', field: f, detail: 'field is immutable when `immutable` is set' });
  }
  return errs;
}
