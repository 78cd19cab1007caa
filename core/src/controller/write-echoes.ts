/**
 * Recognises watch events that only echo a reconcile's own write, so they queue nothing.
 *
 * A reconcile that writes an object (the ExternalSecret's finalizer, its target Secret) goes on
 * with the version the API server returned. The watch event for exactly that version tells the
 * reconcile nothing new, so reconciling again for it is a no-op (controller-runtime, and so ESO,
 * runs that no-op reconcile). An event is dropped only when its resourceVersion is the one our
 * write returned, and only for the queue key whose reconcile wrote it; every other event queues as
 * usual — someone else's change, even one racing ours, has another resourceVersion.
 *
 * The event may arrive before the write's response. Events for an object with a tracked write in
 * flight are held until the write settles; then the one carrying the returned version is dropped
 * and the others are queued (all of them when the write failed). Otherwise the returned version is
 * remembered until the object's next event, which consumes it whether or not it is the echo.
 * Overlapping writes to one object are not tracked: their events queue as usual.
 */
import type { KubeObject } from '../kube/kube-port.js';

/** One event held while a write is in flight. */
interface HeldEvent {
  readonly resourceVersion: string | undefined;
  readonly keys: readonly string[];
  readonly enqueue: (key: string) => void;
}

interface InFlight {
  /** The queue key whose reconcile writes. */
  readonly by: string;
  readonly held: HeldEvent[];
  /** Another write to the object started meanwhile: nothing is dropped. */
  overlapped: boolean;
}

interface Written {
  readonly by: string;
  readonly resourceVersion: string;
}

/** See the module comment. One per watched kind (object keys are `namespace/name`). */
export class WriteEchoes {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly written = new Map<string, Written>();

  /** Objects whose echo is awaited (for tests and leak checks). */
  get pending(): number {
    return this.written.size + this.inFlight.size;
  }

  /**
   * Runs `write` of the object `objectKey` for the reconcile of queue key `by`, and remembers the
   * resourceVersion it returns (none when it returns undefined or throws).
   */
  track<T extends KubeObject | undefined>(
    objectKey: string,
    by: string,
    write: () => Promise<T>,
  ): Promise<T> {
    this.written.delete(objectKey);
    const running = this.inFlight.get(objectKey);
    if (running !== undefined) {
      running.overlapped = true;
      return write();
    }
    const flight: InFlight = { by, held: [], overlapped: false };
    this.inFlight.set(objectKey, flight);
    let written: Promise<T>;
    try {
      written = write();
    } catch (error) {
      this.settle(objectKey, flight, undefined);
      throw error;
    }
    // Registered before the caller awaits `written`, so held events are released before it resumes.
    written.then(
      (result) => this.settle(objectKey, flight, result?.metadata.resourceVersion),
      () => this.settle(objectKey, flight, undefined),
    );
    return written;
  }

  /**
   * Routes one event of `objectKey` at `resourceVersion`: calls `enqueue(key)` for each of `keys`
   * except the writer's key when the event echoes its write — at once, or once the object's
   * in-flight write settles.
   */
  route(
    objectKey: string,
    resourceVersion: string | undefined,
    keys: readonly string[],
    enqueue: (key: string) => void,
  ): void {
    const flight = this.inFlight.get(objectKey);
    if (flight !== undefined) {
      flight.held.push({ resourceVersion, keys, enqueue });
      return;
    }
    const written = this.written.get(objectKey);
    if (written !== undefined) this.written.delete(objectKey);
    const echoOf =
      written !== undefined && written.resourceVersion === resourceVersion ? written.by : undefined;
    for (const key of keys) if (key !== echoOf) enqueue(key);
  }

  private settle(objectKey: string, flight: InFlight, returned: string | undefined): void {
    this.inFlight.delete(objectKey);
    const resourceVersion = flight.overlapped ? undefined : returned;
    let echoed = false;
    for (const event of flight.held) {
      const echo = !echoed && resourceVersion !== undefined && event.resourceVersion === resourceVersion;
      if (echo) echoed = true;
      for (const key of event.keys) if (!(echo && key === flight.by)) event.enqueue(key);
    }
    if (resourceVersion !== undefined && !echoed)
      this.written.set(objectKey, { by: flight.by, resourceVersion });
  }
}
