/** ESO's per-object series: sync counters, status-condition gauges and reconcile-duration gauges. */
import { Counter, Gauge, type Registry } from 'prom-client';

/** The kinds whose status conditions and durations are exported (metric name prefixes). */
export type MetricKind =
  | 'externalsecret'
  | 'secretstore'
  | 'clustersecretstore'
  | 'clusterexternalsecret'
  | 'pushsecret'
  | 'clusterpushsecret';

export const METRIC_KINDS: readonly MetricKind[] = [
  'externalsecret',
  'secretstore',
  'clustersecretstore',
  'clusterexternalsecret',
  'pushsecret',
  'clusterpushsecret',
];

/** Which object a series is about. Cluster-scoped objects have an empty namespace label. */
export interface MetricObjectRef {
  readonly name: string;
  readonly namespace?: string;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';

type ConditionLabels = 'name' | 'namespace' | 'condition' | 'status';

/** See the module comment. */
export class ObjectMetrics {
  private readonly syncCalls: Counter<'name' | 'namespace'>;
  private readonly syncErrors: Counter<'name' | 'namespace'>;
  private readonly conditions = new Map<MetricKind, Gauge<ConditionLabels>>();
  private readonly durations = new Map<MetricKind, Gauge<'name' | 'namespace'>>();
  /** Conditions set per object, so deletion can remove exactly those series. */
  private readonly seen = new Map<string, Set<string>>();

  constructor(registry: Registry) {
    const registers = [registry];
    this.syncCalls = new Counter({
      name: 'externalsecret_sync_calls_total',
      help: 'Total number of ExternalSecret reconciles',
      labelNames: ['name', 'namespace'],
      registers,
    });
    this.syncErrors = new Counter({
      name: 'externalsecret_sync_calls_error',
      help: 'Total number of ExternalSecret reconcile errors',
      labelNames: ['name', 'namespace'],
      registers,
    });
    for (const kind of METRIC_KINDS) {
      this.conditions.set(
        kind,
        new Gauge({
          name: `${kind}_status_condition`,
          help: `The status condition of a specific ${kind}`,
          labelNames: ['name', 'namespace', 'condition', 'status'],
          registers,
        }),
      );
      this.durations.set(
        kind,
        new Gauge({
          name: `${kind}_reconcile_duration`,
          help: `The duration time to reconcile the ${kind} (nanoseconds)`,
          labelNames: ['name', 'namespace'],
          registers,
        }),
      );
    }
  }

  recordSync(ref: MetricObjectRef, failed: boolean): void {
    const labels = { name: ref.name, namespace: ref.namespace ?? '' };
    this.syncCalls.inc(labels);
    if (failed) this.syncErrors.inc(labels);
  }

  setCondition(kind: MetricKind, ref: MetricObjectRef, condition: string, status: ConditionStatus): void {
    const gauge = this.conditions.get(kind) as Gauge<ConditionLabels>;
    const base = { name: ref.name, namespace: ref.namespace ?? '', condition };
    gauge.set({ ...base, status }, 1);
    for (const other of ['True', 'False'] as const)
      if (other !== status) gauge.set({ ...base, status: other }, 0);
    if (status !== 'Unknown') gauge.remove({ ...base, status: 'Unknown' });
    const id = objectId(kind, ref);
    let conditions = this.seen.get(id);
    if (conditions === undefined) this.seen.set(id, (conditions = new Set()));
    conditions.add(condition);
  }

  setReconcileDuration(kind: MetricKind, ref: MetricObjectRef, seconds: number): void {
    (this.durations.get(kind) as Gauge<'name' | 'namespace'>).set(
      { name: ref.name, namespace: ref.namespace ?? '' },
      Math.round(seconds * 1e9),
    );
  }

  forget(kind: MetricKind, ref: MetricObjectRef): void {
    const labels = { name: ref.name, namespace: ref.namespace ?? '' };
    const id = objectId(kind, ref);
    const gauge = this.conditions.get(kind) as Gauge<ConditionLabels>;
    for (const condition of this.seen.get(id) ?? []) {
      for (const status of ['True', 'False', 'Unknown']) gauge.remove({ ...labels, condition, status });
    }
    this.seen.delete(id);
    (this.durations.get(kind) as Gauge<'name' | 'namespace'>).remove(labels);
    if (kind === 'externalsecret') {
      this.syncCalls.remove(labels);
      this.syncErrors.remove(labels);
    }
  }
}

function objectId(kind: MetricKind, ref: MetricObjectRef): string {
  return `${kind}/${ref.namespace ?? ''}/${ref.name}`;
}
