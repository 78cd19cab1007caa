/**
 * "A store became Ready or changed": the store controller announces it so the ExternalSecret
 * controller can re-queue the ExternalSecrets that use the store at once, instead of waiting for
 * backoff (ESO waits up to 7 minutes, §H.5).
 */
import type { StoreKey } from '../../provider/store-ref.js';

/** Receives the key of a store that became Ready or whose generation changed while Ready. */
export type StoreReadyListener = (storeKey: StoreKey) => void;

/** A tiny synchronous publish/subscribe; one instance per process. */
export class StoreReadyNotifier {
  private readonly listeners = new Set<StoreReadyListener>();
  /** Listener failures (a listener must not throw; they are kept for diagnosis, never rethrown). */
  readonly failures: unknown[] = [];

  /** Subscribes; returns the unsubscribe function. */
  onStoreReady(listener: StoreReadyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener; a throwing listener does not stop the others. */
  notify(storeKey: StoreKey): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(storeKey);
      } catch (error) {
        if (this.failures.length < 100) this.failures.push(error);
      }
    }
  }
}
