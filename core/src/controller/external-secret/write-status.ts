/**
 * Step: write the ExternalSecret's status (ESO B.8, A.4) — only when it changed.
 *
 * - Ready condition: reasons `SecretSynced`, `SecretDeleted`, `SecretMissing` (True) and
 *   `SecretSyncedError` (False) with ESO's messages; on failure Tessera appends what failed, naming
 *   the entry. `lastTransitionTime` is kept while the status (True/False) does not flip.
 * - On success only: `refreshTime` (the reconcile's start, in whole seconds like metav1.Time) and
 *   `syncedResourceVersion` (`<generation>-<hash of labels+annotations>`).
 * - `binding`: the target Secret's name once it has been written.
 */
import type { ExternalSecret, ExternalSecretCondition, ExternalSecretStatus } from '../../api/v1/index.js';
import type { KubeClient } from '../../kube/kube-port.js';
import { sameJson } from './json-equal.js';
import { syncedResourceVersionOf } from './object-hash.js';
import { toKubeTime } from '../../kube/kube-time.js';

/** ESO's Ready reasons. */
export type ReadyReason = 'SecretSynced' | 'SecretDeleted' | 'SecretMissing' | 'SecretSyncedError';

/** ESO's fixed condition messages. */
export const StatusMessages = {
  synced: 'secret synced',
  /** Tessera: the spec breaks an admission rule (ESO's webhook would have refused it). */
  invalidSpec: 'invalid ExternalSecret',
  retained: 'secret retained due to DeletionPolicy=Retain',
  deleted: 'secret deleted due to DeletionPolicy=Delete',
  missing: 'secret will not be created due to CreationPolicy=Merge',
  getDataFailed: 'could not get secret data from provider',
  deleteFailed: 'could not delete secret',
  deleteOrphansFailed: 'could not delete orphaned secrets',
  updateFailed: 'could not update secret',
  updateImmutable: 'could not update secret, target is immutable',
  takeOwnershipFailed: 'failed to take ownership of target secret',
  ownedByOther: 'target is owned by another ExternalSecret',
} as const;

/** What this reconcile concluded. */
export interface StatusChange {
  readonly ready: boolean;
  readonly reason: ReadyReason;
  readonly message: string;
  /** Set on a successful sync: records `refreshTime` and `syncedResourceVersion`. */
  readonly synced?: boolean;
  /** The target Secret's name once written; undefined keeps the current binding. */
  readonly binding?: string;
}

function readyCondition(
  previous: ExternalSecretCondition | undefined,
  change: StatusChange,
  now: Date,
): ExternalSecretCondition {
  const status = change.ready ? 'True' : 'False';
  if (
    previous &&
    previous.status === status &&
    previous.reason === change.reason &&
    previous.message === change.message
  ) {
    return previous;
  }
  const keepTime = previous?.status === status && previous.lastTransitionTime !== undefined;
  return {
    type: 'Ready',
    status,
    reason: change.reason,
    message: change.message,
    lastTransitionTime: keepTime ? previous.lastTransitionTime : toKubeTime(now),
  };
}

/** The status after `change`, computed from the current one. */
export function nextStatus(es: ExternalSecret, change: StatusChange, now: Date): ExternalSecretStatus {
  const current = es.status ?? {};
  const conditions = current.conditions ?? [];
  const previous = conditions.find((condition) => condition.type === 'Ready');
  const next: ExternalSecretStatus = {
    ...current,
    conditions: [
      ...conditions.filter((condition) => condition.type !== 'Ready'),
      readyCondition(previous, change, now),
    ],
  };
  if (change.synced) {
    next.refreshTime = toKubeTime(now);
    next.syncedResourceVersion = syncedResourceVersionOf(es);
  }
  if (change.binding !== undefined) next.binding = { name: change.binding };
  return next;
}

/** Whether two statuses are the same (key order and absent-vs-undefined ignored). */
export function sameStatus(
  a: ExternalSecretStatus | undefined,
  b: ExternalSecretStatus | undefined,
): boolean {
  return sameJson(a ?? {}, b ?? {});
}

/** Options of {@link writeStatus}. */
export interface WriteStatusOptions {
  readonly kube: KubeClient;
  readonly es: ExternalSecret;
  readonly change: StatusChange;
  /** When the reconcile started. */
  readonly now: Date;
}

/**
 * Writes the status through the status subresource (optimistic concurrency on resourceVersion).
 * Resolves with the updated object, or undefined when the status did not change (no API call).
 */
export async function writeStatus(options: WriteStatusOptions): Promise<ExternalSecret | undefined> {
  const status = nextStatus(options.es, options.change, options.now);
  if (sameStatus(options.es.status, status)) return undefined;
  return options.kube.updateStatus<ExternalSecret>({ ...options.es, status });
}
