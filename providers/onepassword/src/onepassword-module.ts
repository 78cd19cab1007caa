/**
 * The package's inversify module: contributes the 1Password provider to the registry through the
 * multi-bound `ProviderContribution` token. Nothing is registered by importing this package; the
 * composition root loads the module.
 */
import { ContainerModule } from 'inversify';
import type { ProviderContribution } from '@tessera/core';
import { onePasswordProviderDescriptor } from './onepassword-descriptor.js';
import { OnePasswordProvider, type OnePasswordProviderOptions } from './onepassword-provider.js';
import type { OnePasswordProviderSpec } from './onepassword-spec.js';

/** Token under which providers are multi-bound (same symbol as core's `tokens.ProviderContribution`). */
const PROVIDER_CONTRIBUTION = Symbol.for('tessera/ProviderContribution');

/** Builds a module contributing a provider made with `options` (tests pass a clock). */
export function createOnePasswordModule(options: OnePasswordProviderOptions = {}): ContainerModule {
  return new ContainerModule(({ bind }) => {
    const contribution: ProviderContribution<OnePasswordProviderSpec> = {
      descriptor: onePasswordProviderDescriptor,
      provider: new OnePasswordProvider(options),
    };
    bind<ProviderContribution>(PROVIDER_CONTRIBUTION).toConstantValue(contribution as ProviderContribution);
  });
}

/** The 1Password provider's module with production defaults. */
export const onePasswordModule: ContainerModule = createOnePasswordModule();
