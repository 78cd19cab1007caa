/**
 * The end of every reconcile: status, Events and metrics for a success or a failure, and the error
 * the runner sees.
 *
 * A failure inside a step (a {@link SyncFailure}) sets Ready=False `SecretSyncedError` with ESO's
 * message followed by what failed, records a Warning `UpdateFailed` event, and rethrows the cause:
 * a TerminalError stops retries, a provider's RateLimitedError waits as the provider asked, anything
 * else backs off. A write conflict is retried without touching the status (ESO requeues the same way).
 * Status text passes through the redactor.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import { KubeApiError, type EventRecorder, type KubeClient } from '../../kube/kube-port.js';
import { noopLogger, type Logger } from '../../logging/logger.js';
import { RateLimitedError } from '../../provider/errors.js';
import { objectKeyOf, objectKeyToString, type ObjectKey, type ReconcileResult } from '../reconciler.js';
import { SyncFailure } from './external-secret-errors.js';
import type { ExternalSecretMetrics, ValueRedactor } from './external-secret-reconciler-options.js';
import type { ExternalSecretSettings, ReadYourWrites } from './load.js';
import { ExternalSecretEvents } from './record-events.js';
import { nextCheck } from './should-refresh.js';
import { nextStatus, writeStatus, type StatusChange } from './write-status.js';

/** Options of {@link OutcomeReporter}. */
export interface OutcomeReporterOptions {
  readonly kube: KubeClient;
  readonly events: EventRecorder;
  readonly written: ReadYourWrites<ExternalSecret>;
  readonly metrics?: ExternalSecretMetrics;
  readonly redactor?: ValueRedactor;
  readonly logger?: Logger;
  /** The ExternalSecret as known after our own writes; undefined once deleted (then no new metric series). */
  readonly current: (key: ObjectKey) => ExternalSecret | undefined;
  /** Monotonic seconds for durations. @default performance.now()/1000 */
  readonly seconds?: () => number;
}

/** Scrubs registered values from an error and its causes, in place (a provider might echo a value). */
function redactChain(error: Error, redactor: ValueRedactor | undefined): void {
  let current: unknown = error;
  for (let depth = 0; redactor && current instanceof Error && depth < 10; depth++) {
    current.message = redactor.redact(current.message);
    current = current.cause;
  }
}

/** The error the runner should see for a step's cause. */
function forRunner(cause: Error): Error {
  const inner = cause.cause;
  return inner instanceof RateLimitedError ? inner : cause;
}

function monotonicSeconds(): number {
  return performance.now() / 1000;
}

/** See the module comment. */
export class OutcomeReporter {
  private readonly logger: Logger;

  constructor(private readonly options: OutcomeReporterOptions) {
    this.logger = options.logger ?? noopLogger;
  }

  /**
   * Runs one reconcile, counting and timing it (`externalsecret_sync_calls_*`, `_reconcile_duration`)
   * and exporting the Ready condition as it stands afterwards (`externalsecret_status_condition`).
   */
  async measure(key: ObjectKey, run: () => Promise<ReconcileResult>): Promise<ReconcileResult> {
    const seconds = this.options.seconds ?? monotonicSeconds;
    const start = seconds();
    let failed = true;
    try {
      const result = await run();
      failed = false;
      return result;
    } finally {
      const es = this.options.current(key);
      const ready = es?.status?.conditions?.find((condition) => condition.type === 'Ready');
      if (es) {
        this.options.metrics?.recordSync(key, failed);
        this.options.metrics?.setReconcileDuration('externalsecret', key, seconds() - start);
      }
      if (ready?.status === 'True' || ready?.status === 'False') {
        this.options.metrics?.setCondition('externalsecret', key, 'Ready', ready.status);
      }
    }
  }

  /** Events about `es`, redacted. */
  eventsFor(es: ExternalSecret): ExternalSecretEvents {
    return new ExternalSecretEvents(this.options.events, es, this.options.redactor);
  }

  /** Writes the successful status (if it changed) and says when to look again. */
  async succeeded(
    es: ExternalSecret,
    settings: ExternalSecretSettings,
    change: StatusChange,
    started: Date,
  ): Promise<ReconcileResult> {
    const updated = await this.write(es, change, started);
    if (this.logger.isEnabled('debug'))
      this.logger.debug('external secret synced', { reason: change.reason });
    return nextCheck(updated ?? { ...es, status: nextStatus(es, change, started) }, settings, started);
  }

  /** Reports a failed reconcile and throws what the runner should see. */
  async failed(es: ExternalSecret, error: unknown, started: Date): Promise<never> {
    if (!(error instanceof SyncFailure)) throw error;
    const cause = error.cause;
    if (cause instanceof KubeApiError && cause.isConflict) throw cause;
    redactChain(error, this.options.redactor);
    this.eventsFor(es).updateFailed(cause);
    const message = `${error.conditionMessage}: ${cause.message}`;
    try {
      await this.write(es, { ready: false, reason: 'SecretSyncedError', message }, started);
    } catch (statusError) {
      this.logger.warn('could not write the ExternalSecret status', { err: statusError });
    }
    this.logger.info('external secret sync failed', {
      reason: 'reason' in cause ? cause.reason : cause.name,
      err: cause,
    });
    throw forRunner(cause);
  }

  private async write(
    es: ExternalSecret,
    change: StatusChange,
    started: Date,
  ): Promise<ExternalSecret | undefined> {
    const updated = await writeStatus({ kube: this.options.kube, es, change, now: started });
    if (updated) this.options.written.record(objectKeyToString(objectKeyOf(es)), es, updated);
    return updated;
  }
}
