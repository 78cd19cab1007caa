/** A {@link ProviderCallRecorder} that keeps every provider call in memory, so tests can count reads. */
import type { ProviderCallLabels, ProviderCallRecorder } from '../provider/provider-call-recorder.js';
import type { ProviderCallObserver } from '../provider/provider.js';
import { storeKeyOf } from '../provider/store-ref.js';

/** One observed provider call. */
export interface ObservedProviderCall {
  /** Store key (`SecretStore/<ns>/<name>` or `ClusterSecretStore/<name>`). */
  readonly store: string;
  readonly provider: string;
  readonly operation: string;
  readonly outcome: 'success' | 'error' | 'not_found' | 'throttled';
}

/** Records provider calls by store, provider, operation and outcome. */
export class CountingCallRecorder implements ProviderCallRecorder {
  readonly calls: ObservedProviderCall[] = [];

  observerFor(labels: ProviderCallLabels): ProviderCallObserver {
    const store = storeKeyOf(labels.store);
    return {
      observe: (call) => {
        this.calls.push({
          store,
          provider: labels.provider,
          operation: call.operation,
          outcome: call.outcome,
        });
      },
    };
  }

  /** Number of calls, optionally filtered by operation and/or store key. */
  count(filter: { operation?: string; store?: string } = {}): number {
    return this.calls.filter(
      (call) =>
        (filter.operation === undefined || call.operation === filter.operation) &&
        (filter.store === undefined || call.store === filter.store),
    ).length;
  }

  reset(): void {
    this.calls.length = 0;
  }
}
