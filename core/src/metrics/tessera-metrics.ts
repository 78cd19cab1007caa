/**
 * The operator's Prometheus metrics in one typed place, on a private prom-client registry. Names and
 * labels follow ESO (eso-behaviour.md E.1) so existing dashboards and alerts keep working; Tessera
 * adds `tessera_provider_calls_total` and `tessera_provider_call_duration_seconds`.
 * Labels never carry secret values: only object names, store names, provider keys and operations.
 */
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ProviderCallObserver } from '../provider/provider.js';
import type { ProviderCallLabels, ProviderCallRecorder } from '../provider/provider-call-recorder.js';
import { storeKeyOf } from '../provider/store-ref.js';
import { ControllerMetrics } from './controller-metrics.js';
import { DeferredCounter, type PendingCount } from './deferred-counter.js';
import {
  ObjectMetrics,
  type ConditionStatus,
  type MetricKind,
  type MetricObjectRef,
} from './object-metrics.js';

/** Options of {@link TesseraMetrics}. */
export interface TesseraMetricsOptions {
  /** @default a new Registry */
  readonly registry?: Registry;
  /** Also export process metrics (`process_resident_memory_bytes`, …). @default true */
  readonly processMetrics?: boolean;
}

/** See the module comment. Also the {@link ProviderCallRecorder} the client cache uses. */
export class TesseraMetrics implements ProviderCallRecorder {
  readonly registry: Registry;
  private readonly objects: ObjectMetrics;
  private readonly controllers: ControllerMetrics;
  private readonly esProviderCalls: DeferredCounter<'provider' | 'call' | 'status'>;
  private readonly providerCalls: DeferredCounter<'store' | 'provider' | 'operation' | 'outcome'>;
  private readonly providerDuration: Histogram<'store' | 'provider' | 'operation'>;
  private readonly leader: Gauge<'name'>;

  constructor(options: TesseraMetricsOptions = {}) {
    const registry = (this.registry = options.registry ?? new Registry());
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
    this.objects = new ObjectMetrics(registry);
    this.controllers = new ControllerMetrics(registry);
    this.esProviderCalls = new DeferredCounter({
      name: 'externalsecret_provider_api_calls_count',
      help: 'Number of API calls to secret providers',
      labelNames: ['provider', 'call', 'status'],
      registers: [registry],
    });
    this.providerCalls = new DeferredCounter({
      name: 'tessera_provider_calls_total',
      help: 'Remote provider calls by store, provider, operation and outcome',
      labelNames: ['store', 'provider', 'operation', 'outcome'],
      registers: [registry],
    });
    this.providerDuration = new Histogram({
      name: 'tessera_provider_call_duration_seconds',
      help: 'Duration of remote provider calls',
      labelNames: ['store', 'provider', 'operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.leader = new Gauge({
      name: 'leader_election_master_status',
      help: '1 while this replica holds the leader lease',
      labelNames: ['name'],
      registers: [registry],
    });
  }

  /** Counts one ExternalSecret sync (`externalsecret_sync_calls_total`, plus `_error` when it failed). */
  recordSync(ref: MetricObjectRef, failed: boolean): void {
    this.objects.recordSync(ref, failed);
  }

  /** Sets `<kind>_status_condition`: 1 for `status`, 0 for the opposite True/False series. */
  setCondition(kind: MetricKind, ref: MetricObjectRef, condition: string, status: ConditionStatus): void {
    this.objects.setCondition(kind, ref, condition, status);
  }

  /** Sets `<kind>_reconcile_duration` (nanoseconds, as ESO's gauge). */
  setReconcileDuration(kind: MetricKind, ref: MetricObjectRef, seconds: number): void {
    this.objects.setReconcileDuration(kind, ref, seconds);
  }

  /** Removes every series of a deleted object. */
  forgetObject(kind: MetricKind, ref: MetricObjectRef): void {
    this.objects.forget(kind, ref);
  }

  /** Marks whether this replica leads (`leader_election_master_status{name}`). */
  setLeader(name: string, leading: boolean): void {
    this.leader.set({ name }, leading ? 1 : 0);
  }

  /** Observers for one controller's queue and runner. */
  controller(name: string): ReturnType<ControllerMetrics['forController']> {
    return this.controllers.forController(name);
  }

  /** A {@link ProviderCallObserver} counting calls of one store's client. */
  observerFor(labels: ProviderCallLabels): ProviderCallObserver {
    const store = storeKeyOf(labels.store);
    const provider = labels.provider;
    const counts = new Map<string, Map<string, PendingCount<string>[]>>();
    const durations = new Map<string, Record<'store' | 'provider' | 'operation', string>>();
    const countsOf = (operation: string, outcome: string): PendingCount<string>[] => {
      let byOutcome = counts.get(operation);
      if (byOutcome === undefined) counts.set(operation, (byOutcome = new Map()));
      let series = byOutcome.get(outcome);
      if (series === undefined) {
        const status = outcome === 'success' ? 'success' : 'error';
        series = [
          this.providerCalls.series({ store, provider, operation, outcome }),
          this.esProviderCalls.series({ provider, call: operation, status }),
        ];
        byOutcome.set(outcome, series);
      }
      return series;
    };
    return {
      observe: ({ operation, outcome, seconds }) => {
        for (const series of countsOf(operation, outcome)) series.count++;
        let duration = durations.get(operation);
        if (duration === undefined) durations.set(operation, (duration = { store, provider, operation }));
        this.providerDuration.observe(duration, Math.max(0, seconds));
      },
    };
  }

  /** The exposition text for `/metrics`. */
  async render(): Promise<string> {
    return this.registry.metrics();
  }
}
