/**
 * Leader election on a `coordination.k8s.io/v1` Lease, following client-go's `leaderelection`:
 * - a candidate takes the Lease when it is free, released, or its holder has not renewed for
 *   `leaseDuration` — measured on the candidate's own clock since it last saw the record change,
 *   so clock skew between replicas does not matter;
 * - the leader renews every `retryPeriod`; if it cannot renew for `renewDeadline` it has lost;
 * - writes use the Lease's resourceVersion, so two candidates cannot both win a round.
 * Uses {@link KubeClient} only.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { KubeApiError, type KubeClient, type KubeObject, type ObjectRef } from '../kube/kube-port.js';
import { noopLogger, type Logger } from '../logging/logger.js';
import { sleep, systemClock, type Clock } from './clock.js';

/** `spec` of a Lease. Times are RFC 3339 MicroTime strings. */
export interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

export interface LeaseObject extends KubeObject {
  spec?: LeaseSpec;
}

/** Options of {@link LeaderElector}. Defaults are ESO's (15 s / 10 s / 2 s). */
export interface LeaderElectorOptions {
  readonly kube: KubeClient;
  /** Lease name (`--leader-election-id`). */
  readonly leaseName: string;
  readonly leaseNamespace: string;
  /** This replica's identity. @default `<hostname>_<uuid>` */
  readonly identity?: string;
  /** @default 15_000 */
  readonly leaseDurationMs?: number;
  /** @default 10_000 */
  readonly renewDeadlineMs?: number;
  /** @default 2_000 */
  readonly retryPeriodMs?: number;
  /** @default systemClock */
  readonly clock?: Clock;
  /** Random numbers in [0, 1) for the retry jitter. @default Math.random */
  readonly random?: () => number;
  /** @default noopLogger */
  readonly logger?: Logger;
}

/** How {@link LeaderElector.run} ended. */
export type ElectionEnd = 'cancelled' | 'lost';

/** Callbacks of {@link LeaderElector.run}. */
export interface ElectionCallbacks {
  /** Called once when this replica becomes leader. */
  readonly onStartedLeading?: () => void;
  /** Called whenever the observed holder changes (including to this replica). */
  readonly onNewLeader?: (identity: string) => void;
}

const LEASE_API = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' } as const;

/** See the module comment. */
export class LeaderElector {
  readonly identity: string;
  private observed: string | undefined;
  private observedAt = 0;
  private observedHolder = '';
  private leading = false;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly ref: ObjectRef;

