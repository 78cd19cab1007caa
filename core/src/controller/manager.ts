/**
 * Runs controllers the way controller-runtime's manager does:
 * 1. `start()` starts every cache and resolves once all have synced (from then on `ready` is true);
 * 2. with leader election, controllers run only while this replica holds the Lease; without it, at once;
 * 3. `stop()` shuts down gracefully: stop intake, drain in-flight reconciles, run stop hooks
 *    (e.g. flush events), stop watches, then release the Lease;
 * 4. losing the Lease stops the manager too (`done` resolves `'lost-leadership'`); the process
 *    should exit and be restarted, as controller-runtime does, rather than carry on as a follower.
 */
import { noopLogger, type Logger } from '../logging/logger.js';
import type { CacheFactory } from '../kube/kube-port.js';
import { systemClock, type Clock } from './clock.js';
import { LeaderElector, type LeaderElectorOptions } from './leader-election.js';
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiter.js';
import type { Reconciler } from './reconciler.js';
import { ControllerRunner, type ReconcileObserver } from './runner.js';
import { WorkQueue, type WorkQueueObserver } from './work-queue.js';

/** One controller to run. */
export interface ControllerRegistration {
  /** Name for logs and metrics (e.g. `externalsecret`). */
  readonly name: string;
  readonly reconciler: Reconciler;
  /** Workers (`--concurrent`). @default 1 */
  readonly concurrency?: number;
  /** See {@link ControllerRunnerOptions.requeueJitter}. @default 0.05 */
  readonly requeueJitter?: number;
  /** Wires cache events to the queue; called once, before the caches start. @default nothing */
  readonly watch?: (queue: WorkQueue) => void;
}

/** Metrics hooks of the manager (implemented by `TesseraMetrics`). */
export interface ManagerMetrics {
  controller(name: string): { queue: WorkQueueObserver; reconcile: ReconcileObserver };
  setLeader(name: string, leading: boolean): void;
}

/** Options of {@link Manager}. */
export interface ManagerOptions {
  readonly caches: CacheFactory;
  /** Omit to run without leader election (a single replica). */
  readonly leaderElection?: LeaderElectorOptions;
  /** @default noopLogger */
  readonly logger?: Logger;
  /** @default systemClock */
  readonly clock?: Clock;
  /** @default no metrics */
  readonly metrics?: ManagerMetrics;
  /** Rate limiter per controller queue. @default defaultControllerRateLimiter({ clock }) */
  readonly rateLimiter?: (controller: string) => RateLimiter;
}

/** Why the manager stopped. */
export type ManagerExit = 'stopped' | 'lost-leadership';

interface Controller {
  readonly registration: ControllerRegistration;
  readonly queue: WorkQueue;
  readonly runner: ControllerRunner;
}

/** See the module comment. */
export class Manager {
  private readonly controllers: Controller[] = [];
  private readonly stopHooks: (() => Promise<void>)[] = [];
  private readonly elector: LeaderElector | undefined;
  private readonly electionAbort = new AbortController();
  private election: Promise<void> | undefined;
  private synced = false;
  private stopping: Promise<void> | undefined;
  private resolveDone!: (exit: ManagerExit) => void;
  /** Resolves when the manager has fully stopped, saying why. */
  readonly done = new Promise<ManagerExit>((resolve) => (this.resolveDone = resolve));
  private readonly logger: Logger;
  private readonly clock: Clock;

  constructor(private readonly options: ManagerOptions) {
    this.logger = options.logger ?? noopLogger;
    this.clock = options.clock ?? systemClock;
    this.elector =
      options.leaderElection &&
      new LeaderElector({
        ...options.leaderElection,
        clock: options.leaderElection.clock ?? this.clock,
        logger: options.leaderElection.logger ?? this.logger,
      });
  }

  /** True once every cache has synced (drives `/readyz`). */
  get ready(): boolean {
    return this.synced && this.stopping === undefined;
  }

  /** True while controllers may run (leader, or no leader election). */
  get leading(): boolean {
    return this.controllers.some((controller) => controller.runner.running);
  }

  /** The leader-election identity, when enabled. */
  get identity(): string | undefined {
    return this.elector?.identity;
  }

  /** Registers a controller; returns its queue (also handed to `registration.watch`). */
  addController(registration: ControllerRegistration): WorkQueue {
    const observers = this.options.metrics?.controller(registration.name);
    const rateLimiter =
      this.options.rateLimiter?.(registration.name) ?? defaultControllerRateLimiter({ clock: this.clock });
    const queue = new WorkQueue({ clock: this.clock, rateLimiter, observer: observers?.queue });
    const runner = new ControllerRunner({
      name: registration.name,
      reconciler: registration.reconciler,
      queue,
      concurrency: registration.concurrency,
      requeueJitter: registration.requeueJitter,
      logger: this.logger,
      observer: observers?.reconcile,
    });
    registration.watch?.(queue);
    this.controllers.push({ registration, queue, runner });
    return queue;
  }

  /** Runs `hook` during shutdown, after in-flight reconciles drained and before watches stop. */
  onStop(hook: () => Promise<void>): void {
    this.stopHooks.push(hook);
  }

  /** Starts caches, waits for them to sync, then runs controllers (at once, or when elected). */
  async start(): Promise<void> {
    this.logger.info('starting caches');
    const exit = await Promise.race([this.options.caches.start().then(() => undefined), this.done]);
    if (exit !== undefined) return;
    this.synced = true;
    this.logger.info('caches synced');
    if (this.stopping !== undefined) return;
    if (this.elector === undefined) return this.startControllers();
    this.election = this.campaign(this.elector);
  }

  /** Graceful shutdown (idempotent); resolves when fully stopped. */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown('stopped');
    return this.stopping;
  }

  private async campaign(elector: LeaderElector): Promise<void> {
    this.logger.info('waiting for the leader lease', { identity: elector.identity });
    const end = await elector.run(this.electionAbort.signal, {
      onStartedLeading: () => {
        this.options.metrics?.setLeader(elector.identity, true);
        if (this.stopping === undefined) this.startControllers();
      },
      onNewLeader: (holder) => this.logger.info('leader observed', { leader: holder }),
    });
    this.options.metrics?.setLeader(elector.identity, false);
    if (end === 'lost') this.stopping ??= this.shutdown('lost-leadership');
  }

  private startControllers(): void {
    for (const controller of this.controllers) controller.runner.start();
  }

  private async shutdown(exit: ManagerExit): Promise<void> {
    this.logger.info('shutting down', { reason: exit });
    for (const controller of this.controllers) controller.queue.shutDown();
    await Promise.all(this.controllers.map((controller) => controller.runner.stop()));
    for (const hook of this.stopHooks) {
      await hook().catch((error: unknown) => this.logger.warn('stop hook failed', { err: error }));
    }
    await this.options.caches.stop();
    this.electionAbort.abort();
    await this.election;
    if (exit === 'stopped') await this.elector?.release();
    this.logger.info('stopped', { reason: exit });
    this.resolveDone(exit);
  }
}
