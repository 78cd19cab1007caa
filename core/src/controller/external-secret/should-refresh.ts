/**
 * Step: decide whether this reconcile reads the provider (ESO B.2), and when to look again.
 *
 * Policy (`refreshPolicy`):
 * - CreatedOnce: only if never synced;
 * - OnChange: if never synced or `syncedResourceVersion` differs (spec, labels or annotations changed);
 * - Periodic (default): with `refreshInterval ≤ 0` only until the first sync (not even on a spec change);
 *   otherwise on a change, when never synced, when `refreshTime` lies in the future, or when the
 *   interval has passed — the last one only while `syncWindows` allow it.
 * Validity override: whatever the policy, a target that is missing, lost the managed label or whose
 * data no longer matches its data-hash annotation is refreshed (drift repair). Orphan targets are
 * always valid (ESO), and so are None targets (there is nothing to check).
 *
 * Freshness (Tessera): a refresh the user caused (spec, label or annotation change), a first sync and
 * a drift repair read fresh data (`maxAgeMs: 0`), so a forced sync is never answered from a
 * provider's cache; a periodic refresh accepts data up to `refreshInterval` old, so a provider cache
 * never serves data older than the interval of the ExternalSecrets using it. See {@link readOptionsFor}.
 *
 * Requeue (Tessera differs from ESO where ESO churns): Periodic waits for the rest of its interval;
 * when a window blocks an overdue refresh it looks again in a minute; CreatedOnce and OnChange, and
 * `refreshInterval ≤ 0`, wait for a change (Secret drift and spec changes arrive as events).
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { SecretObject } from '../../kube/kube-port.js';
import type { ReadOptions } from '../../provider/provider.js';
import { awaitChange, requeue, type ReconcileResult } from '../reconciler.js';
import { fromWireData } from './byte-map.js';
import type { ExternalSecretSettings } from './load.js';
import { dataHash, syncedResourceVersionOf } from './object-hash.js';
import { periodicRefreshAllowed } from './sync-windows.js';
import { ANNOTATION_DATA_HASH, LABEL_MANAGED, LABEL_MANAGED_VALUE } from './target-bookkeeping.js';

/** How long to wait before re-checking an overdue refresh that a sync window blocks. */
export const WINDOW_RECHECK_MS = 60_000;

/** Why a reconcile does or does not refresh; useful in logs and tests. */
export type RefreshReason =
  | 'never-synced'
  | 'spec-changed'
  /** A `templateFrom` ConfigMap/Secret changed (see `template-source-refresh.ts`). */
  | 'template-source-changed'
  | 'refresh-time-in-future'
  | 'interval-elapsed'
  | 'target-invalid'
  | 'up-to-date'
  | 'blocked-by-sync-window';

/** The decision of {@link decideRefresh}. */
export interface RefreshDecision {
  readonly refresh: boolean;
  readonly reason: RefreshReason;
}

/** Options of {@link decideRefresh}. */
export interface DecideRefreshOptions {
  readonly es: ExternalSecret;
  readonly settings: ExternalSecretSettings;
  /** The target Secret as cached, undefined when absent. */
  readonly target: SecretObject | undefined;
  readonly now: Date;
}

function refreshTimeMs(es: ExternalSecret): number | undefined {
  const text = es.status?.refreshTime;
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) || ms <= 0 ? undefined : ms;
}

function neverSynced(es: ExternalSecret): boolean {
  return !es.status?.syncedResourceVersion || refreshTimeMs(es) === undefined;
}

/** The policy half of the decision (ESO `shouldRefresh`). */
export function policyDecision(
  es: ExternalSecret,
  settings: ExternalSecretSettings,
  now: Date,
): RefreshDecision {
  const synced = es.status?.syncedResourceVersion ?? '';
  const changed = synced !== syncedResourceVersionOf(es);
  switch (settings.refreshPolicy) {
    case 'CreatedOnce':
      return neverSynced(es)
        ? { refresh: true, reason: 'never-synced' }
        : { refresh: false, reason: 'up-to-date' };
    case 'OnChange':
      if (neverSynced(es)) return { refresh: true, reason: 'never-synced' };
      return changed ? { refresh: true, reason: 'spec-changed' } : { refresh: false, reason: 'up-to-date' };
    default:
      break;
  }
  if (settings.refreshIntervalMs <= 0 && synced !== '') return { refresh: false, reason: 'up-to-date' };
  if (changed) return { refresh: true, reason: synced === '' ? 'never-synced' : 'spec-changed' };
  const last = refreshTimeMs(es);
  if (last === undefined) return { refresh: true, reason: 'never-synced' };
  if (last > now.getTime()) return { refresh: true, reason: 'refresh-time-in-future' };
  if (last + settings.refreshIntervalMs >= now.getTime()) return { refresh: false, reason: 'up-to-date' };
  return periodicRefreshAllowed(es.spec.syncWindows, now)
    ? { refresh: true, reason: 'interval-elapsed' }
    : { refresh: false, reason: 'blocked-by-sync-window' };
}

/** The validity half (ESO `isSecretValid`): is the target as we last wrote it? */
export function isTargetValid(settings: ExternalSecretSettings, target: SecretObject | undefined): boolean {
  if (settings.creationPolicy === 'Orphan' || settings.creationPolicy === 'None') return true;
  if (!target) return false;
  if (target.metadata.labels?.[LABEL_MANAGED] !== LABEL_MANAGED_VALUE) return false;
  return target.metadata.annotations?.[ANNOTATION_DATA_HASH] === dataHash(fromWireData(target.data));
}

/** Whether this reconcile reads the provider. */
export function decideRefresh(options: DecideRefreshOptions): RefreshDecision {
  const policy = policyDecision(options.es, options.settings, options.now);
  if (policy.refresh) return policy;
  return isTargetValid(options.settings, options.target)
    ? policy
    : { refresh: true, reason: 'target-invalid' };
}

/**
 * How fresh the provider data of a refresh made for `reason` must be (see the module comment). A
 * `templateFrom` edit re-renders: the data is as fresh as a periodic refresh needs, not re-read.
 */
export function readOptionsFor(reason: RefreshReason, settings: ExternalSecretSettings): ReadOptions {
  const interval = settings.refreshIntervalMs > 0 ? { maxAgeMs: settings.refreshIntervalMs } : {};
  switch (reason) {
    case 'never-synced':
    case 'spec-changed':
    case 'target-invalid':
      return { maxAgeMs: 0 };
    case 'interval-elapsed':
    case 'refresh-time-in-future':
    case 'template-source-changed':
      return interval;
    default:
      return {};
  }
}

/** When to look again after a reconcile that refreshed or skipped (ESO `getRequeueResult`, minus its churn). */
export function nextCheck(es: ExternalSecret, settings: ExternalSecretSettings, now: Date): ReconcileResult {
  if (settings.refreshPolicy !== 'Periodic' || settings.refreshIntervalMs <= 0) return awaitChange();
  const last = refreshTimeMs(es);
  if (last === undefined) return requeue(settings.refreshIntervalMs);
  const elapsed = now.getTime() - last;
  if (elapsed < 0) return requeue(0);
  if (elapsed < settings.refreshIntervalMs) return requeue(settings.refreshIntervalMs - elapsed);
  return requeue(WINDOW_RECHECK_MS);
}
