import type { KubeObject } from '../api/kube-object.js';
import type { PrinterColumn } from '../api/resource-type.js';
import { AGE_COLUMN, column, NAME_COLUMN, pick } from './common-columns.js';
import { ageOf } from './human-duration.js';

const count = (v: unknown): number => (v && typeof v === 'object' ? Object.keys(v).length : 0);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function podTemplateColumns(): PrinterColumn[] {
  const containers = (o: KubeObject): Array<{ name?: string; image?: string }> =>
    (pick(o, 'spec.template.spec.containers') as Array<{ name?: string; image?: string }>) ?? [];
  return [
    column(
      'Containers',
      (o) =>
        containers(o)
          .map((c) => c.name ?? '')
          .join(','),
      { priority: 1 },
    ),
    column(
      'Images',
      (o) =>
        containers(o)
          .map((c) => c.image ?? '')
          .join(','),
      { priority: 1 },
    ),
  ];
}

function selectorText(o: KubeObject): string {
  const sel = (pick(o, 'spec.selector') ?? {}) as {
    matchLabels?: Record<string, string>;
    matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
  };
  const parts = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? [])
    parts.push(`${e.key} ${e.operator.toLowerCase()} (${(e.values ?? []).join(',')})`);
  return parts.length ? parts.join(',') : '<none>';
}

function eventObject(o: KubeObject): string {
  const ref = (o.involvedObject ?? {}) as { kind?: string; name?: string };
  return `${(ref.kind ?? '').toLowerCase()}/${ref.name ?? ''}`;
}

function eventLastSeen(o: KubeObject, now: number): string {
  const series = o.series as { lastObservedTime?: string } | undefined;
  return ageOf(
    series?.lastObservedTime ?? o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp,
    now,
  );
}

/** Server-side printer columns of the built-in kinds (kubernetes `pkg/printers/internalversion`). */
export const BUILTIN_COLUMNS: Record<string, readonly PrinterColumn[]> = {
  Namespace: [NAME_COLUMN, column('Status', (o) => pick(o, 'status.phase') ?? ''), AGE_COLUMN],
  Secret: [
    NAME_COLUMN,
    column('Type', (o) => o.type ?? ''),
    column('Data', (o) => count(o.data)),
    AGE_COLUMN,
  ],
  ConfigMap: [NAME_COLUMN, column('Data', (o) => count(o.data) + count(o.binaryData)), AGE_COLUMN],
  ServiceAccount: [
    NAME_COLUMN,
    column('Secrets', (o) => (Array.isArray(o.secrets) ? o.secrets.length : 0)),
    AGE_COLUMN,
  ],
  Lease: [NAME_COLUMN, column('Holder', (o) => pick(o, 'spec.holderIdentity') ?? ''), AGE_COLUMN],
  Event: [
    column('Last Seen', eventLastSeen),
    column('Type', (o) => o.type ?? ''),
    column('Reason', (o) => o.reason ?? ''),
    column('Object', eventObject),
    column('Subobject', (o) => pick(o, 'involvedObject.fieldPath') ?? '', { priority: 1 }),
    column(
      'Source',
      (o) =>
        [pick(o, 'source.component'), pick(o, 'source.host')].filter(Boolean).join(', ') ||
        String(o.reportingComponent ?? ''),
      { priority: 1 },
    ),
    column('Message', (o) => o.message ?? ''),
    column('First Seen', (o, now) => ageOf(o.firstTimestamp ?? o.eventTime, now), { priority: 1 }),
    column('Count', (o) => String(o.count ?? 1), { priority: 1 }),
    column('Name', (o) => o.metadata.name ?? '', { priority: 1 }),
  ],
  Deployment: [
    NAME_COLUMN,
    column('Ready', (o) => `${num(pick(o, 'status.readyReplicas'))}/${num(pick(o, 'spec.replicas'))}`),
    column('Up-to-date', (o) => num(pick(o, 'status.updatedReplicas')), { type: 'integer' }),
    column('Available', (o) => num(pick(o, 'status.availableReplicas')), { type: 'integer' }),
    AGE_COLUMN,
    ...podTemplateColumns(),
    column('Selector', selectorText, { priority: 1 }),
  ],
  StatefulSet: [
    NAME_COLUMN,
    column('Ready', (o) => `${num(pick(o, 'status.readyReplicas'))}/${num(pick(o, 'spec.replicas'))}`),
    AGE_COLUMN,
    ...podTemplateColumns(),
  ],
  DaemonSet: [
    NAME_COLUMN,
    column('Desired', (o) => num(pick(o, 'status.desiredNumberScheduled')), { type: 'integer' }),
    column('Current', (o) => num(pick(o, 'status.currentNumberScheduled')), { type: 'integer' }),
    column('Ready', (o) => num(pick(o, 'status.numberReady')), { type: 'integer' }),
    column('Up-to-date', (o) => num(pick(o, 'status.updatedNumberScheduled')), { type: 'integer' }),
    column('Available', (o) => num(pick(o, 'status.numberAvailable')), { type: 'integer' }),
    column('Node Selector', (o) => {
      const sel = (pick(o, 'spec.template.spec.nodeSelector') ?? {}) as Record<string, string>;
      return Object.keys(sel).length
        ? Object.entries(sel)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        : '<none>';
    }),
    AGE_COLUMN,
    ...podTemplateColumns(),
    column('Selector', selectorText, { priority: 1 }),
  ],
};
