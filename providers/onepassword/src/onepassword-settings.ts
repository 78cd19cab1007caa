/**
 * Tessera-only settings of a 1Password store, read from the store's annotations so that ESO's
 * schema stays unchanged:
 *
 * - `tessera.io/onepassword-requests-per-hour`: the store's request budget. Requests beyond it are
 *   spread out (each waits for its turn) instead of failing; a wait longer than the client's
 *   `maxBudgetWaitMs` becomes a `RateLimitedError` so the core retries later.
 * - `tessera.io/onepassword-cache-ttl`: how long a vault's item list (and so every cached item
 *   value) is trusted before Tessera asks Connect which items changed. A read's `maxAgeMs` (the
 *   ExternalSecret's `refreshInterval`, or 0 for a forced sync) shortens it further.
 */
import { InvalidProviderConfigError, parseGoDuration } from '@tessera/core';

/** Annotation holding the store's request budget (positive integer, requests per hour). */
export const REQUESTS_PER_HOUR_ANNOTATION = 'tessera.io/onepassword-requests-per-hour';
/** Annotation holding how long item lists are trusted (Go duration, e.g. `30s`, `5m`). */
export const CACHE_TTL_ANNOTATION = 'tessera.io/onepassword-cache-ttl';

/** Default item-list TTL: short enough for any sensible refresh interval. */
export const DEFAULT_CACHE_TTL_MS = 30_000;

/** Settings derived from a store's annotations. */
export interface OnePasswordStoreSettings {
  /** Request budget; undefined means no budget. */
  readonly requestsPerHour?: number;
  readonly cacheTtlMs: number;
}

/** Reads the settings; throws {@link InvalidProviderConfigError} naming the annotation when a value is invalid. */
export function settingsFromAnnotations(
  annotations: Readonly<Record<string, string>>,
): OnePasswordStoreSettings {
  const budget = annotations[REQUESTS_PER_HOUR_ANNOTATION];
  const ttl = annotations[CACHE_TTL_ANNOTATION];
  return {
    ...(budget !== undefined ? { requestsPerHour: parseBudget(budget) } : {}),
    cacheTtlMs: ttl !== undefined ? parseTtl(ttl) : DEFAULT_CACHE_TTL_MS,
  };
}

function parseBudget(value: string): number {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidProviderConfigError(
      `annotation ${REQUESTS_PER_HOUR_ANNOTATION} must be a whole number of requests per hour (at least 1), got "${value}"`,
    );
  }
  return n;
}

function parseTtl(value: string): number {
  let ms: number;
  try {
    ms = parseGoDuration(value.trim());
  } catch (cause) {
    throw new InvalidProviderConfigError(
      `annotation ${CACHE_TTL_ANNOTATION} must be a duration such as "30s" or "5m", got "${value}"`,
      { cause },
    );
  }
  if (ms < 0)
    throw new InvalidProviderConfigError(
      `annotation ${CACHE_TTL_ANNOTATION} must not be negative, got "${value}"`,
    );
  return ms;
}
