import type { FieldError } from '../api/field-error.js';
import type { KubeObject } from '../api/kube-object.js';
import type { KindStrategy } from '../api/resource-type.js';
import { qualifiedName } from '../objects/name-rules.js';

/** `legacyValidateEvent` for core/v1 writes. */
function validateCoreEvent(obj: KubeObject): FieldError[] {
  const refNs = ((obj.involvedObject ?? {}) as { namespace?: string }).namespace ?? '';
  const ns = obj.metadata.namespace ?? '';
  const mismatch: FieldError = {
    type: 'Invalid',
    field: 'involvedObject.namespace',
    value: refNs,
    detail: 'does not match event.namespace',
  };
  if (!obj.eventTime) {
    if (refNs === '' ? ns !== '' && ns !== 'default' : ns !== refNs) return [mismatch];
    return [];
  }
  const errs: FieldError[] = [];
  if (refNs === '' && ns !== 'default' && ns !== 'kube-system') errs.push(mismatch);
  if (typeof obj.reportingComponent !== 'string' || !obj.reportingComponent)
    errs.push({ type: 'Required', field: 'reportingComponent' });
  errs.push(
    ...requiredShort(obj, 'reportingInstance', 128),
    ...requiredShort(obj, 'action', 128),
    ...requiredShort(obj, 'reason', 128),
  );
  return errs;
}

function requiredShort(obj: KubeObject, field: string, max: number): FieldError[] {
  const v = obj[field];
  if (typeof v !== 'string' || v === '') return [{ type: 'Required', field }];
  return v.length > max
    ? [{ type: 'Invalid', field, value: '', detail: `can have at most ${max} characters` }]
    : [];
}

function validateEventsV1(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!obj.eventTime) errs.push({ type: 'Required', field: 'eventTime' });
  if (obj.type !== 'Normal' && obj.type !== 'Warning')
    errs.push({
      type: 'Invalid',
      field: 'type',
      value: '',
      detail: `has invalid value: ${String(obj.type ?? '')}`,
    });
  for (const f of [
    'deprecatedFirstTimestamp',
    'deprecatedLastTimestamp',
    'deprecatedCount',
    'deprecatedSource',
  ]) {
    const v = obj[f];
    if (v !== undefined && v !== null && v !== 0 && !(typeof v === 'object' && Object.keys(v).length === 0))
      errs.push({ type: 'Invalid', field: f, value: '', detail: 'needs to be unset' });
  }
  if (typeof obj.reportingController !== 'string' || !obj.reportingController)
    errs.push({ type: 'Required', field: 'reportingController' });
  else
    for (const p of qualifiedName(obj.reportingController))
      errs.push({ type: 'Invalid', field: 'reportingController', value: obj.reportingController, detail: p });
  errs.push(
    ...requiredShort(obj, 'reportingInstance', 128),
    ...requiredShort(obj, 'action', 128),
    ...requiredShort(obj, 'reason', 128),
  );
  if (typeof obj.note === 'string' && obj.note.length > 1024)
    errs.push({ type: 'TooLong', field: 'note', detail: 'may not be more than 1024 bytes' });
  const series = obj.series as { count?: number; lastObservedTime?: string } | undefined;
  if (series && (series.count ?? 0) < 2)
    errs.push({
      type: 'Invalid',
      field: 'series.count',
      value: series.count ?? 0,
      detail: 'should be at least 2',
    });
  return errs;
}

/** core/v1 Event: involvedObject must be in the event's namespace. */
export const coreEventStrategy: KindStrategy = {
  hasGeneration: false,
  allowUnconditionalUpdate: true,
  validate: (obj) => validateCoreEvent(obj),
};

/** events.k8s.io/v1 Event: the new-style required fields (eventTime, reportingController, action, reason, type). */
export const eventsV1Strategy: KindStrategy = {
  hasGeneration: false,
  allowUnconditionalUpdate: true,
  validate: (obj, old) => (old ? [] : validateEventsV1(obj)),
};
