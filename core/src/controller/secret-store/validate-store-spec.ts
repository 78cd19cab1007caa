/**
 * Static validation of a store (no network), as ESO's admission webhook does and the controller
 * repeats: exactly one known provider whose block matches its schema, namespace regexes that
 * compile, a parseable refreshInterval, and the provider's own `validateStore`.
 */
import { InvalidProviderConfigError } from '../../provider/errors.js';
import { validateNamespaceRegexes } from '../../provider/namespace-conditions.js';
import type { ProviderRegistry, ResolvedProvider } from '../../provider/provider-registry.js';
import { toStoreView, type AnyStore } from '../../provider/store-view.js';
import { storeRefreshIntervalMs } from './store-refresh-interval.js';

/** A store that passed static validation. */
export interface ValidatedStore {
  readonly provider: ResolvedProvider;
  /** Provider warnings (not errors). */
  readonly warnings: readonly string[];
  readonly refreshIntervalMs: number;
}

/**
 * Validates `store`.
 * @throws InvalidProviderConfigError naming the field at fault (never a value).
 */
export function validateStoreSpec(
  store: AnyStore,
  registry: ProviderRegistry,
  defaultIntervalMs: number,
): ValidatedStore {
  const provider = registry.resolveValidated(store.spec);
  validateNamespaceRegexes(store.spec.conditions);
  const refreshIntervalMs = storeRefreshIntervalMs(store.spec.refreshInterval, defaultIntervalMs);
  let warnings: readonly string[];
  try {
    warnings = provider.contribution.provider.validateStore(toStoreView(store, provider.block));
  } catch (error) {
    if (error instanceof InvalidProviderConfigError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new InvalidProviderConfigError(`spec.provider.${provider.name}: ${detail}`, { cause: error });
  }
  return { provider, warnings, refreshIntervalMs };
}
