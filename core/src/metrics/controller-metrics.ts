/** controller-runtime's controller and work-queue series, fed by the runner and queue observers. */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
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
  private readonly total: Counter<'controller' | 'result'>;
  private readonly errors: Counter<'controller'>;
  private readonly terminal: Counter<'controller'>;
  private readonly time: Histogram<'controller'>;
  private readonly depth: Gauge<'name'>;
  private readonly adds: Counter<'name'>;
  private readonly retries: Counter<'name'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.total = new Counter({
      name: 'controller_runtime_reconcile_total',
      help: 'Total number of reconciliations per controller',
      labelNames: ['controller', 'result'],
      registers,
    });
    this.errors = new Counter({
      name: 'controller_runtime_reconcile_errors_total',
      help: 'Total number of reconciliation errors per controller',
      labelNames: ['controller'],
      registers,
    });
    this.terminal = new Counter({
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
    this.depth = new Gauge({
      name: 'workqueue_depth',
      help: 'Current depth of workqueue',
      labelNames: ['name'],
      registers,
    });
    this.adds = new Counter({
      name: 'workqueue_adds_total',
      help: 'Total number of adds handled by workqueue',
      labelNames: ['name'],
      registers,
    });
    this.retries = new Counter({
      name: 'workqueue_retries_total',
      help: 'Total number of retries handled by workqueue',
      labelNames: ['name'],
      registers,
    });
  }

  /** Observers for the queue and runner of controller `name`. */
  forController(name: string): { queue: WorkQueueObserver; reconcile: ReconcileObserver } {
    return {
      queue: {
        depth: (depth) => this.depth.set({ name }, depth),
        added: () => this.adds.inc({ name }),
        retried: () => this.retries.inc({ name }),
      },
      reconcile: {
        reconciled: (outcome, seconds) => {
          this.total.inc({ controller: name, result: RESULT[outcome] });
          if (outcome !== 'success' && outcome !== 'requeue_after') this.errors.inc({ controller: name });
          if (outcome === 'terminal_error') this.terminal.inc({ controller: name });
          this.time.observe({ controller: name }, seconds);
        },
      },
    };
  }
}
