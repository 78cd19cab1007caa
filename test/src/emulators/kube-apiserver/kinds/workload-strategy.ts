import type { FieldError } from '../api/field-error.js';
import { isJsonObject, jsonEqual, type JsonObject, type KubeObject } from '../api/kube-object.js';
import type { KindStrategy } from '../api/resource-type.js';

type Kind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

const DEFAULTS: Record<Kind, JsonObject> = {
  Deployment: {
    replicas: 1,
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
  },
  StatefulSet: {
    replicas: 1,
    revisionHistoryLimit: 10,
    podManagementPolicy: 'OrderedReady',
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
  },
  DaemonSet: {
    revisionHistoryLimit: 10,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
  },
};

function applyDefaults(kind: Kind, obj: KubeObject): void {
  const spec: JsonObject = isJsonObject(obj.spec) ? obj.spec : {};
  for (const [k, v] of Object.entries(DEFAULTS[kind])) {
    const current = spec[k];
    const emptyStrategy = isJsonObject(current) && isJsonObject(v) && 'type' in v && !current.type;
    if (current === undefined || emptyStrategy) spec[k] = JSON.parse(JSON.stringify(v));
  }
  obj.spec = spec;
}

function validate(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const spec = (obj.spec ?? {}) as {
    selector?: { matchLabels?: Record<string, string> };
    template?: { metadata?: { labels?: Record<string, string> }; spec?: { containers?: unknown[] } };
  };
  const errs: FieldError[] = [];
  if (!spec.selector) errs.push({ type: 'Required', field: 'spec.selector' });
  const labels = spec.template?.metadata?.labels ?? {};
  const wanted = spec.selector?.matchLabels ?? {};
  if (spec.selector && Object.entries(wanted).some(([k, v]) => labels[k] !== v)) {
    errs.push({
      type: 'Invalid',
      field: 'spec.template.metadata.labels',
      value: labels,
      detail: '`selector` does not match template `labels`',
    });
  }
  if (!Array.isArray(spec.template?.spec?.containers) || spec.template.spec.containers.length === 0)
    errs.push({ type: 'Required', field: 'spec.template.spec.containers' });
  const oldSelector = (old?.spec as { selector?: unknown } | undefined)?.selector;
  if (old && !jsonEqual(oldSelector, spec.selector))
    errs.push({
      type: 'Invalid',
      field: 'spec.selector',
      value: spec.selector ?? null,
      detail: 'field is immutable',
    });
  return errs;
}

/** apps/v1 workloads, stored only (no pods): defaults, selector rules, generation, status subresource. */
export function workloadStrategy(kind: Kind): KindStrategy {
  return {
    hasGeneration: true,
    allowUnconditionalUpdate: true,
    prepareForCreate(obj) {
      applyDefaults(kind, obj);
      obj.status = {};
    },
    prepareForUpdate: (obj) => applyDefaults(kind, obj),
    validate,
  };
}
