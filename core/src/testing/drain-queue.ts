/** Helpers for tests that drive a {@link WorkQueue} by hand instead of running a controller. */
import type { Reconciler } from '../controller/reconciler.js';
import { parseObjectKey } from '../controller/reconciler.js';
import type { WorkQueue } from '../controller/work-queue.js';

/** Most keys {@link reconcileQueued} handles in one call: a reconcile that keeps requeueing cannot loop forever. */
const MAX_RECONCILES = 20;

/** Takes every queued key (in the queue's order) and marks each done; delayed keys stay delayed. */
export async function takeQueuedKeys(queue: WorkQueue): Promise<string[]> {
  const keys: string[] = [];
  while (queue.length > 0) {
    const key = (await queue.get()) as string;
    keys.push(key);
    queue.done(key);
  }
  return keys;
}

/**
 * Reconciles queued keys one at a time, as a single worker would, until the queue is empty (keys
 * queued meanwhile included, at most 20 reconciles). Reconcile errors are swallowed: tests assert
 * on the state they leave behind.
 */
export async function reconcileQueued(queue: WorkQueue, reconciler: Reconciler): Promise<void> {
  for (let turns = 0; queue.length > 0 && turns < MAX_RECONCILES; turns++) {
    const key = (await queue.get()) as string;
    await reconciler.reconcile(parseObjectKey(key)).catch(() => undefined);
    queue.done(key);
  }
}
