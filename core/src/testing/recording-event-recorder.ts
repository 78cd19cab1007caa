/** An {@link EventRecorder} that keeps every event in memory for assertions. */
import type { EventRecorder, KubeObject } from '../kube/kube-port.js';

/** One recorded event. */
export interface RecordedEvent {
  readonly kind: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

/** Records events instead of sending them. */
export class RecordingEventRecorder implements EventRecorder {
  readonly events: RecordedEvent[] = [];

  record(object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.events.push({
      kind: object.kind,
      namespace: object.metadata.namespace,
      name: object.metadata.name,
      type,
      reason,
      message,
    });
  }

  /** Events about one object (by kind and name). */
  about(kind: string, name: string): RecordedEvent[] {
    return this.events.filter((event) => event.kind === kind && event.name === name);
  }

  /** Events with one reason. */
  withReason(reason: string): RecordedEvent[] {
    return this.events.filter((event) => event.reason === reason);
  }

  clear(): void {
    this.events.length = 0;
  }
}
