/** `spec.refreshInterval` of a store: integer seconds (legacy) or a Go duration; 0 or absent = the default. */
import { InvalidDurationError, parseGoDuration } from '../../api/v1/duration.js';
import { InvalidProviderConfigError } from '../../provider/errors.js';

/**
 * Milliseconds between store validations.
 * @throws InvalidProviderConfigError for negative or unparseable values (ESO's webhook rejects them).
 */
export function storeRefreshIntervalMs(value: number | string | undefined, defaultMs: number): number {
  if (value === undefined || value === null || value === '') return defaultMs;
  let ms: number;
  if (typeof value === 'number') {
    ms = value * 1000;
  } else if (/^-?\d+$/.test(value)) {
    ms = Number(value) * 1000;
  } else {
    try {
      ms = parseGoDuration(value);
    } catch (error) {
      const detail = error instanceof InvalidDurationError ? error.message : String(error);
      throw new InvalidProviderConfigError(`spec.refreshInterval: ${detail}`, { cause: error });
    }
  }
  if (!Number.isFinite(ms) || ms < 0) {
    throw new InvalidProviderConfigError(
      `spec.refreshInterval must not be negative (got ${String(value)}); use e.g. 5m`,
    );
  }
  return ms === 0 ? defaultMs : ms;
}
