/**
 * {@link EventRecorder} writing core/v1 Events in the background, as client-go's recorder does:
 * - `record` only queues (never blocks or throws into a reconcile);
 * - a repeat of the same event (object, type, reason, message) bumps `count` and `lastTimestamp`
 *   of the existing Event instead of creating another;
 * - messages pass through the redaction hook and are cut to 1024 characters;
 * - the backlog is bounded: when full, the oldest pending event is dropped (and counted).
 */
import { hostname } from 'node:os';
import { systemClock, type Clock } from '../controller/clock.js';
import { noopLogger, type Logger } from '../logging/logger.js';
import type { TextRedactor } from '../logging/redactor.js';
import { KubeApiError, type EventRecorder, type KubeClient, type KubeObject } from './kube-port.js';
import { toKubeTime } from './kube-time.js';

/** Options of {@link KubeEventRecorder}. */
export interface KubeEventRecorderOptions {
  readonly kube: KubeClient;
  /** `source.component` and `reportingComponent`. @default 'external-secrets' (what ESO reports) */
  readonly component?: string;
  /** `source.host` and `reportingInstance`. @default os.hostname() */
  readonly instance?: string;
  /** Applied to every message. @default none */
  readonly redactor?: TextRedactor;
  /** Namespace for events about cluster-scoped objects. @default 'default' */
  readonly clusterEventNamespace?: string;
  /** Distinct events remembered for aggregation. @default 4096 */
  readonly maxRemembered?: number;
  /** Most events waiting to be written. @default 1000 */
  readonly maxPending?: number;
  /** @default systemClock */
  readonly clock?: Clock;
  /** @default noopLogger */
  readonly logger?: Logger;
}

interface PendingEvent {
  readonly object: KubeObject;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  readonly at: number;
}

interface Remembered {
  readonly name: string;
  readonly namespace: string;
  count: number;
}

const MAX_MESSAGE = 1024;

/** See the module comment. */
export class KubeEventRecorder implements EventRecorder {
  private readonly pending: PendingEvent[] = [];
  private readonly remembered = new Map<string, Remembered>();
  private pump: Promise<void> | undefined;
  private sequence = 0;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly instance: string;
  /** Events dropped because the backlog was full. */
  dropped = 0;

  constructor(private readonly options: KubeEventRecorderOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? noopLogger;
    this.instance = options.instance ?? hostname();
  }

  record(object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const redacted = this.options.redactor?.redact(message) ?? message;
    const text = redacted.length > MAX_MESSAGE ? `${redacted.slice(0, MAX_MESSAGE - 1)}…` : redacted;
    if (this.pending.length >= (this.options.maxPending ?? 1000)) {
      this.pending.shift();
      this.dropped++;
    }
    this.pending.push({ object, type, reason, message: text, at: this.clock.now() });
    this.pump ??= this.drain().finally(() => (this.pump = undefined));
  }

  /** Resolves once every queued event has been written (or failed). */
  async flush(): Promise<void> {
    while (this.pump !== undefined) await this.pump;
  }

  private async drain(): Promise<void> {
    for (let next = this.pending.shift(); next !== undefined; next = this.pending.shift()) {
      try {
        await this.write(next);
      } catch (error) {
        this.logger.warn('could not write event', {
          reason: next.reason,
          object: next.object.metadata.name,
          err: error,
        });
      }
    }
  }

  private async write(event: PendingEvent): Promise<void> {
    const key = aggregationKey(event);
    const known = this.remembered.get(key);
    if (known !== undefined) {
      const patch = {
        count: known.count + 1,
        lastTimestamp: toKubeTime(new Date(event.at)),
      };
      try {
        await this.options.kube.patch(
          { apiVersion: 'v1', kind: 'Event', name: known.name, namespace: known.namespace },
          patch,
          'merge',
        );
        known.count++;
        this.touch(key, known);
        return;
      } catch (error) {
        if (!(error instanceof KubeApiError && error.isNotFound)) throw error;
        this.remembered.delete(key);
      }
    }
    const created = await this.options.kube.create(this.newEvent(event));
    this.touch(key, {
      name: created.metadata.name ?? '',
      namespace: created.metadata.namespace ?? '',
      count: 1,
    });
  }

  private newEvent(event: PendingEvent): KubeObject {
    const { object } = event;
    const namespace = object.metadata.namespace || (this.options.clusterEventNamespace ?? 'default');
    const time = toKubeTime(new Date(event.at));
    const instance = this.instance;
    const component = this.options.component ?? 'external-secrets';
    const suffix = (BigInt(event.at) * 1_000_000n + BigInt(this.sequence++ % 1_000_000)).toString(16);
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${object.metadata.name ?? 'object'}.${suffix}`, namespace },
      involvedObject: {
        apiVersion: object.apiVersion,
        kind: object.kind,
        name: object.metadata.name,
        namespace: object.metadata.namespace,
        uid: object.metadata.uid,
        resourceVersion: object.metadata.resourceVersion,
      },
      reason: event.reason,
      message: event.message,
      type: event.type,
      count: 1,
      firstTimestamp: time,
      lastTimestamp: time,
      source: { component, host: instance },
      reportingComponent: component,
      reportingInstance: instance,
    };
  }

  private touch(key: string, value: Remembered): void {
    this.remembered.delete(key);
    this.remembered.set(key, value);
    if (this.remembered.size > (this.options.maxRemembered ?? 4096)) {
      this.remembered.delete(this.remembered.keys().next().value as string);
    }
  }
}

function aggregationKey(event: PendingEvent): string {
  const { metadata, kind } = event.object;
  return [
    kind,
    metadata.namespace ?? '',
    metadata.name ?? '',
    metadata.uid ?? '',
    event.type,
    event.reason,
    event.message,
  ].join('\u0000');
}
