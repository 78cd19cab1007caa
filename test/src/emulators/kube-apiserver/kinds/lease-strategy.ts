import type { FieldError } from '../api/field-error.js';
import type { KubeObject } from '../api/kube-object.js';
import type { KindStrategy } from '../api/resource-type.js';

function validate(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as { leaseDurationSeconds?: unknown; leaseTransitions?: unknown };
  const errs: FieldError[] = [];
  if (
    spec.leaseDurationSeconds !== undefined &&
    spec.leaseDurationSeconds !== null &&
    !(Number(spec.leaseDurationSeconds) > 0)
  ) {
    errs.push({
      type: 'Invalid',
      field: 'spec.leaseDurationSeconds',
      value: spec.leaseDurationSeconds,
      detail: 'must be greater than 0',
    });
  }
  if (
    spec.leaseTransitions !== undefined &&
    spec.leaseTransitions !== null &&
    Number(spec.leaseTransitions) < 0
  ) {
    errs.push({
      type: 'Invalid',
      field: 'spec.leaseTransitions',
      value: spec.leaseTransitions,
      detail: 'must be greater than or equal to 0',
    });
  }
  return errs;
}

/** coordination.k8s.io/v1 Lease (leader election): positive durations, non-negative transitions. */
export const leaseStrategy: KindStrategy = { hasGeneration: false, allowUnconditionalUpdate: true, validate };
