/**
 * Runs a {@link Reconciler} over a {@link WorkQueue} with N workers and maps each outcome to a queue
 * action in one switch ({@link applyOutcome}). Stopping stops intake and waits for in-flight
 * reconciles; the queue itself (and whatever is queued) survives, so a runner can start again.
 */
import { RateLimitedError } from '../provider/errors.js';
import type { Logger } from '../logging/logger.js';
import { TerminalError, parseObjectKey, type ReconcileResult, type Reconciler } from './reconciler.js';
import type { WorkQueue } from './work-queue.js';

/** How one reconcile ended; the names are metric label values. */
export type ReconcileOutcome =
  | { readonly kind: 'success' }
  | { readonly kind: 'requeue_after'; readonly delayMs: number }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'terminal_error'; readonly error: TerminalError }
  | { readonly kind: 'throttled'; readonly delayMs: number; readonly error: RateLimitedError };

/** Receives one call per finished reconcile (metrics). */
export interface ReconcileObserver {
  reconciled(outcome: ReconcileOutcome['kind'], seconds: number): void;
}

/** Options of {@link ControllerRunner}. */
export interface ControllerRunnerOptions {
  /** Controller name for logs and metrics (e.g. `externalsecret`). */
  readonly name: string;
  readonly reconciler: Reconciler;
  readonly queue: WorkQueue;
  /** Parallel workers; one key is never reconciled by two at once. @default 1 */
  readonly concurrency?: number;
  /** Fraction of a requeue delay added at random so refreshes spread out. @default 0.05 */
  readonly requeueJitter?: number;
  /** @default no logging */
  readonly logger?: Logger;
  /** @default no metrics */
  readonly observer?: ReconcileObserver;
  /** Monotonic seconds for durations. @default performance.now()/1000 */
  readonly seconds?: () => number;
}

/** Turns what a reconcile returned or threw into an outcome. */
export function classifyOutcome(result: ReconcileResult | undefined, error?: unknown): ReconcileOutcome {
  if (error !== undefined) {
    if (error instanceof TerminalError) return { kind: 'terminal_error', error };
    if (error instanceof RateLimitedError) return { kind: 'throttled', delayMs: error.retryAfterMs, error };
    return { kind: 'error', error };
  }
  if (result === undefined || result === 'awaitChange') return { kind: 'success' };
  return { kind: 'requeue_after', delayMs: result.requeueAfter };
}

/** The one place outcomes become queue actions. */
export function applyOutcome(queue: WorkQueue, key: string, outcome: ReconcileOutcome, jitter = 0): void {
  switch (outcome.kind) {
    case 'success':
    case 'terminal_error':
      queue.forget(key);
      return;
    case 'requeue_after':
      queue.forget(key);
      queue.addAfter(key, outcome.delayMs, { priority: 'low', jitter });
      return;
    case 'throttled':
      queue.addAfter(key, Math.max(outcome.delayMs, 1), { priority: 'high' });
      return;
    case 'error':
      queue.addRateLimited(key);
      return;
  }
}

/** See the module comment. */
export class ControllerRunner {
  private abort: AbortController | undefined;
  private workers: Promise<void>[] = [];
  private readonly seconds: () => number;

  constructor(private readonly options: ControllerRunnerOptions) {
    this.seconds = options.seconds ?? (() => performance.now() / 1000);
  }

  get name(): string {
    return this.options.name;
  }

  get running(): boolean {
    return this.abort !== undefined;
  }

  /** Starts the workers (no-op when running). */
  start(): void {
    if (this.abort !== undefined) return;
    const abort = new AbortController();
    this.abort = abort;
    const count = Math.max(1, this.options.concurrency ?? 1);
    this.workers = Array.from({ length: count }, () => this.work(abort.signal));
    this.options.logger?.info('controller started', { controller: this.name, workers: count });
  }

  /** Stops taking keys and resolves once every in-flight reconcile has finished. */
  async stop(): Promise<void> {
    const abort = this.abort;
    if (abort === undefined) return;
    abort.abort();
    await Promise.all(this.workers);
    this.abort = undefined;
    this.workers = [];
    this.options.logger?.info('controller stopped', { controller: this.name });
  }

  private async work(signal: AbortSignal): Promise<void> {
    for (;;) {
      const key = await this.options.queue.get(signal);
      if (key === undefined) return;
      try {
        await this.processOne(key);
      } catch (error) {
        this.options.logger?.error('runner failed while handling an outcome', {
          controller: this.name,
          key,
          err: error,
        });
        this.options.queue.addRateLimited(key);
      } finally {
        this.options.queue.done(key);
      }
    }
  }

  /** Reconciles one key and applies the outcome. Never throws. */
  private async processOne(key: string): Promise<void> {
    const started = this.seconds();
    let outcome: ReconcileOutcome;
    try {
      outcome = classifyOutcome(await this.options.reconciler.reconcile(parseObjectKey(key)));
    } catch (error) {
      outcome = classifyOutcome(undefined, error ?? new Error('reconcile threw a nullish value'));
    }
    this.options.observer?.reconciled(outcome.kind, Math.max(0, this.seconds() - started));
    this.log(key, outcome);
    applyOutcome(this.options.queue, key, outcome, this.options.requeueJitter ?? 0.05);
  }

  private log(key: string, outcome: ReconcileOutcome): void {
    const logger = this.options.logger;
    if (logger === undefined) return;
    const fields = { controller: this.name, key };
    switch (outcome.kind) {
      case 'error':
        logger.error('reconcile failed, will retry', {
          ...fields,
          retries: this.options.queue.retries(key),
          err: outcome.error,
        });
        return;
      case 'terminal_error':
        logger.warn('reconcile failed until the object changes', {
          ...fields,
          reason: outcome.error.reason,
          err: outcome.error,
        });
        return;
      case 'throttled':
        logger.warn('reconcile throttled by the backend', { ...fields, retryAfterMs: outcome.delayMs });
        return;
      default:
        if (logger.isEnabled('debug')) logger.debug('reconciled', { ...fields, outcome: outcome.kind });
    }
  }
}
