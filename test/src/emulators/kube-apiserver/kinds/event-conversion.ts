import type { KubeObject } from '../api/kube-object.js';
import type { ObjectConversion } from '../api/resource-type.js';

/** events.k8s.io/v1 field ↔ core/v1 field. */
const RENAMES: ReadonlyArray<[string, string]> = [
  ['regarding', 'involvedObject'],
  ['note', 'message'],
  ['reportingController', 'reportingComponent'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
];

function rename(obj: KubeObject, pairs: ReadonlyArray<[string, string]>, apiVersion: string): KubeObject {
  const out: KubeObject = { ...obj, apiVersion, kind: 'Event' };
  for (const [from, to] of pairs) {
    if (from in out) {
      const v = out[from];
      delete out[from];
      if (v !== undefined) out[to] = v;
    }
  }
  return out;
}

/** Both Event APIs share one storage (core/v1 shape), as in Kubernetes. */
export const eventsV1Conversion: ObjectConversion = {
  toStorage: (obj) => rename(obj, RENAMES, 'v1'),
  fromStorage: (obj) =>
    rename(
      obj,
      RENAMES.map(([a, b]) => [b, a]),
      'events.k8s.io/v1',
    ),
};
