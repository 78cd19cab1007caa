/**
 * The store's `status`: the Ready condition (ESO reasons) and `capabilities`. A new status is
 * computed only when something the user can see changed, and written with a merge patch to the
 * status subresource; a store deleted meanwhile is not an error.
 */
import type { Condition } from '../../api/v1/conditions.js';
import type { SecretStoreStatus } from '../../api/v1/secret-store.js';
import type { KubeClient } from '../../kube/kube-port.js';
import { KubeApiError } from '../../kube/kube-port.js';
import type { StoreCapabilities } from '../../provider/provider.js';
import type { AnyStore } from '../../provider/store-view.js';
import { toKubeTime } from '../../kube/kube-time.js';

/** ESO's store condition reasons. */
export type StoreReadyReason = 'Valid' | 'ValidationUnknown' | 'InvalidProviderConfig';

/** What the reconcile concluded about the store. */
export interface StoreReadiness {
  readonly ready: boolean;
  readonly reason: StoreReadyReason;
  readonly message: string;
  /** Set when the provider is known; kept from the old status otherwise. */
  readonly capabilities?: StoreCapabilities;
}

/** The store's current Ready condition, if any. */
export function readyConditionOf(store: AnyStore): Condition | undefined {
  return store.status?.conditions?.find((condition) => condition.type === 'Ready');
}

/** Whether the store's status says Ready=True. */
export function isStoreReady(store: AnyStore): boolean {
  return readyConditionOf(store)?.status === 'True';
}

/**
 * The status to write, or undefined when the visible status would not change. The transition time
 * moves only when the condition's status flips.
 */
export function nextStoreStatus(
  store: AnyStore,
  readiness: StoreReadiness,
  now: Date,
): SecretStoreStatus | undefined {
  const current = readyConditionOf(store);
  const status = readiness.ready ? 'True' : 'False';
  const capabilities = readiness.capabilities ?? store.status?.capabilities;
  const unchanged =
    current?.status === status &&
    current.reason === readiness.reason &&
    current.message === readiness.message &&
    store.status?.capabilities === capabilities;
  if (unchanged) return undefined;
  const ready: Condition = {
    type: 'Ready',
    status,
    reason: readiness.reason,
    message: readiness.message,
    lastTransitionTime:
      current?.status === status && current.lastTransitionTime ? current.lastTransitionTime : toKubeTime(now),
  };
  const others = (store.status?.conditions ?? []).filter((condition) => condition.type !== 'Ready');
  return {
    ...(store.status ?? {}),
    conditions: [...others, ready],
    ...(capabilities ? { capabilities } : {}),
  };
}

/** Writes `status` with a merge patch; a store that no longer exists is ignored. */
export async function writeStoreStatus(
  kube: KubeClient,
  store: AnyStore,
  status: SecretStoreStatus,
): Promise<void> {
  try {
    await kube.patchStatus(
      {
        apiVersion: store.apiVersion,
        kind: store.kind,
        name: store.metadata.name ?? '',
        namespace: store.metadata.namespace,
      },
      { status },
      'merge',
    );
  } catch (error) {
    if (error instanceof KubeApiError && error.isNotFound) return;
    throw error;
  }
}
