/**
 * Manager registrations for the store controllers: the store cache feeds the queue, ignoring
 * status-only updates (the reconciler's own writes), so writing a status does not trigger another
 * validation round.
 */
import type { ControllerRegistration } from '../manager.js';
import { enqueueOnChange, ignoreStatusOnlyUpdates } from '../manager-watches.js';
import type { StoreReconciler } from './store-reconciler.js';

/** Options of {@link storeControllerRegistration}. */
export interface StoreControllerRegistrationOptions {
  readonly reconciler: StoreReconciler;
  /** Workers. @default 1 */
  readonly concurrency?: number;
}

/** What to pass to `manager.addController` for one store kind (named `secretstore` / `clustersecretstore` as in ESO). */
export function storeControllerRegistration(
  options: StoreControllerRegistrationOptions,
): ControllerRegistration {
  const { reconciler } = options;
  return {
    name: reconciler.kind.toLowerCase(),
    reconciler,
    concurrency: options.concurrency,
    watch: (queue) => {
      enqueueOnChange(reconciler.stores, queue, { filter: ignoreStatusOnlyUpdates });
    },
  };
}
