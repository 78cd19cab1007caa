/**
 * controller-runtime's controller and work-queue series, fed by the runner and queue observers.
 * Counters and the depth gauge have one series per controller (and result), so their updates are
 * plain additions to numbers that reach prom-client when the registry is scraped (`collect`); only
 * the reconcile-time histogram is updated per reconcile.
 */
import { Gauge, Histogram, type Registry } from 'prom-client';
import { DeferredCounter, type PendingCount } from './deferred-counter.js';
import type { ReconcileObserver, ReconcileOutcome } from '../controller/runner.js';
import type { WorkQueueObserver } from '../controller/work-queue.js';

/** controller-runtime `result` label for each outcome. */
const RESULT: Record<ReconcileOutcome['kind'], string> = {
  success: 'success',
  requeue_after: 'requeue_after',
  error: 'error',
  terminal_error: 'error',
  throttled: 'error',
};

/** See the module comment. */
export class ControllerMetrics {
  private readonly total: DeferredCounter<'controller' | 'result'>;
  private readonly errors: DeferredCounter<'controller'>;
  private readonly terminal: DeferredCounter<'controller'>;
  private readonly time: Histogram<'controller'>;
  private readonly depths = new Map<string, number>();
  private readonly adds: DeferredCounter<'name'>;
  private readonly retries: DeferredCounter<'name'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.total = new DeferredCounter({
      name: 'controller_runtime_reconcile_total',
      help: 'Total number of reconciliations per controller',
      labelNames: ['controller', 'result'],
      registers,
    });
    this.errors = new DeferredCounter({
      name: 'controller_runtime_reconcile_errors_total',
      help: 'Total number of reconciliation errors per controller',
      labelNames: ['controller'],
      registers,
    });
    this.terminal = new DeferredCounter({
      name: 'controller_runtime_terminal_reconcile_errors_total',
      help: 'Total number of terminal reconciliation errors per controller',
      labelNames: ['controller'],
      registers,
    });
    this.time = new Histogram({
      name: 'controller_runtime_reconcile_time_seconds',
      help: 'Length of time per reconciliation per controller',
      labelNames: ['controller'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    const depths = this.depths;
    new Gauge({
      name: 'workqueue_depth',
      help: 'Current depth of workqueue',
      labelNames: ['name'],
      registers,
      collect() {
        for (const [name, depth] of depths) this.set({ name }, depth);
      },
    });
    this.adds = new DeferredCounter({
      name: 'workqueue_adds_total',
      help: 'Total number of adds handled by workqueue',
      labelNames: ['name'],
      registers,
    });
    this.retries = new DeferredCounter({
      name: 'workqueue_retries_total',
      help: 'Total number of retries handled by workqueue',
      labelNames: ['name'],
      registers,
    });
  }

  /** Observers for the queue and runner of controller `name`. */
  forController(name: string): { queue: WorkQueueObserver; reconcile: ReconcileObserver } {
    const adds = this.adds.series({ name });
    const retries = this.retries.series({ name });
    const results = new Map<string, PendingCount<'controller' | 'result'>>();
    for (const result of new Set(Object.values(RESULT)))
      results.set(result, this.total.series({ controller: name, result }));
    const errors = this.errors.series({ controller: name });
    const terminal = this.terminal.series({ controller: name });
    const time = { controller: name };
    return {
      queue: {
        depth: (depth) => this.depths.set(name, depth),
        added: () => adds.count++,
        retried: () => retries.count++,
      },
      reconcile: {
        reconciled: (outcome, seconds) => {
          (results.get(RESULT[outcome]) as PendingCount<'controller' | 'result'>).count++;
          if (outcome !== 'success' && outcome !== 'requeue_after') errors.count++;
          if (outcome === 'terminal_error') terminal.count++;
          this.time.observe(time, seconds);
        },
      },
    };
  }
}
