import type { KindStrategy } from '../api/resource-type.js';
import type { NameRule } from '../objects/name-rules.js';

/** A strategy with no kind-specific rules. */
export function genericStrategy(
  options: { hasGeneration?: boolean; allowUnconditionalUpdate?: boolean; nameRule?: NameRule } = {},
): KindStrategy {
  return {
    hasGeneration: options.hasGeneration ?? false,
    allowUnconditionalUpdate: options.allowUnconditionalUpdate ?? true,
    nameRule: options.nameRule ?? 'subdomain',
  };
}
