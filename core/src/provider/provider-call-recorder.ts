/**
 * How the core learns about every remote provider call: the client cache asks a
 * {@link ProviderCallRecorder} for an observer per store and passes it to `Provider.newClient`, so
 * providers count calls without knowing about metrics. The metrics module implements it.
 */
import type { ProviderCallObserver } from './provider.js';
import type { StoreRef } from './store-ref.js';

/** Labels that identify whose calls an observer counts. */
export interface ProviderCallLabels {
  readonly store: StoreRef;
  /** The provider's `spec.provider` key. */
  readonly provider: string;
}

/** Hands out call observers; implemented by metrics (and by test recorders). */
export interface ProviderCallRecorder {
  observerFor(labels: ProviderCallLabels): ProviderCallObserver;
}

/** A recorder that drops everything; the default when no metrics are wired. */
export const noopProviderCallRecorder: ProviderCallRecorder = {
  observerFor: () => ({ observe: () => undefined }),
};
