/**
 * The provider registry: every provider package contributes a {@link ProviderContribution} through
 * its ContainerModule; the registry keys them by descriptor name (the `spec.provider` key) and
 * answers "which provider serves this store". Core keeps no list of providers.
 */
import { injectable, multiInject, optional } from 'inversify';
import { DuplicateProviderError } from '../api/v1/store-schema.js';
import * as tokens from '../di/tokens.js';
import { InvalidProviderConfigError } from './errors.js';
import { providerBlockErrors } from './provider-block-errors.js';
import type { ProviderContribution } from './provider.js';

/** The provider chosen for a store spec, with its block (`spec.provider[name]`). */
export interface ResolvedProvider {
  readonly name: string;
  readonly contribution: ProviderContribution;
  readonly block: unknown;
}

/** What {@link ProviderRegistry.resolve} reads of a store spec. */
export interface ProviderSpecHolder {
  readonly provider?: Readonly<Record<string, unknown>> | null;
}

/** Provider contributions keyed by `spec.provider` key. Immutable after construction. */
@injectable()
export class ProviderRegistry {
  private readonly byName = new Map<string, ProviderContribution>();

  constructor(
    @multiInject(tokens.ProviderContribution) @optional() contributions: readonly ProviderContribution[] = [],
  ) {
    for (const contribution of contributions ?? []) {
      const name = contribution.descriptor.name;
      if (this.byName.has(name)) throw new DuplicateProviderError(name);
      this.byName.set(name, contribution);
    }
  }

  /** Registered `spec.provider` keys, sorted. */
  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  /** The contribution for one key, if registered. */
  get(name: string): ProviderContribution | undefined {
    return this.byName.get(name);
  }

  /** Every contribution, sorted by name (CRD generation, documentation). */
  all(): ProviderContribution[] {
    return this.names().map((name) => this.byName.get(name) as ProviderContribution);
  }

  /**
   * The one provider named in `spec.provider`.
   * @throws InvalidProviderConfigError when the spec names no provider, several, or an unknown one.
   */
  resolve(spec: ProviderSpecHolder): ResolvedProvider {
    const keys = Object.keys(spec.provider ?? {}).filter((key) => spec.provider?.[key] != null);
    if (keys.length !== 1) {
      const found = keys.length === 0 ? 'none' : `${keys.length} (${keys.sort().join(', ')})`;
      throw new InvalidProviderConfigError(
        `spec.provider must name exactly one provider but names ${found}; keep one of: ${this.knownList()}`,
      );
    }
    const name = keys[0];
    const contribution = this.byName.get(name);
    if (!contribution) {
      throw new InvalidProviderConfigError(
        `spec.provider.${name} is not a provider this operator knows (known: ${this.knownList()}); ` +
          'fix the key or add the provider package to the operator',
      );
    }
    return { name, contribution, block: spec.provider?.[name] };
  }

  /**
   * Resolves the provider and checks its block against the descriptor's schema.
   * @throws InvalidProviderConfigError naming the first offending fields (never their values).
   */
  resolveValidated(spec: ProviderSpecHolder): ResolvedProvider {
    const resolved = this.resolve(spec);
    const errors = providerBlockErrors(
      resolved.contribution.descriptor.schema,
      resolved.block,
      `spec.provider.${resolved.name}`,
    );
    if (errors.length > 0) {
      throw new InvalidProviderConfigError(`invalid provider configuration: ${errors.join('; ')}`);
    }
    return resolved;
  }

  private knownList(): string {
    return this.byName.size === 0 ? 'no providers are loaded' : this.names().join(', ');
  }
}
