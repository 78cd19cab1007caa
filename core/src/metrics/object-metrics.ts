/** ESO's per-object series: sync counters, status-condition gauges and reconcile-duration gauges. */
import type { Gauge, Registry } from 'prom-client';
import { ScrapedCounter, ScrapedGauge } from './scraped-series.js';

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
type ObjectLabels = 'name' | 'namespace';

/** What is exported about one object; read at each scrape. */
class ObjectState {
  /** Last status per condition type. */
  conditions: Record<string, ConditionStatus> | undefined;
  /** Last reconcile duration in nanoseconds. */
  durationNs: number | undefined;
  syncs = 0;
  syncErrors = 0;

  constructor(
    readonly name: string,
    readonly namespace: string,
  ) {}
}

/** The objects of one kind, by namespace and name (no key string is built per update). */
class ObjectTable {
  private readonly byNamespace = new Map<string, Map<string, ObjectState>>();

  /** The state of `ref`, created on first use. */
  state(ref: MetricObjectRef): ObjectState {
    const namespace = ref.namespace ?? '';
    let byName = this.byNamespace.get(namespace);
    if (byName === undefined) this.byNamespace.set(namespace, (byName = new Map()));
    let state = byName.get(ref.name);
    if (state === undefined) byName.set(ref.name, (state = new ObjectState(ref.name, namespace)));
    return state;
  }

  forget(ref: MetricObjectRef): void {
    const namespace = ref.namespace ?? '';
    const byName = this.byNamespace.get(namespace);
    byName?.delete(ref.name);
    if (byName?.size === 0) this.byNamespace.delete(namespace);
  }

  forEach(visit: (state: ObjectState) => void): void {
    for (const byName of this.byNamespace.values()) for (const state of byName.values()) visit(state);
  }
}

/**
 * See the module comment. Updates only touch a small per-object record; the prom-client series
 * are built from those records when the registry is scraped ({@link ScrapedGauge}), so a
 * reconcile hashes no labels.
 */
export class ObjectMetrics {
  private readonly tables = new Map<MetricKind, ObjectTable>();

  constructor(registry: Registry) {
    const registers = [registry];
    const externalSecrets = this.table('externalsecret');
    new ScrapedCounter<ObjectLabels>(
      {
        name: 'externalsecret_sync_calls_total',
        help: 'Total number of ExternalSecret reconciles',
        labelNames: ['name', 'namespace'],
        registers,
      },
      (counter) => externalSecrets.forEach((s) => s.syncs > 0 && counter.inc(labelsOf(s), s.syncs)),
    );
    new ScrapedCounter<ObjectLabels>(
      {
        name: 'externalsecret_sync_calls_error',
        help: 'Total number of ExternalSecret reconcile errors',
        labelNames: ['name', 'namespace'],
        registers,
      },
      (counter) => externalSecrets.forEach((s) => s.syncErrors > 0 && counter.inc(labelsOf(s), s.syncErrors)),
    );
    for (const kind of METRIC_KINDS) this.kindSeries(kind, registers);
  }

  recordSync(ref: MetricObjectRef, failed: boolean): void {
    const state = this.table('externalsecret').state(ref);
    state.syncs++;
    if (failed) state.syncErrors++;
  }

  /** `<kind>_status_condition`: 1 for `status`, 0 for the other of True/False; Unknown only while current. */
  setCondition(kind: MetricKind, ref: MetricObjectRef, condition: string, status: ConditionStatus): void {
    const state = this.table(kind).state(ref);
    (state.conditions ??= {})[condition] = status;
  }

  setReconcileDuration(kind: MetricKind, ref: MetricObjectRef, seconds: number): void {
    this.table(kind).state(ref).durationNs = Math.round(seconds * 1e9);
  }

  forget(kind: MetricKind, ref: MetricObjectRef): void {
    this.table(kind).forget(ref);
  }

  private table(kind: MetricKind): ObjectTable {
    let table = this.tables.get(kind);
    if (table === undefined) this.tables.set(kind, (table = new ObjectTable()));
    return table;
  }

  /** The condition and duration gauges of one kind, filled from its table at each scrape. */
  private kindSeries(kind: MetricKind, registers: Registry[]): void {
    const table = this.table(kind);
    new ScrapedGauge<ConditionLabels>(
      {
        name: `${kind}_status_condition`,
        help: `The status condition of a specific ${kind}`,
        labelNames: ['name', 'namespace', 'condition', 'status'],
        registers,
      },
      (gauge) => table.forEach((s) => setConditionSeries(gauge, s)),
    );
    new ScrapedGauge<ObjectLabels>(
      {
        name: `${kind}_reconcile_duration`,
        help: `The duration time to reconcile the ${kind} (nanoseconds)`,
        labelNames: ['name', 'namespace'],
        registers,
      },
      (gauge) => table.forEach((s) => s.durationNs !== undefined && gauge.set(labelsOf(s), s.durationNs)),
    );
  }
}

/** ESO's condition series of one object: True and False always (1 for the current status), Unknown while current. */
function setConditionSeries(gauge: Gauge<ConditionLabels>, state: ObjectState): void {
  for (const [condition, status] of Object.entries(state.conditions ?? {})) {
    const base = { name: state.name, namespace: state.namespace, condition };
    gauge.set({ ...base, status: 'True' }, status === 'True' ? 1 : 0);
    gauge.set({ ...base, status: 'False' }, status === 'False' ? 1 : 0);
    if (status === 'Unknown') gauge.set({ ...base, status: 'Unknown' }, 1);
  }
}

function labelsOf(state: ObjectState): Record<ObjectLabels, string> {
  return { name: state.name, namespace: state.namespace };
}
