import type { FieldError } from '../api/field-error.js';
import type { KubeObject } from '../api/kube-object.js';
import type { KindStrategy } from '../api/resource-type.js';
import { validateDataKeys, validateImmutable } from './data-keys.js';

function validate(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errs = [...validateDataKeys('data', obj.data), ...validateDataKeys('binaryData', obj.binaryData)];
  for (const key of Object.keys((obj.data ?? {}) as object)) {
    if (Object.prototype.hasOwnProperty.call(obj.binaryData ?? {}, key))
      errs.push({
        type: 'Invalid',
        field: `data[${key}]`,
        value: key,
        detail: 'duplicate of key present in binaryData',
      });
  }
  if (old) errs.push(...validateImmutable(obj, old, ['data', 'binaryData']));
  return errs;
}

/** ConfigMap: key rules and immutability. */
export const configMapStrategy: KindStrategy = {
  hasGeneration: false,
  allowUnconditionalUpdate: true,
  validate,
};