  constructor(private readonly options: LeaderElectorOptions) {
    this.identity = options.identity ?? `${hostname()}_${randomUUID()}`;
    this.clock = options.clock ?? systemClock;
    this.logger = (options.logger ?? noopLogger).child({
      lease: `${options.leaseNamespace}/${options.leaseName}`,
    });
    this.ref = { ...LEASE_API, name: options.leaseName, namespace: options.leaseNamespace };
    if (this.renewDeadline >= this.leaseDuration)
      throw new Error('leader election: renewDeadline must be shorter than leaseDuration');
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** The holder this replica last saw ('' when none). */
  get leader(): string {
    return this.observedHolder;
  }

  /**
   * Campaigns until leader, then renews until `signal` aborts ('cancelled') or renewal fails for
   * `renewDeadline` ('lost'). Does not release the Lease: call {@link release} after draining.
   */
  async run(signal: AbortSignal, callbacks: ElectionCallbacks = {}): Promise<ElectionEnd> {
    if (!(await this.acquire(signal, callbacks))) return 'cancelled';
    this.leading = true;
    this.logger.info('became leader', { identity: this.identity });
    callbacks.onStartedLeading?.();
    const end = await this.renewLoop(signal, callbacks);
    this.leading = false;
    if (end === 'lost') this.logger.error('lost the leader lease', { identity: this.identity });
    return end;
  }

  /** Gives the Lease up if this replica still holds it, so another can take over at once. Never throws. */
  async release(): Promise<void> {
    try {
      const lease = await this.options.kube.get<LeaseObject>(this.ref);
      if (lease === undefined || lease.spec?.holderIdentity !== this.identity) return;
      const now = microTime(this.clock.now());
      const spec: LeaseSpec = {
        holderIdentity: '',
        leaseDurationSeconds: 1,
        acquireTime: now,
        renewTime: now,
        leaseTransitions: lease.spec.leaseTransitions ?? 0,
      };
      await this.options.kube.update<LeaseObject>({ ...lease, spec });
      this.logger.info('released the leader lease', { identity: this.identity });
    } catch (error) {
      this.logger.warn('could not release the leader lease; it will expire', { err: error });
    } finally {
      this.leading = false;
    }
  }

  private get leaseDuration(): number {
    return this.options.leaseDurationMs ?? 15_000;
  }

  private get renewDeadline(): number {
    return this.options.renewDeadlineMs ?? 10_000;
  }

  private get retryPeriod(): number {
    return this.options.retryPeriodMs ?? 2_000;
  }

  private async acquire(signal: AbortSignal, callbacks: ElectionCallbacks): Promise<boolean> {
    while (!signal.aborted) {
      if (await this.tryAcquireOrRenew(callbacks)) return true;
      const jitter = 1 + 1.2 * (this.options.random ?? Math.random)();
      if (!(await sleep(this.clock, this.retryPeriod * jitter, signal))) return false;
    }
    return false;
  }

  private async renewLoop(signal: AbortSignal, callbacks: ElectionCallbacks): Promise<ElectionEnd> {
    let lastRenew = this.clock.now();
    for (;;) {
      if (!(await sleep(this.clock, this.retryPeriod, signal))) return 'cancelled';
      const remaining = lastRenew + this.renewDeadline - this.clock.now();
      const renewed = await this.withDeadline(this.tryAcquireOrRenew(callbacks), remaining, signal);
      if (signal.aborted) return 'cancelled';
      if (renewed) lastRenew = this.clock.now();
      else if (this.clock.now() - lastRenew >= this.renewDeadline || this.observedHolder !== this.identity)
        return 'lost';
    }
  }

  /** One round of client-go's tryAcquireOrRenew. Never throws. */
  private async tryAcquireOrRenew(callbacks: ElectionCallbacks): Promise<boolean> {
    const now = this.clock.now();
    try {
      const lease = await this.options.kube.get<LeaseObject>(this.ref);
      if (lease === undefined) return await this.create(now, callbacks);
      const record = lease.spec ?? {};
      this.observe(record, now, callbacks);
      const holder = record.holderIdentity ?? '';
      const expires = this.observedAt + (record.leaseDurationSeconds ?? 0) * 1000;
      if (holder !== '' && holder !== this.identity && expires > now) return false;
      const spec: LeaseSpec = {
        holderIdentity: this.identity,
        leaseDurationSeconds: Math.ceil(this.leaseDuration / 1000),
        acquireTime: holder === this.identity ? record.acquireTime : microTime(now),
        renewTime: microTime(now),
        leaseTransitions: (record.leaseTransitions ?? 0) + (holder === this.identity ? 0 : 1),
      };
      const updated = await this.options.kube.update<LeaseObject>({ ...lease, spec });
      this.observe(updated.spec ?? spec, now, callbacks);
      return true;
    } catch (error) {
      if (!(error instanceof KubeApiError && error.isConflict))
        this.logger.warn('leader election round failed', { err: error });
      return false;
    }
  }

  private async create(now: number, callbacks: ElectionCallbacks): Promise<boolean> {
    const spec: LeaseSpec = {
      holderIdentity: this.identity,
      leaseDurationSeconds: Math.ceil(this.leaseDuration / 1000),
      acquireTime: microTime(now),
      renewTime: microTime(now),
      leaseTransitions: 0,
    };
    try {
      const created = await this.options.kube.create<LeaseObject>({
        ...LEASE_API,
        metadata: { name: this.ref.name, namespace: this.ref.namespace },
        spec,
      });
      this.observe(created.spec ?? spec, now, callbacks);
      return true;
    } catch (error) {
      if (error instanceof KubeApiError && error.code === 409) return false;
      throw error;
    }
  }

  private observe(record: LeaseSpec, now: number, callbacks: ElectionCallbacks): void {
    const serialised = JSON.stringify([
      record.holderIdentity,
      record.leaseDurationSeconds,
      record.acquireTime,
      record.renewTime,
      record.leaseTransitions,
    ]);
    if (serialised === this.observed) return;
    this.observed = serialised;
    this.observedAt = now;
    const holder = record.holderIdentity ?? '';
    if (holder !== this.observedHolder) {
      this.observedHolder = holder;
      if (holder !== '') callbacks.onNewLeader?.(holder);
    }
  }

  private async withDeadline(work: Promise<boolean>, ms: number, signal: AbortSignal): Promise<boolean> {
    if (ms <= 0) return false;
    const abort = new AbortController();
    const cancel = (): void => abort.abort();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      return await Promise.race([work, sleep(this.clock, ms, abort.signal).then(() => false)]);
    } finally {
      abort.abort();
      signal.removeEventListener('abort', cancel);
    }
  }
}

/** RFC 3339 with microseconds, as Kubernetes MicroTime. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}
